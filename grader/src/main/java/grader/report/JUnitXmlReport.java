package grader.report;

import grader.scorecard.Diagnostic;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.Scorecard;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;

/**
 * A scorecard as the JUnit XML that CI tools read (the Ant/Surefire shape): one {@code testsuite}
 * per exercise, one {@code testcase} per test with a {@code failure} (failed, timed out), {@code
 * error} or {@code skipped} (not run) element carrying the feedback. An exercise that could not be
 * graded normally gets one more test case, in error, saying why. No timestamps or host names, so
 * the same scorecard always gives the same file.
 */
public final class JUnitXmlReport implements ScorecardRenderer {

  @Override
  public String render(Scorecard scorecard) {
    int tests = 0;
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    StringBuilder suites = new StringBuilder();
    for (ExerciseResult exercise : scorecard.exercises()) {
      Counts counts = suite(suites, exercise);
      tests += counts.tests;
      failures += counts.failures;
      errors += counts.errors;
      skipped += counts.skipped;
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites name=\"concurrency-grader\" tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\""
        + errors + "\" skipped=\"" + skipped + "\" time=\"" + Points.seconds(scorecard.durationMs()) + "\">\n"
        + suites
        + "</testsuites>\n";
  }

  private static final class Counts {
    int tests;
    int failures;
    int errors;
    int skipped;
    long millis;
  }

  private Counts suite(StringBuilder out, ExerciseResult exercise) {
    Counts counts = new Counts();
    StringBuilder cases = new StringBuilder();
    if (exercise.status() != ExerciseStatus.GRADED) {
      counts.tests++;
      counts.errors++;
      StringBuilder detail = new StringBuilder(exercise.message() == null ? "" : exercise.message());
      for (Diagnostic d : exercise.diagnostics()) {
        detail.append('\n').append(TerminalReport.location(d)).append(d.kind()).append(": ").append(d.message());
      }
      cases.append("    <testcase classname=\"").append(attribute(exercise.id())).append("\" name=\"")
          .append(attribute(exercise.id() + ": " + TerminalReport.label(exercise.status()))).append("\" time=\"0.000\">\n")
          .append("      <error type=\"").append(exercise.status().id()).append("\" message=\"")
          .append(attribute(firstLine(exercise.message()))).append("\">").append(text(detail.toString()))
          .append("</error>\n")
          .append("    </testcase>\n");
    }
    for (TestResult test : exercise.tests()) {
      counts.tests++;
      counts.millis += test.durationMs();
      String opening = "    <testcase classname=\"" + attribute(exercise.id()) + "\" name=\"" + attribute(test.name())
          + "\" time=\"" + Points.seconds(test.durationMs()) + "\"";
      boolean hasOutput = test.output() != null && !test.output().isEmpty();
      if (test.status() == TestStatus.PASSED && !hasOutput) {
        cases.append(opening).append("/>\n");
        continue;
      }
      cases.append(opening).append(">\n");
      String detail = detail(test);
      if (test.status() == TestStatus.FAILED || test.status() == TestStatus.TIMED_OUT) {
        counts.failures++;
        cases.append("      <failure type=\"").append(test.status().id()).append("\" message=\"")
            .append(attribute(firstLine(test.message()))).append("\">").append(text(detail)).append("</failure>\n");
      } else if (test.status() == TestStatus.ERROR) {
        counts.errors++;
        cases.append("      <error type=\"error\" message=\"").append(attribute(firstLine(test.message()))).append("\">")
            .append(text(detail)).append("</error>\n");
      } else if (test.status() == TestStatus.NOT_RUN) {
        counts.skipped++;
        cases.append("      <skipped message=\"").append(attribute(firstLine(test.message()))).append("\"/>\n");
      }
      if (hasOutput) {
        cases.append("      <system-out>").append(text(test.output())).append("</system-out>\n");
      }
      cases.append("    </testcase>\n");
    }
    out.append("  <testsuite name=\"").append(attribute(exercise.id())).append("\" tests=\"").append(counts.tests)
        .append("\" failures=\"").append(counts.failures).append("\" errors=\"").append(counts.errors)
        .append("\" skipped=\"").append(counts.skipped).append("\" time=\"").append(Points.seconds(counts.millis))
        .append("\">\n");
    out.append("    <properties>\n");
    property(out, "title", exercise.title());
    property(out, "status", exercise.status().id());
    property(out, "score", Points.format(exercise.score()));
    property(out, "max_score", Points.format(exercise.maxScore()));
    out.append("    </properties>\n").append(cases).append("  </testsuite>\n");
    return counts;
  }

  private static String detail(TestResult test) {
    StringBuilder detail = new StringBuilder(test.message() == null ? "" : test.message().strip());
    if (!test.measurements().isEmpty()) {
      detail.append(detail.length() == 0 ? "" : "\n").append("measured: ").append(TerminalReport.measurements(test.measurements()));
    }
    return detail.toString();
  }

  private static void property(StringBuilder out, String name, String value) {
    out.append("      <property name=\"").append(attribute(name)).append("\" value=\"").append(attribute(value))
        .append("\"/>\n");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String stripped = message.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }

  /** Character data: markup escaped, and characters XML 1.0 cannot hold at all replaced. */
  static String text(String value) {
    return legal(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String attribute(String value) {
    return text(value).replace("\"", "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
  }

  /** Keeps what XML 1.0 allows (tab, line breaks, and no other control characters); the rest becomes {@code ?}. */
  private static String legal(String value) {
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().forEach(c -> {
      boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
      out.appendCodePoint(allowed ? c : '?');
    });
    return out.toString();
  }
}
