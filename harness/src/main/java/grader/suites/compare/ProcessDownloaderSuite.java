package grader.suites.compare;

import static org.junit.jupiter.api.Assertions.fail;

import exercises.compare.ProcessDownloader;
import grader.suites.support.ChildJvm;
import grader.suites.support.ChildJvmResult;
import grader.suites.support.Feedback;
import grader.suites.support.LaunchGate;
import grader.suites.support.Timeline;
import grader.suites.support.WorkerTimeline;
import grader.suites.support.LaunchGate.Launch;
import grader.suites.support.ServerGate;
import grader.suites.support.ServerGate.Observation;
import grader.suites.support.ServerGate.Plan;
import grader.suites.support.StubServer;
import grader.suites.support.StudentCall;
import grader.suites.support.Submission;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercise 4, model 2: {@code ProcessDownloader} starts one {@code DownloadWorker} JVM per URL,
 * all before waiting for any, and {@code DownloadWorker} works on its own as a program.
 *
 * <p>The launch gate (a Java agent in every JVM the student starts) reports each worker's exact
 * arguments and holds it at the start line until all have arrived: a student who waits for each
 * child before starting the next leaves the first one alone there. No stopwatch decides.
 */
@DisplayName("Exercise 4 (compare): ProcessDownloader and DownloadWorker")
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
public class ProcessDownloaderSuite {

  private static final String WORKER = "exercises.compare.DownloadWorker";
  /** How long a worker waits at the start line for its siblings; JVM start-up spread must fit in it. */
  private static final Duration LAUNCH_HOLD = Duration.ofMillis(Submission.scaled(15_000));
  private static final Duration CHILD_TIMEOUT = Duration.ofMillis(Submission.scaled(60_000));

  private static final ServerGate GATE = new ServerGate();
  private static final ServedFiles FILES = ServedFiles.generate();
  private static StubServer server;

  @TempDir
  public Path dir;

  @BeforeAll
  @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
  public static void startServer() throws Exception {
    server = StubServer.start(GATE);
    FILES.stubAll(server);
    server.warmUp();
  }

  @AfterAll
  public static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  public void disarmGate() {
    GATE.disarm();
  }

  @Test
  @DisplayName("ProcessDownloader saves every file byte for byte and returns the paths in the order of the URLs")
  public void processesSaveEveryFileByteForByte() throws Exception {
    List<URI> urls = ServedFiles.urls(server, "processes-bytes", 2);
    List<Path> saved = StudentCall.returning("new ProcessDownloader().downloadAll(2 URLs, dir) returns the files",
        () -> new ProcessDownloader().downloadAll(urls, dir));
    FILES.assertSaved("new ProcessDownloader().downloadAll(2 URLs, dir)", urls, dir, saved);
  }

  @Test
  @DisplayName("ProcessDownloader starts one DownloadWorker JVM per URL, with <url> <file>, all before waiting for any")
  public void processesStartOneWorkerJvmPerUrlBeforeWaiting(TestReporter reporter) throws Exception {
    List<URI> urls = ServedFiles.urls(server, "processes-gate", 3);
    GATE.arm(Plan.rendezvous("/processes-gate/", urls.size(), LAUNCH_HOLD, Duration.ZERO));
    List<Launch> launches;
    int released;
    try (LaunchGate gate = LaunchGate.rendezvous(urls.size(), LAUNCH_HOLD, WORKER)) {
      long called = System.nanoTime();
      StudentCall.returning("new ProcessDownloader().downloadAll(3 URLs, dir) returns the files",
          () -> new ProcessDownloader().downloadAll(urls, dir));
      long returned = System.nanoTime();
      Timeline.publish(reporter, () -> WorkerTimeline.of(gate, "downloadAll", called, returned));
      launches = gate.launches();
      released = gate.released();
    }
    Observation seen = GATE.observe();
    reporter.publishEntry("worker_jvms", Integer.toString(launches.size()));
    reporter.publishEntry("workers_released_together", Integer.toString(released));
    reporter.publishEntry("max_downloads_in_flight", Integer.toString(seen.maxInside()));
    if (launches.isEmpty()) {
      fail(Feedback.of(
          "3 child JVMs running " + WORKER + ", one per URL",
          "no JVM with main class " + WORKER + " was started",
          "start each worker with new ProcessBuilder(java, \"-cp\", System.getProperty(\"java.class.path\"), "
              + "\"" + WORKER + "\", url, file).start(), with java from System.getProperty(\"java.home\") + "
              + "\"/bin/java\"; threads inside this JVM are not processes."));
    }
    Set<List<String>> expected = new HashSet<>();
    for (URI url : urls) {
      expected.add(List.of(url.toString(), dir.resolve(ServedFiles.lastSegment(url)).toAbsolutePath().normalize()
          .toString()));
    }
    List<List<String>> actual = new ArrayList<>();
    for (Launch launch : launches) {
      actual.add(normalizedArguments(launch.arguments()));
    }
    if (launches.size() != urls.size() || !expected.equals(new HashSet<>(actual))) {
      fail(Feedback.of(
          "3 worker JVMs with the arguments <url> <file>: " + expected,
          launches.size() + " worker JVM(s) with the arguments " + actual,
          "one child JVM per URL, with exactly two arguments: the URL and the file to save it to "
              + "(dir/<last segment of the URL's path>)."));
    }
    if (released != urls.size()) {
      fail(Feedback.of(
          "all 3 workers started before the first is waited for: the grader holds each worker at its start "
              + "line until all 3 are there (up to " + LAUNCH_HOLD.toMillis() + " ms)",
          "at most " + Math.max(1, released) + " worker(s) were there together; the first waited alone until "
              + "the hold ran out",
          "start every worker in one loop and wait for them (waitFor) in a second loop; start() then "
              + "waitFor() in the same loop runs one worker at a time."));
    }
    if (!seen.met()) {
      fail(Feedback.of(
          "the 3 downloads inside the server at the same moment",
          "at most " + seen.maxInside() + " at once (" + seen.arrived() + " requests)",
          "each worker downloads its own URL; start all of them before waiting for any."));
    }
  }

  @Test
  @DisplayName("ProcessDownloader: a URL that answers 404 makes downloadAll throw an IOException naming it")
  public void processesReportA404NamingTheUrl() {
    // One URL: every worker is a JVM start-up, and the other models' tests already check that the
    // failing URL among good ones is the one named.
    URI missing = ServedFiles.url(server, "processes-404", ServedFiles.MISSING);
    List<URI> urls = List.of(missing);
    FailureCheck.assertIOExceptionNaming("new ProcessDownloader().downloadAll([a URL that answers 404], dir)",
        missing,
        "check each worker's exit status (process.waitFor()); when it is not 0, throw an IOException whose "
            + "message contains the worker's URL (and, helpfully, what it printed on standard error).",
        () -> new ProcessDownloader().downloadAll(urls, dir));
  }

  @Test
  @DisplayName("DownloadWorker <url> <file> saves the file byte for byte and exits 0")
  public void workerDownloadsOneFileAndExitsZero(TestReporter reporter) throws Exception {
    URI url = ServedFiles.url(server, "worker", "charlie.bin");
    Path file = dir.resolve("charlie.bin");
    ChildJvmResult result = ChildJvm.run(WORKER, List.of(url.toString(), file.toString()), CHILD_TIMEOUT);
    reporter.publishEntry("exit_status", Integer.toString(result.exitStatus()));
    if (result.timedOut() || result.exitStatus() != 0) {
      fail(Feedback.of(
          "java " + WORKER + " " + url + " " + file + " exits with status 0",
          result.timedOut() ? "it was still running after " + CHILD_TIMEOUT.toMillis() + " ms"
              : "it exited with status " + result.exitStatus() + "; standard error: " + excerpt(result.studentStderr()),
          "download args[0] into the file args[1] and return from main; System.exit(1) only on failure."));
    }
    FILES.assertSaved("DownloadWorker " + url + " " + file, List.of(url), dir, List.of(file));
  }

  @Test
  @DisplayName("DownloadWorker exits 1 with a message on standard error when the URL answers 404")
  public void workerExitsOneWithAMessageOnA404(TestReporter reporter) throws Exception {
    URI url = ServedFiles.url(server, "worker", ServedFiles.MISSING);
    Path file = dir.resolve(ServedFiles.MISSING);
    ChildJvmResult result = ChildJvm.run(WORKER, List.of(url.toString(), file.toString()), CHILD_TIMEOUT);
    reporter.publishEntry("exit_status", Integer.toString(result.exitStatus()));
    String stderr = result.studentStderr();
    boolean saysWhat = stderr.contains("404") || stderr.contains(url.toString());
    if (result.timedOut() || result.exitStatus() != 1 || !saysWhat) {
      fail(Feedback.of(
          "java " + WORKER + " " + url + " " + file + " prints a message on standard error that names the "
              + "URL or the status 404, and exits with status 1",
          result.timedOut() ? "it was still running after " + CHILD_TIMEOUT.toMillis() + " ms"
              : "it exited with status " + result.exitStatus() + " and printed "
                  + (result.studentStderr().isBlank() ? "nothing" : excerpt(result.studentStderr()))
                  + " on standard error",
          "check the status code; on a failure print what went wrong, with the URL and the status, using "
              + "System.err.println(...), and call System.exit(1)."));
    }
  }

  /** The worker's arguments, with a relative file resolved as the child would (same working directory). */
  private static List<String> normalizedArguments(List<String> arguments) {
    if (arguments.size() != 2) {
      return arguments;
    }
    String file;
    try {
      file = Path.of(arguments.get(1)).toAbsolutePath().normalize().toString();
    } catch (RuntimeException e) {
      file = arguments.get(1);
    }
    return List.of(arguments.get(0), file);
  }

  private static String excerpt(String text) {
    String trimmed = text.strip();
    return "\"" + (trimmed.length() > 300 ? trimmed.substring(0, 300) + "..." : trimmed) + "\"";
  }
}
