package grader.intake;

/**
 * Reads the package a Java source declares, the way javac reads it (after Unicode escapes, past
 * comments and annotations), so a file cannot hide a reserved package from intake.
 */
final class PackageDeclaration {
  private final String text;
  private int position;

  private PackageDeclaration(String text) {
    this.text = text;
  }

  /** The declared package, or {@code ""} for a source without a package declaration. */
  static String of(String source) {
    return new PackageDeclaration(translateUnicodeEscapes(source)).read();
  }

  private String read() {
    skipTrivia();
    while (peek() == '@') {
      position++;
      skipTrivia();
      qualifiedName();
      skipTrivia();
      if (peek() == '(') {
        skipParentheses();
        skipTrivia();
      }
    }
    if (!identifier().equals("package")) {
      return "";
    }
    skipTrivia();
    return qualifiedName();
  }

  private String qualifiedName() {
    StringBuilder name = new StringBuilder(identifier());
    while (true) {
      int mark = position;
      skipTrivia();
      if (peek() != '.') {
        position = mark;
        return name.toString();
      }
      position++;
      skipTrivia();
      name.append('.').append(identifier());
    }
  }

  private String identifier() {
    int start = position;
    if (position < text.length() && Character.isJavaIdentifierStart(text.charAt(position))) {
      position++;
      while (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
        position++;
      }
    }
    return text.substring(start, position);
  }

  private void skipParentheses() {
    int depth = 0;
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return;
      } else if (c == '"' || c == '\'') {
        skipLiteral(c);
      }
    }
  }

  private void skipLiteral(char quote) {
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c == '\\') {
        position++;
      } else if (c == quote) {
        return;
      }
    }
  }

  private void skipTrivia() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (Character.isWhitespace(c) || c == '\u001a') {
        position++;
      } else if (text.startsWith("//", position)) {
        int end = text.indexOf('\n', position);
        position = end < 0 ? text.length() : end + 1;
      } else if (text.startsWith("/*", position)) {
        int end = text.indexOf("*/", position + 2);
        position = end < 0 ? text.length() : end + 2;
      } else {
        return;
      }
    }
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  /** JLS 3.3: {@code \\uXXXX} is replaced before anything else, unless its backslash is escaped. */
  static String translateUnicodeEscapes(String source) {
    if (source.indexOf("\\u") < 0) {
      return source;
    }
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    int backslashes = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\\' && backslashes % 2 == 0 && i + 1 < source.length() && source.charAt(i + 1) == 'u') {
        int j = i + 1;
        while (j < source.length() && source.charAt(j) == 'u') {
          j++;
        }
        if (j + 4 <= source.length() && isHex(source, j, j + 4)) {
          out.append((char) Integer.parseInt(source.substring(j, j + 4), 16));
          i = j + 4;
          backslashes = 0;
          continue;
        }
      }
      backslashes = c == '\\' ? backslashes + 1 : 0;
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static boolean isHex(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (Character.digit(s.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
