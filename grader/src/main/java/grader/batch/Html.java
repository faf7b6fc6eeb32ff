package grader.batch;

import grader.report.HtmlText;
import java.util.Locale;

/** Escaping and the shared inline style of the batch's HTML pages (no network: everything inline). */
final class Html {
  private Html() {}

  /** The one HTML escaping of the grader ({@link HtmlText#escape}), for the batch's pages. */
  static String escape(String text) {
    return HtmlText.escape(text);
  }

  /** A percentage for display, {@code 0..100}, rounded to a whole number. */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
  }

  /** A coordinate for SVG: at most one decimal, always a dot. */
  static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value).replace(".0", "");
  }

  static String statusBadge(String status) {
    return "<span class=\"badge st-" + escape(status) + "\">" + escape(status.replace('_', ' ')) + "</span>";
  }

  static String head(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        + "script-src 'unsafe-inline'; img-src data:\">\n"
        + "<title>" + escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n";
  }

  static final String CSS = """
      :root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#ffffff; --soft:#f6f8fa;
        --accent:#0969da; --ok:#1a7f37; --warn:#9a6700; --bad:#cf222e; --okbg:#dafbe1; --warnbg:#fff8c5; --badbg:#ffebe9; }
      * { box-sizing: border-box; }
      body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
        color: var(--fg); background: var(--bg); }
      main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 60px; }
      h1 { font-size: 26px; margin: 0 0 4px; }
      h2 { font-size: 18px; margin: 32px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
      h3 { font-size: 15px; margin: 18px 0 6px; }
      a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
      .sub { color: var(--muted); margin: 0; }
      .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 4px; }
      .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 120px; background: var(--soft); }
      .card b { display: block; font-size: 22px; }
      .card span { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
      svg { display: block; max-width: 100%; height: auto; }
      svg text { font-family: inherit; fill: var(--fg); }
      svg .axis { stroke: var(--line); } svg .muted { fill: var(--muted); }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
      th { background: var(--soft); font-weight: 600; white-space: nowrap; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
      th button { all: unset; cursor: pointer; } th button:focus-visible { outline: 2px solid var(--accent); }
      th[aria-sort=ascending] button::after { content: " \\25B2"; font-size: 10px; }
      th[aria-sort=descending] button::after { content: " \\25BC"; font-size: 10px; }
      tr.row-error td { background: #fff5f5; } tr.row-pending td { background: #fffcea; }
      td.id, td.num { white-space: nowrap; }
      tbody tr:hover td { background: var(--soft); }
      .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
        border: 1px solid transparent; white-space: nowrap; }
      .st-passed, .st-graded { background: var(--okbg); color: var(--ok); border-color: #aceebb; }
      .st-failed, .st-error, .st-crashed, .st-compile_error { background: var(--badbg); color: var(--bad); border-color: #ffcecb; }
      .st-timed_out, .st-missing, .st-not_run, .st-pending { background: var(--warnbg); color: var(--warn); border-color: #f5e0a0; }
      .msg { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        font-size: 12.5px; margin: 0; }
      pre.log { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 10px; max-height: 480px; overflow: auto; }
      .problem { background: var(--badbg); border: 1px solid #ffcecb; border-radius: 6px; padding: 10px 14px; color: var(--bad); }
      .attention { background: var(--warnbg); border: 1px solid #f5e0a0; border-radius: 6px; padding: 10px 14px; color: var(--warn); }
      table.tests th:nth-child(1) { width: 32%; } table.tests th:nth-child(2) { width: 96px; } table.tests th:nth-child(3) { width: 72px; }
      .note { color: var(--muted); font-size: 12.5px; }
      .filter { margin: 6px 0 10px; padding: 6px 10px; width: 320px; max-width: 100%; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
      dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
      dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
      details summary { cursor: pointer; color: var(--accent); }
      .legend { display: flex; gap: 16px; color: var(--muted); font-size: 12.5px; margin: 4px 0; }
      .legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
      @media print { .filter, details summary { display: none; } }
      """;
}
