package grader.run.probe.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** The other part of the probe exercise that {@link PartOneSuite} belongs to. */
@TestMethodOrder(MethodOrderer.MethodName.class)
public class PartTwoSuite {

  @Test
  @DisplayName("two answers ok")
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void two() throws Throwable {
    assertEquals("ok", PartOneSuite.act("two"), "two should answer ok");
  }

  @Test
  @DisplayName("twoMore answers ok")
  @Timeout(value = 3, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void twoMore() throws Throwable {
    assertEquals("ok", PartOneSuite.act("twoMore"), "twoMore should answer ok");
  }
}
