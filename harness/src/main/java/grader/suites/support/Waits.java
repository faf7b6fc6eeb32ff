package grader.suites.support;

import java.time.Duration;
import org.awaitility.constraint.AtMostWaitConstraint;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.PredicateExceptionIgnorer;
import org.awaitility.pollinterval.FixedPollInterval;

/**
 * Awaitility waits built from explicit values only. {@code Awaitility.await()} starts from the
 * library's static defaults (timeout, poll interval, fail-fast condition, evaluation listener, poll
 * executor), which any code in this JVM, the student's included, can change with one public call;
 * a wait built here never reads them. The values are Awaitility's own defaults, so every call site
 * behaves as before.
 */
public final class Waits {
  private Waits() {}

  /** Like {@code Awaitility.await(alias)}, without any JVM-wide state. */
  public static ConditionFactory await(String alias) {
    return new ConditionFactory(alias, AtMostWaitConstraint.TEN_SECONDS, new FixedPollInterval(Duration.ofMillis(100)),
        null, true, new PredicateExceptionIgnorer(e -> false), null, null, null);
  }
}
