package grader.run.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tiny graded suite for the engine's own tests: each test hands its name to the "student" class
 * {@code exercises.probe.Probe}, whose behaviour each test case compiles differently (pass, fail,
 * exit, hang, deadlock, flood...). Reflection keeps this suite free of a compile-time stub that would
 * shadow the student's class on the class path.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 3, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class ProbeSuite {

  static String act(String test) throws Throwable {
    try {
      return (String) Class.forName("exercises.probe.Probe").getMethod("act", String.class).invoke(null, test);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  @DisplayName("alpha answers ok")
  void alpha(TestReporter reporter) throws Throwable {
    reporter.publishEntry("answer_length", "2");
    assertEquals("ok", act("alpha"), "alpha should answer ok");
  }

  @Test
  @DisplayName("beta answers ok")
  void beta() throws Throwable {
    assertEquals("ok", act("beta"), "beta should answer ok");
  }

  @Test
  @DisplayName("gamma answers ok")
  void gamma() throws Throwable {
    assertEquals("ok", act("gamma"), "gamma should answer ok");
  }

  @Test
  @DisplayName("omega answers ok")
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void omega() throws Throwable {
    assertEquals("ok", act("omega"), "omega should answer ok");
  }

  @ParameterizedTest(name = "[{index}] size={0}")
  @ValueSource(ints = {1, 2, 3})
  @DisplayName("sizes answer ok")
  void sizes(int size, TestInfo info, TestReporter reporter) throws Throwable {
    reporter.publishEntry("size", Integer.toString(size));
    assertEquals("ok", act("sizes" + size), "sizes" + size + " should answer ok");
  }
}
