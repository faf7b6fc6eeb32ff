package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxPolicyTests {

  @Test
  void emptyFileMeansDefaults() throws Exception {
    SandboxPolicy policy = SandboxPolicy.parse("{}", "limits.json");
    assertEquals(ResourceLimits.defaults(), policy.limitsFor("threads"));
  }

  @Test
  void keysOverrideDefaultsAndExercisesOverrideTheFile() throws Exception {
    SandboxPolicy policy = SandboxPolicy.parse(
        "{\"wall_clock_seconds\": 60, \"heap_megabytes\": 512, \"memory_megabytes\": 4096,"
            + " \"exercises\": {\"compare\": {\"wall_clock_seconds\": 300}}}", "limits.json");
    assertEquals(Duration.ofSeconds(60), policy.limitsFor("threads").wallClock());
    assertEquals(512, policy.limitsFor("threads").heapMegabytes());
    assertEquals(Duration.ofSeconds(300), policy.limitsFor("compare").wallClock());
    assertEquals(512, policy.limitsFor("compare").heapMegabytes(), "exercise limits start from the file's");
  }

  @Test
  void everyKeyRoundTrips() throws Exception {
    ResourceLimits limits = new ResourceLimits(300, 100, 3000, 700, 500, 20, 128, 4096, 3, Duration.ofSeconds(99), 77,
        500);
    assertEquals(limits, SandboxPolicy.parse(SandboxPolicy.toJson(limits), "x").defaults());
  }

  @Test
  void unknownKeysNameTheKnownOnes() {
    InvalidLimitsException e = assertThrows(InvalidLimitsException.class,
        () -> SandboxPolicy.parse("{\"heap_mb\": 256}", "limits.json"));
    assertTrue(e.getMessage().contains("unknown key \"heap_mb\""), e.getMessage());
    assertTrue(e.getMessage().contains("heap_megabytes"), e.getMessage());
    assertTrue(e.getMessage().startsWith("limits.json"), e.getMessage());
  }

  @Test
  void valuesMustBePositiveWholeNumbers() {
    for (String bad : new String[] {"\"256\"", "2.5", "-1", "0", "true", "null"}) {
      InvalidLimitsException e = assertThrows(InvalidLimitsException.class,
          () -> SandboxPolicy.parse("{\"heap_megabytes\": " + bad + "}", "limits.json"));
      assertTrue(e.getMessage().contains("\"heap_megabytes\" must be a positive whole number"), e.getMessage());
    }
  }

  @Test
  void limitsTooSmallForAJvmAreRefusedWithTheReason() {
    InvalidLimitsException e = assertThrows(InvalidLimitsException.class,
        () -> SandboxPolicy.parse("{\"exercises\": {\"threads\": {\"max_tasks\": 10}}}", "limits.json"));
    assertTrue(e.getMessage().contains("exercises.threads"), e.getMessage());
    assertTrue(e.getMessage().contains("too small"), e.getMessage());
  }

  @Test
  void brokenJsonNamesTheLine() {
    InvalidLimitsException e = assertThrows(InvalidLimitsException.class,
        () -> SandboxPolicy.parse("{\n\"heap_megabytes\": 256,\n}", "limits.json"));
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test
  void exercisesMustBeAnObject() {
    InvalidLimitsException e = assertThrows(InvalidLimitsException.class,
        () -> SandboxPolicy.parse("{\"exercises\": [\"compare\"]}", "limits.json"));
    assertTrue(e.getMessage().contains("\"exercises\" must be an object"), e.getMessage());
  }

  @Test
  void problemsInAnExerciseNameItsPath() {
    InvalidLimitsException unknown = assertThrows(InvalidLimitsException.class,
        () -> SandboxPolicy.parse("{\"exercises\": {\"compare\": {\"exercises\": {}}}}", "limits.json"));
    assertTrue(unknown.getMessage().startsWith("limits.json: unknown key \"exercises.compare.exercises\"; known keys: heap_megabytes"),
        unknown.getMessage());
    assertTrue(!unknown.getMessage().endsWith(", exercises"), "no nested exercises: " + unknown.getMessage());
    InvalidLimitsException wrong = assertThrows(InvalidLimitsException.class,
        () -> SandboxPolicy.parse("{\"exercises\": {\"compare\": {\"max_tasks\": \"600\"}}}", "limits.json"));
    assertTrue(wrong.getMessage().equals("limits.json: \"exercises.compare.max_tasks\" must be a positive whole number, was \"600\""),
        wrong.getMessage());
  }
}
