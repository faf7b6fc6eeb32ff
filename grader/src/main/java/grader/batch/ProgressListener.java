package grader.batch;

import grader.report.Points;
import grader.report.TerminalText;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Shows a batch's progress: on a terminal, one line redrawn in place with {@code \r} (a bar,
 * done/total, errors, an ETA and who is being graded); elsewhere (CI logs, files), one plain line
 * per finished student.
 */
public final class ProgressListener implements BatchListener {
  private static final int BAR = 24;
  private final PrintWriter out;
  private final boolean terminal;
  private final int columns;
  private final LongSupplier nanoTime;
  private final Set<String> active = new LinkedHashSet<>();
  private int total;
  private int done;
  private int fresh;
  private int errors;
  private long startNanos;
  private int drawn;
  private boolean closed;

  /**
   * @param terminal whether {@code out} is an interactive terminal that understands {@code \r}
   * @param columns the terminal's width; the progress line never gets longer
   */
  public ProgressListener(Writer out, boolean terminal, int columns, LongSupplier nanoTime) {
    this.out = out instanceof PrintWriter p ? p : new PrintWriter(out);
    this.terminal = terminal;
    this.columns = Math.max(40, columns);
    this.nanoTime = nanoTime;
  }

  @Override
  public void noted(String line) {
    printLine("note: " + line);
  }

  @Override
  public void started(int total, ShardSpec shard) {
    this.total = total;
    this.startNanos = nanoTime.getAsLong();
    printLine("batch: " + total + (total == 1 ? " submission" : " submissions")
        + (shard.isWhole() ? "" : " in shard " + shard));
    redraw();
  }

  @Override
  public void studentStarted(String id) {
    active.add(id);
    redraw();
  }

  @Override
  public void studentFinished(StudentOutcome outcome, boolean reused) {
    active.remove(outcome.id());
    done++;
    if (!reused && (outcome.scorecard() != null || outcome.entry().durationMs() > 0)) {
      // Only real gradings say how fast the batch goes; an unreadable zip is rejected in no time.
      fresh++;
    }
    if (outcome.status() == StudentStatus.ERROR) {
      errors++;
    }
    String counter = "[" + pad(done) + "/" + total + "] ";
    String what;
    if (outcome.scorecard() != null) {
      what = outcome.id() + ": " + Points.format(outcome.scorecard().score()) + " / "
          + Points.format(outcome.scorecard().maxScore())
          + (outcome.entry().message().isEmpty() ? "" : " (" + outcome.entry().message() + ")")
          + (reused ? ", up to date (kept)" : String.format(Locale.ROOT, " in %.1f s", outcome.entry().durationMs() / 1000.0));
    } else {
      what = outcome.id() + ": " + outcome.status().id() + ": " + outcome.entry().message();
    }
    if (terminal) {
      // On a terminal only problems scroll by; the bar carries the rest.
      if (outcome.status() != StudentStatus.GRADED || !outcome.entry().message().isEmpty()) {
        printLine(counter + what);
      }
      redraw();
    } else {
      printLine(counter + what);
    }
  }

  @Override
  public void finished(BatchResult result) {
    closed = true;
    clear();
    printLine(String.format(Locale.ROOT, "batch: %d students: %d graded now, %d up to date, %d error%s, %s",
        result.summary().students().size(), result.gradedNow(), result.reused(), result.errors(),
        result.errors() == 1 ? "" : "s", elapsed()));
  }

  /** The progress line, e.g. {@code [#####-----] 12/30  2 errors  ETA 3m05s  grading alice, bob}. */
  String progressLine() {
    int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
    StringBuilder line = new StringBuilder("[").append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ")
        .append(done).append('/').append(total);
    line.append("  ").append(errors).append(errors == 1 ? " error" : " errors");
    line.append("  ETA ").append(eta());
    if (!active.isEmpty()) {
      line.append("  grading ").append(String.join(", ", active));
    }
    String text = line.toString();
    return text.length() <= columns - 1 ? text : text.substring(0, columns - 2) + "…";
  }

  private String eta() {
    int remaining = total - done;
    if (remaining == 0) {
      return "0s";
    }
    if (fresh == 0) {
      return "--";
    }
    long elapsed = nanoTime.getAsLong() - startNanos;
    long seconds = Math.round(elapsed / 1e9 / fresh * remaining);
    return duration(seconds);
  }

  private String elapsed() {
    return "took " + duration(Math.round((nanoTime.getAsLong() - startNanos) / 1e9));
  }

  static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
  }

  private String pad(int n) {
    String s = Integer.toString(n);
    return " ".repeat(Math.max(0, Integer.toString(total).length() - s.length())) + s;
  }

  private void redraw() {
    if (!terminal || closed) {
      return;
    }
    String line = TerminalText.line(progressLine());
    out.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
    drawn = line.length();
    out.flush();
  }

  private void clear() {
    if (terminal && drawn > 0) {
      out.print("\r" + " ".repeat(drawn) + "\r");
      drawn = 0;
    }
  }

  private void printLine(String line) {
    clear();
    out.println(TerminalText.sanitize(line));
    out.flush();
    if (terminal && total > 0) {
      redraw();
    }
  }
}
