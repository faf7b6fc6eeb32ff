package grader.run.probe.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * One part of a probe exercise split into two parts ({@link PartTwoSuite} is the other): each test
 * hands its name to the "student" class {@code exercises.probe.Probe}, as {@code ProbeSuite} does.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 3, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class PartOneSuite {

  static String act(String test) throws Throwable {
    try {
      return (String) Class.forName("exercises.probe.Probe").getMethod("act", String.class).invoke(null, test);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  @DisplayName("one answers ok")
  void one() throws Throwable {
    assertEquals("ok", act("one"), "one should answer ok");
  }

  @Test
  @DisplayName("oneMore answers ok")
  void oneMore() throws Throwable {
    assertEquals("ok", act("oneMore"), "oneMore should answer ok");
  }
}
