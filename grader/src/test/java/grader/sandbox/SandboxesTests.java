package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.scorecard.Isolation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxesTests {

  private static final SandboxProbe BLOCKED = new SandboxProbe(Optional.empty(),
      "bubblewrap cannot create its namespaces here: bwrap: loopback: Failed RTM_NEWADDR: Operation not permitted",
      SandboxProbe.USERNS_FIX, List.of());

  @Test
  void fallbackWarnsLoudlyWithTheReasonAndTheFix() throws Exception {
    StringWriter warnings = new StringWriter();
    Sandbox sandbox = Sandboxes.choose(BLOCKED, false, ResourceLimits.defaults(), new PrintWriter(warnings));
    assertEquals(Isolation.PROCESS, sandbox.isolation());
    String text = warnings.toString();
    assertTrue(text.contains("WITHOUT a sandbox"), text);
    assertTrue(text.contains("RTM_NEWADDR"), text);
    assertTrue(text.contains("sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0"), text);
    assertTrue(text.contains("--require-sandbox"), text);
  }

  @Test
  void requiringTheSandboxTurnsTheFallbackIntoAnErrorWithTheFix() {
    StringWriter warnings = new StringWriter();
    SandboxUnavailableException e = assertThrows(SandboxUnavailableException.class,
        () -> Sandboxes.choose(BLOCKED, true, ResourceLimits.defaults(), new PrintWriter(warnings)));
    assertTrue(e.getMessage().contains("--require-sandbox"), e.getMessage());
    assertTrue(e.getMessage().contains("Fix: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0"),
        e.getMessage());
    assertEquals("", warnings.toString());
  }
}
