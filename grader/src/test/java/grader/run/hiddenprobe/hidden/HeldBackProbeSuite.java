package grader.run.hiddenprobe.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hidden half: only the instructor's grader has this class; the student bundle leaves it out. */
@Timeout(value = 3, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class HeldBackProbeSuite {
  @Test
  @DisplayName("answers ok where only the instructor looks")
  public void heldBack() throws Throwable {
    assertEquals("ok", Class.forName("exercises.probe.Probe").getMethod("act", String.class).invoke(null, "heldBack"));
  }
}
