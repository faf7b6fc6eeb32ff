package grader.batch;

import grader.report.HtmlText;

/**
 * The one writer of the batch's HTML pages. It has no plain {@code append}: every piece is either
 * {@link #text} (escaped by {@link HtmlText#escape}, whatever it holds) or {@link #markup} (the
 * page's own tags, never student text), so a forgotten escape cannot put student text on a page.
 */
final class HtmlOut {
  private final StringBuilder html;

  HtmlOut(int capacity) {
    html = new StringBuilder(capacity);
  }

  /** The page's own markup: tags, attributes and entities written by the grader. */
  HtmlOut markup(String markup) {
    html.append(markup);
    return this;
  }

  HtmlOut markup(char markup) {
    html.append(markup);
    return this;
  }

  /** Text, escaped: student text, messages, ids, anything not written by the page itself. */
  HtmlOut text(String text) {
    html.append(HtmlText.escape(text));
    return this;
  }

  /** A number, as digits. */
  HtmlOut text(long number) {
    html.append(number);
    return this;
  }

  @Override
  public String toString() {
    return html.toString();
  }
}
