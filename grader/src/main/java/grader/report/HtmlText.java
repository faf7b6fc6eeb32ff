package grader.report;

/** Text for HTML: the grader's one HTML escaper, so student text reaches no page unescaped. */
public final class HtmlText {
  private HtmlText() {}

  /**
   * The one HTML escaping of the grader (the batch's pages, the HTML inside Markdown reports): markup characters as entities (safe in text and in
   * quoted attributes); control characters (C0 but line breaks and tab, DEL, C1), bidi controls
   * and lone surrogates, which would make the page invalid or misleading, as U+FFFD.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\n', '\t', '\r' -> out.append(c);
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u061C' || c == '\u200E'
              || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
