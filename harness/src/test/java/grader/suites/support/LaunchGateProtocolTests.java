package grader.suites.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import grader.agent.LaunchGateAgent;
import grader.suites.support.LaunchGate.Launch;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchGateProtocolTests {

  @Test
  void whatTheAgentEncodesTheGateReadsBackExactly() {
    List<String> arguments = List.of("1", "with space", "", "per%cent+plus", "ünï");
    List<String> command = List.of("/jdk/bin/java", "-cp", "/a b/c.jar", "x.Worker", "1", "with space", "", "per%cent+plus", "ünï");
    Launch launch = LaunchGate.parse(LaunchGateAgent.encode(7, "x.Worker", arguments, command));
    assertEquals(7, launch.pid());
    assertEquals("x.Worker", launch.mainClass());
    assertEquals(arguments, launch.arguments());
    assertEquals(command, launch.command());
  }

  @Test
  void linesOfAnotherProtocolOrMalformedAreIgnored() {
    assertNull(LaunchGate.parse("12 java x.Worker 1 2"));
    assertNull(LaunchGate.parse(LaunchGateAgent.PROTOCOL + " notapid x.Worker 0"));
    assertNull(LaunchGate.parse(LaunchGateAgent.PROTOCOL + " 12 x.Worker 5 1 2"));
    assertNull(LaunchGate.parse(""));
  }
}
