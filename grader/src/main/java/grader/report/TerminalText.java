package grader.report;

/**
 * Text from a submission made safe for a terminal: no control character (C0 except line feed and
 * tab, DEL, C1, so no ANSI or OSC escape sequence, bell or carriage-return overwrite), no bidi
 * control that could make a line read differently from what it holds (Trojan Source), no lone
 * surrogate. Each becomes {@code ?}. The one place every terminal writer of the grader sends
 * student-controlled text through.
 */
public final class TerminalText {

  private TerminalText() {}

  /** {@code text} with CRLF as LF and every unsafe character replaced by {@code ?}; null becomes "". */
  public static String sanitize(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    String unified = text.replace("\r\n", "\n");
    for (int i = 0; i < unified.length(); i++) {
      char c = unified.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < unified.length() && Character.isLowSurrogate(unified.charAt(i + 1))) {
        out.append(c).append(unified.charAt(++i));
      } else if (c == '\n' || c == '\t') {
        out.append(c);
      } else if (Character.isISOControl(c) || Character.isSurrogate(c) || isBidiControl(c)) {
        out.append('?');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** One line: {@link #sanitize} with line feeds and tabs as spaces too (progress lines, table cells). */
  public static String line(String text) {
    return sanitize(text).replace('\n', ' ').replace('\t', ' ');
  }

  /** The explicit directional formatting characters of Unicode (UAX #9) and the implicit marks. */
  static boolean isBidiControl(char c) {
    return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
