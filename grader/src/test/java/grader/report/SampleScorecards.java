package grader.report;

import grader.scorecard.Diagnostic;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.GraderInfo;
import grader.scorecard.Isolation;
import grader.scorecard.Scorecard;
import grader.scorecard.SubmissionInfo;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Scorecards with every kind of content the renderers must handle, for the golden files. */
final class SampleScorecards {
  private SampleScorecards() {}

  /** Every exercise status and every test status, multi-line feedback, and text that needs escaping. */
  static Scorecard mixed() {
    ExerciseResult threads = new ExerciseResult("threads", "Sleepy threads", points("20"), points("25"),
        ExerciseStatus.GRADED, null, List.of(), List.of(
            passed("sleepsOverlap", "all threads sleep at the same time", "5", Map.of("max_concurrent_sleepers", "5")),
            new TestResult("printsAfterSleeping", "each line is printed after its sleep", TestStatus.FAILED, points("0"),
                points("5"), "expected: every line printed after its thread slept\n"
                    + "observed: Thread 3 printed its line 2 ms after it started (it should have slept 150 ms)\n"
                    + "hint: print after Thread.sleep returns, not before",
                812, Map.of("early_lines", "1", "threads", "5"), "Thread 3 slept 150 ms\n", false),
            passed("drawsFromTheRandom", "sleep times come from the given Random", "5", Map.of()),
            passed("rejectsBadArguments", "bad arguments are rejected", "5", Map.of()),
            passed("mainPrintsCompletion", "main prints All threads completed", "5", Map.of())));
    String compileMessage = "does not compile: 1 error, the first in src/main/java/exercises/processes/SquareSum.java "
        + "line 12: ';' expected";
    ExerciseResult processes = new ExerciseResult("processes", "Sum of squares in worker processes", points("0"),
        points("25"), ExerciseStatus.COMPILE_ERROR, compileMessage,
        List.of(new Diagnostic("src/main/java/exercises/processes/SquareSum.java", 12, 31, "error", "';' expected")),
        List.of(
            notRun("computesTheSum", "the sum is right for n = 100 and 4 workers", "15", compileMessage),
            notRun("startsAllWorkersFirst", "every worker starts before any is awaited", "10", compileMessage)));
    ExerciseResult async = new ExerciseResult("async", "Concurrent requests", points("17.5"), points("25"),
        ExerciseStatus.GRADED, null, List.of(), List.of(
            passed("sendsAllFirst", "every request is sent before any response is awaited", "10",
                Map.of("in_flight_at_once", "2")),
            new TestResult("neverBlocks", "fetchAll returns its future at once", TestStatus.TIMED_OUT, points("0"),
                points("7.5"), "expected: fetchAll to return within 1000 ms\nobserved: still running after 5000 ms, "
                    + "stuck in CompletableFuture.join at ConcurrentFetcher.java:31\nhint: return the future; never join it",
                5000, Map.of(), "", true),
            passed("keepsTheOrder", "bodies come back in the order of the URIs", "7.5", Map.of()),
            new TestResult("namesTheBadUri", "a bad status <500> & its URI | \"quoted\"", TestStatus.ERROR, points("0"),
                points("0"), "unexpected NullPointerException: body was null\u001b[31m (bell \u0007)\n"
                    + "  at exercises.async.ConcurrentFetcher.lambda$fetchAll$0(ConcurrentFetcher.java:40)",
                15, Map.of(), "``` fenced ``` </details> <script>alert(1)</script>", false)));
    ExerciseResult compare = new ExerciseResult("compare", "Three ways to download", points("0"), points("25"),
        ExerciseStatus.MISSING, "src/main/java/exercises/compare/ThreadDownloader.java is missing: expected public "
            + "final class exercises.compare.ThreadDownloader implements Downloader", List.of(), List.of());
    return Scorecard.of(
        new GraderInfo("0.1.0", "17.0.15", "abc123", Map.of("heap_mb", "256")),
        new SubmissionInfo("alice", "3f2a9c1e5b7d4a6f8e0c1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f"),
        Isolation.PROCESS, 5123, List.of(threads, processes, async, compare),
        List.of("isolation: process (bubblewrap cannot run here); the code ran without a sandbox",
            "skipped src/main/java/exercises/threads/Big.java: 3 MB is over the 1 MB limit per file"));
  }

  /**
   * A submission whose threads exercise the bytecode policy refused (compile_error, policy
   * diagnostics, nothing run) next to a graded exercise: how a refusal reads in every report.
   */
  static Scorecard policyRefusal() {
    String message = "uses Java API the grader does not allow (see below): java.lang.Class.forName in"
        + " src/main/java/exercises/threads/SleepyThreads.java line 14 and 1 more; the exercise was not run";
    String file = "src/main/java/exercises/threads/SleepyThreads.java";
    ExerciseResult threads = new ExerciseResult("threads", "Sleepy threads", points("0"), points("25"),
        ExerciseStatus.COMPILE_ERROR, message, List.of(
            new Diagnostic(file, 14, 0, "policy", "java.lang.Class.forName is not allowed: it loads classes by name,"
                + " which is how reflection reaches the grader's private state; instead: refer to the class directly"
                + " (MyClass.class, new MyClass())"),
            new Diagnostic(file, 15, 0, "policy", "java.lang.reflect.Field.setAccessible is not allowed: reflection"
                + " reads and changes private state of any object, the grader's own included; instead: call the"
                + " methods directly")),
        List.of(notRun("sleepsAllThreadsAtTheSameTime", "all threads sleep at the same time", "25",
            "Not run: the exercise uses Java API the grader does not allow.")));
    ExerciseResult async = new ExerciseResult("async", "Concurrent requests", points("25"), points("25"),
        ExerciseStatus.GRADED, null, List.of(), List.of(
            passed("sendsAllFirst", "every request is sent before any response is awaited", "25", Map.of())));
    return Scorecard.of(new GraderInfo("0.1.0", "17.0.15", "abc123", Map.of("heap_mb", "256")),
        new SubmissionInfo("mallory", "3f2a9c1e5b7d4a6f8e0c1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f"),
        Isolation.BUBBLEWRAP, 2345, List.of(threads, async), List.of());
  }

  /**
   * What a hostile student can put into a scorecard: Markdown and HTML, a mention, links, pipes and
   * backticks, CSV formulas, XML's CDATA end, ANSI and OSC escapes, a bell, a C1 CSI, a bidi
   * override, a lone surrogate and line breaks.
   */
  static final String HOSTILE = "**bold** _em_ [link](https://evil.example) <img src=x onerror=alert(1)> "
      + "<script>alert(2)</script> @octocat #1 | pipe ` tick `` ``` ]]> &amp; \"q\" 'a' =1+1;=2 "
      + "www.evil.example :smile: ~~strike~~ \\ \u001b[31mred\u001b[0m \u001b]8;;https://evil\u0007osc\u001b]8;;\u0007 "
      + "\u0007bell \u009b31m \u202Egnp.exe\u202C \uD800 \u0000nul\r\nline two\rover";

  /** The hostile text in every field a submission controls, and in the names too (defence in depth). */
  static Scorecard hostile() {
    String file = "src/main/java/exercises/threads/" + HOSTILE + ".java";
    ExerciseResult threads = new ExerciseResult("threads", "Sleepy threads", points("0"), points("10"),
        ExerciseStatus.COMPILE_ERROR, "does not compile: " + HOSTILE, List.of(new Diagnostic(file, 3, 7, "error",
            HOSTILE)), List.of(notRun("sleepsOverlap", "name " + HOSTILE, "10", HOSTILE)));
    ExerciseResult async = new ExerciseResult("async", "Concurrent requests", points("0"), points("10"),
        ExerciseStatus.GRADED, HOSTILE, List.of(), List.of(
            new TestResult("keepsTheOrder", HOSTILE, TestStatus.FAILED, points("0"), points("5"), HOSTILE, 12,
                Map.of("observed", HOSTILE), HOSTILE, false),
            new TestResult("namesTheBadUri", "bad uri", TestStatus.ERROR, points("0"), points("5"), HOSTILE, 12,
                Map.of(), HOSTILE, true)));
    return Scorecard.of(new GraderInfo("0.1.0", "17.0.15", "abc123", Map.of("heap_mb", "256")),
        new SubmissionInfo("eve " + HOSTILE, "3f2a9c1e5b7d4a6f8e0c1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f"),
        Isolation.BUBBLEWRAP, 1000, List.of(threads, async), List.of("Intake: skipped " + file + ": " + HOSTILE));
  }

  private static TestResult passed(String id, String name, String points, Map<String, String> measurements) {
    return new TestResult(id, name, TestStatus.PASSED, points(points), points(points), null, 120, measurements, "", false);
  }

  private static TestResult notRun(String id, String name, String points, String message) {
    return new TestResult(id, name, TestStatus.NOT_RUN, points("0"), points(points), message, 0, Map.of(), "", false);
  }

  private static BigDecimal points(String value) {
    return new BigDecimal(value);
  }
}
