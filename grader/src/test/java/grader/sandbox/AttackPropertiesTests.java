package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.fixtures.AttackExpectation;
import grader.fixtures.Fixture;
import grader.fixtures.FixtureKind;
import grader.fixtures.FixtureLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the fixture model reads a fixture's {@code attack.properties} (no grading, no JVM started). */
class AttackPropertiesTests {
  @TempDir
  Path temp;

  @Test
  void readsThePolicyApiAndTheSwitchToGradeAlsoWithoutThePolicy() throws IOException {
    Path dir = fixture("forge", "# forges results; stopped by: bytecode policy (setAccessible)\nexercise=threads\n"
        + "fallback=false\nmessage=memory limit|killed\npolicy-api=java.lang.reflect.Field.setAccessible\n"
        + "also-without-policy=true\n");
    AttackExpectation attack = AttackExpectation.load(dir);
    assertEquals("forges results; stopped by: bytecode policy (setAccessible)", attack.description());
    assertEquals("java.lang.reflect.Field.setAccessible", attack.policyApi());
    assertTrue(attack.policyStops());
    assertTrue(attack.alsoWithoutPolicy());
    assertEquals(List.of("memory limit", "killed"), attack.messages());
  }

  @Test
  void withoutThemTheRunTimeLayersAloneAreExpectedToStopIt() throws IOException {
    Path dir = fixture("flood", "# prints a lot\nexercise=threads\nfallback=true\nmessage=printed more than\n");
    AttackExpectation attack = AttackExpectation.load(dir);
    assertNull(attack.policyApi());
    assertFalse(attack.policyStops());
    assertFalse(attack.alsoWithoutPolicy());
    assertEquals("async", attack.neighbour());
  }

  @Test
  void everyFixtureSaysWhatStopsIt() throws IOException {
    for (Fixture fixture : FixtureLibrary.all(FixtureKind.ATTACK)) {
      AttackExpectation attack = fixture.attack();
      if (attack.policyStops()) {
        assertTrue(attack.description().contains("stopped by: bytecode policy"),
            fixture.name() + " names the layer that stops it: " + attack.description());
      }
    }
  }

  private Path fixture(String name, String properties) throws IOException {
    Path dir = Files.createDirectories(temp.resolve(name));
    Files.writeString(dir.resolve("attack.properties"), properties);
    return dir;
  }
}
