package grader.batch;

/**
 * Keeps a spreadsheet from running text from a submission as a formula (CSV injection). A
 * spreadsheet may split a cell again on its locale's list separator ({@code ;} in much of Europe),
 * on tabs or on {@code |} when a user picks it, and it may trim spaces before it looks: so every
 * piece that could become a cell of its own, not only the first character of the cell, is checked.
 * A piece whose first non-blank character starts a formula ({@code = + - @}, their full-width forms
 * {@code ＝ ＋ － ＠}, or a tab or carriage return that some spreadsheets skip) gets an apostrophe in
 * front, which spreadsheets show as text. Quoting is the CSV library's job; this class only defuses.
 */
final class SpreadsheetText {

  /** Where a spreadsheet may start a new cell inside one CSV field. */
  private static final String SEPARATORS = ",;\t|\n\r";

  /** Characters that start a formula, ASCII and full-width. */
  private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

  private SpreadsheetText() {}

  /** {@code text} with an apostrophe before every formula start at the beginning of a possible cell. */
  static String defuse(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    boolean cellStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (cellStart && FORMULA_STARTS.indexOf(c) >= 0) {
        out.append('\'');
        // A tab or CR also separates: the piece after it is checked on its own.
        cellStart = SEPARATORS.indexOf(c) >= 0;
      } else if (cellStart && c == ' ') {
        // Spaces in front are trimmed by some imports: the piece still starts after them.
      } else if (SEPARATORS.indexOf(c) >= 0) {
        out.append(c);
        cellStart = true;
        continue;
      } else {
        cellStart = false;
      }
      out.append(c);
    }
    return out.toString();
  }
}
