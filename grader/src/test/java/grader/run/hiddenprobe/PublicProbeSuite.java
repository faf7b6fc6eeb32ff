package grader.run.hiddenprobe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The public half of a test-only exercise with a hidden test (see {@code HiddenTestsIT}): it
 * calls the probe student's {@code act}, like {@code grader.run.probe.ProbeSuite}.
 */
@Timeout(value = 3, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class PublicProbeSuite {
  @Test
  @DisplayName("answers ok where students can see it")
  public void seen() throws Throwable {
    assertEquals("ok", Class.forName("exercises.probe.Probe").getMethod("act", String.class).invoke(null, "seen"));
  }
}
