package grader.policy;

import grader.scorecard.Diagnostic;
import java.util.Comparator;
import java.util.Objects;

/**
 * One refused use of Java API: where it is, what it is and why the grader refuses it.
 *
 * @param file the source file, relative to the submission root ({@code src/main/java/...})
 * @param line the line from the class file's LineNumberTable, 0 where it has none
 * @param api the API as the source names it, e.g. {@code java.lang.reflect.Field.setAccessible}
 * @param reason one sentence on why, and what to use instead where an honest student might need it
 */
public record PolicyFinding(String file, int line, String api, String reason) {
  /** The order findings are reported in: by file, line and API. */
  public static final Comparator<PolicyFinding> ORDER = Comparator.comparing(PolicyFinding::file)
      .thenComparingInt(PolicyFinding::line).thenComparing(PolicyFinding::api);

  /** The diagnostic kind of a finding, next to javac's {@code error}. */
  public static final String KIND = "policy";

  public PolicyFinding {
    Objects.requireNonNull(file, "file must not be null");
    Objects.requireNonNull(api, "api must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    if (line < 0) {
      throw new IllegalArgumentException("line must not be negative, was " + line);
    }
  }

  /** As a scorecard diagnostic: {@code policy: <api> is not allowed: <reason>}. */
  public Diagnostic toDiagnostic() {
    return new Diagnostic(file, line, 0, KIND, api + " is not allowed: " + reason);
  }
}
