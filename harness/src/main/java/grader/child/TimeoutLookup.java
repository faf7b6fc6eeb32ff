package grader.child;

import java.lang.reflect.Method;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * The JUnit timeout in force for one invocation of a test: the method's {@link Timeout}, else its
 * class's (or an enclosing class's), else the default the harness configured. Mirrors Jupiter's own
 * lookup closely enough for the watchdogs, which add a grace period on top.
 */
final class TimeoutLookup {
  private final Duration defaultTimeout;

  TimeoutLookup(Duration defaultTimeout) {
    this.defaultTimeout = defaultTimeout;
  }

  long millisFor(MethodSource source) {
    try {
      Method method = source.getJavaMethod();
      Timeout timeout = method.getAnnotation(Timeout.class);
      for (Class<?> type = source.getJavaClass(); timeout == null && type != null; type = type.getEnclosingClass()) {
        timeout = type.getAnnotation(Timeout.class);
      }
      return timeout == null ? defaultTimeout.toMillis() : timeout.unit().toMillis(timeout.value());
    } catch (RuntimeException | LinkageError e) {
      // A class that cannot be inspected here will fail in JUnit too; the default is a safe bound.
      return defaultTimeout.toMillis();
    }
  }
}
