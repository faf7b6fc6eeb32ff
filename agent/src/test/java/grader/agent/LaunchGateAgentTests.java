package grader.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchGateAgentTests {

  @Test
  void argumentsComeFromTheRealCommandLineAfterTheMainClass() {
    List<String> command = List.of("/jdk/bin/java", "-cp", "a.jar:b", "x.Main", "1", "two words", "");
    assertEquals(List.of("1", "two words", ""),
        LaunchGateAgent.argumentsAfter("x.Main", "x.Main 1 two words ", command));
  }

  @Test
  void aMainClassNameAmongTheOptionsIsNotTakenForTheMainClass() {
    // A class path entry that equals the main class name comes first; the tail decides.
    List<String> command = List.of("java", "-cp", "x.Main", "x.Main", "x.Main");
    assertEquals(List.of("x.Main"), LaunchGateAgent.argumentsAfter("x.Main", "x.Main x.Main", command));
  }

  @Test
  void withoutTheMainClassInTheCommandLineTheLauncherPropertyIsSplit() {
    List<String> command = List.of("java", "@argfile");
    assertEquals(List.of("3", "4"), LaunchGateAgent.argumentsAfter("x.Main", "x.Main 3 4", command));
    assertEquals(List.of(), LaunchGateAgent.argumentsAfter("x.Main", "x.Main", command));
  }

  @Test
  void encodeWritesProtocolPidMainClassArgumentCountArgumentsAndCommand() {
    assertEquals(LaunchGateAgent.PROTOCOL + " 42 x.Main 2 1 a+b java x.Main 1 a+b",
        LaunchGateAgent.encode(42, "x.Main", List.of("1", "a b"), List.of("java", "x.Main", "1", "a b")));
  }
}
