package grader.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the engine drives the child JVMs of one exercise, beyond the sandbox's resource limits.
 *
 * @param defaultTestTimeout JUnit timeout of a test that declares none
 * @param watchdogGrace how long past a test's timeout the parent waits before it kills a JVM that
 *     stopped reporting (the harness's own watchdog gives up after 5 s, so this is a backstop)
 * @param maxRestarts fresh JVMs started for the remaining tests after one ended mid-run
 * @param pollInterval how often the parent reads the results and checks the limits
 * @param outputTailBytes how much of the student's output a crash message quotes
 * @param timeFactor multiplier for the suites' waits on a slow machine ({@code grader.time.factor})
 * @param jvmOptions extra options of the harness JVM (start-up tuning)
 * @param childJvmOptions extra options of every JVM the student starts (through JDK_JAVA_OPTIONS)
 * @param classDataArchive start harness JVMs from a class-data archive of the grader's classes, and
 *     the compiler JVM from one of javac's, when they exist (see {@link CdsArchive}, {@link
 *     CompilerArchive})
 */
public record RunPolicy(
    Duration defaultTestTimeout,
    Duration watchdogGrace,
    int maxRestarts,
    Duration pollInterval,
    int outputTailBytes,
    double timeFactor,
    List<String> jvmOptions,
    List<String> childJvmOptions,
    boolean classDataArchive) {

  public RunPolicy {
    Objects.requireNonNull(defaultTestTimeout, "defaultTestTimeout must not be null");
    Objects.requireNonNull(watchdogGrace, "watchdogGrace must not be null");
    Objects.requireNonNull(pollInterval, "pollInterval must not be null");
    jvmOptions = List.copyOf(jvmOptions);
    childJvmOptions = List.copyOf(childJvmOptions);
    if (defaultTestTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException("defaultTestTimeout must be at least 1 s, was " + defaultTestTimeout);
    }
    if (maxRestarts < 0 || outputTailBytes < 0 || pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("invalid run policy: " + maxRestarts + " restarts, tail " + outputTailBytes
          + " bytes, poll " + pollInterval);
    }
    if (!(timeFactor >= 1.0)) {
      throw new IllegalArgumentException("timeFactor must be >= 1, was " + timeFactor);
    }
  }

  public static RunPolicy defaults() {
    // C1 only: the suites wait on sleeps, sockets and processes, not on hot loops, and C1 halves the CPU
    // a JVM spends starting up (measured: 1.6 s to 0.95 s for a harness JVM on a trivial suite). Each
    // method compiled only after ten times the usual calls or loop turns: these JVMs live for seconds,
    // and most of what C1 compiled (JUnit, WireMock, the HttpClient) ran too few times to repay it
    // (measured: a grading of solutions/ 14.35 -> 13.03 CPU-s, median of 5). The child options reach
    // the harness JVM too (JDK_JAVA_OPTIONS), and every JVM the student's code starts.
    return new RunPolicy(Duration.ofSeconds(60), Duration.ofSeconds(20), 4, Duration.ofMillis(20), 2048, 1.0,
        List.of("-XX:TieredStopAtLevel=1"), List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=10"),
        true);
  }

  public RunPolicy withTimeFactor(double factor) {
    return new RunPolicy(defaultTestTimeout, watchdogGrace, maxRestarts, pollInterval, outputTailBytes, factor,
        jvmOptions, childJvmOptions, classDataArchive);
  }

  public RunPolicy withDefaultTestTimeout(Duration timeout) {
    return new RunPolicy(timeout, watchdogGrace, maxRestarts, pollInterval, outputTailBytes, timeFactor, jvmOptions,
        childJvmOptions, classDataArchive);
  }

  public RunPolicy withClassDataArchive(boolean use) {
    return new RunPolicy(defaultTestTimeout, watchdogGrace, maxRestarts, pollInterval, outputTailBytes, timeFactor,
        jvmOptions, childJvmOptions, use);
  }

  public RunPolicy withJvmOptions(List<String> harness, List<String> children) {
    return new RunPolicy(defaultTestTimeout, watchdogGrace, maxRestarts, pollInterval, outputTailBytes, timeFactor,
        harness, children, classDataArchive);
  }
}
