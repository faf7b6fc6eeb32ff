package grader.child.warmup;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.suites.support.Feedback;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import grader.suites.support.ServerGate;
import grader.suites.support.StubServer;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Not graded: run once, without student code, by {@link grader.run.CdsArchive} to record which
 * classes a harness JVM loads (JUnit, Awaitility, WireMock and Jetty, the harness), so later harness JVMs map
 * them from a class-data archive instead of loading them one by one. Each test touches one path a
 * graded suite takes: timeouts, parameters, reports, awaits, a failure with feedback.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class WarmupSuite {

  @Test
  @DisplayName("reports a measurement")
  public void reports(TestReporter reporter) {
    reporter.publishEntry("answer", "42");
    System.out.println("warm-up output");
  }

  @ParameterizedTest(name = "[{index}] n={0}")
  @ValueSource(ints = {1, 2})
  public void parameters(int n) {
    assertEquals(n, Math.abs(n));
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "2, 4"})
  public void csv(int n, int square) {
    assertEquals(square, n * n);
  }

  @Test
  public void awaits() {
    AtomicInteger ticks = new AtomicInteger();
    Thread worker = new Thread(() -> ticks.set(3), "warm-up-worker");
    worker.start();
    await("the worker").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> ticks.get() == 3);
  }

  /**
   * The async and compare suites' server: WireMock with Jetty and its JSON and template libraries,
   * and the JDK's HTTP client (about 2,000 classes, the bulk of those suites' start).
   */
  @Test
  public void serves() throws Exception {
    try (StubServer server = StubServer.start(new ServerGate())) {
      server.warmUp();
    }
  }

  @Test
  public void fails() {
    assertEquals(1, 2, Feedback.of("1", "2", "the harness reports this failure while warming up"));
  }

  @Test
  public void throwsAnException() {
    throw new IllegalStateException("the harness reports this error while warming up");
  }
}
