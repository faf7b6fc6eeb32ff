package grader.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HarnessArgumentsTests {
  @Test
  void parsesTheCommandLineTheRunnerBuilds() {
    HarnessArguments arguments = HarnessArguments.parse("grader.suites.threads", "/w/results-2.jsonl",
        "--suite-path", "/g/grader.jar:/g/extra", "--timeout-seconds", "30", "--only", "b,a", "--except", "ReportSuite,hidden.ExtraSuite");
    assertEquals("grader.suites.threads", arguments.suitePackage());
    assertEquals(Path.of("/w/results-2.jsonl"), arguments.resultsFile());
    assertEquals(List.of(Path.of("/g/grader.jar"), Path.of("/g/extra")), arguments.suitePath());
    assertEquals(Duration.ofSeconds(30), arguments.defaultTimeout());
    assertEquals(Set.of("a", "b"), arguments.only());
    assertEquals(Set.of("ReportSuite", "hidden.ExtraSuite"), arguments.except());
  }

  @Test
  void defaultsRunTheWholeSuite() {
    HarnessArguments arguments = HarnessArguments.parse("p", "r");
    assertEquals(Set.of(), arguments.only());
    assertEquals(Set.of(), arguments.except());
    assertEquals(HarnessArguments.DEFAULT_TIMEOUT, arguments.defaultTimeout());
  }

  @Test
  void badUsageSaysWhatIsWrong() {
    assertEquals("unknown harness option --fast",
        assertThrows(IllegalArgumentException.class, () -> HarnessArguments.parse("p", "r", "--fast")).getMessage());
    assertEquals("--only needs a value",
        assertThrows(IllegalArgumentException.class, () -> HarnessArguments.parse("p", "r", "--only")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> HarnessArguments.parse("p"));
  }

  @Test
  void theNonceIsReadUpToTheFirstNewlineOnly() throws IOException {
    String nonce = "ab".repeat(32);
    ByteArrayInputStream in = new ByteArrayInputStream((nonce + "\nstudent input").getBytes(StandardCharsets.US_ASCII));
    assertEquals(nonce, HarnessMain.readNonce(in).value());
    assertEquals("student input", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
  }

  @Test
  void noNonceIsAnError() {
    assertThrows(IOException.class, () -> HarnessMain.readNonce(new ByteArrayInputStream(new byte[0])));
    assertThrows(IOException.class,
        () -> HarnessMain.readNonce(new ByteArrayInputStream("x".repeat(500).getBytes(StandardCharsets.US_ASCII))));
  }
}
