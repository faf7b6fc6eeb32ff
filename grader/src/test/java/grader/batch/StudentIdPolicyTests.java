package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentIdPolicyTests {
  private final StudentIdPolicy policy = new StudentIdPolicy();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "alice | alice",
      "alice.zip | alice",
      "Bob.ZIP | bob",
      "alice_12345_assignsubmission_file_ | alice",
      "Alice Smith_12345_assignsubmission_file_ | alice-smith",
      "smithalice_12345_67890_submission.zip | smithalice",
      "smithalice_LATE_12345_67890_SleepyThreads.zip | smithalice",
      "Assignment 1_asmith_attempt_2026-11-20-10-30-00_asmith.zip | asmith",
      "Alice Smith - 2026-11-20 | alice-smith",
      "12345-67890 - Alice Smith - Nov 20, 2026 1234 PM | alice-smith",
      "Zoë Ünal | zoe-unal",
      "  José   María  | jose-maria",
      "Straße | strasse",
      "..hidden..name.. | hidden-name",
      "con | con-student",
      "a/b\\c:d*e?f | a-b-c-d-e-f",
      "team_alpha | team_alpha",
      "student-7 | student-7",
      // The tail the student chose never decides the id (Canvas appends the student's file name).
      "smithmallory_12345_67890_zhangbob_attempt_1 | smithmallory",
      "smithmallory_12345_67890_zhangbob_attempt_1.zip | smithmallory",
      "smithmallory_LATE_12345_67890_zhangbob_12_34_x.zip | smithmallory",
      "Alice Smith_12345_assignsubmission_file_zhangbob_1_2_x.zip | alice-smith",
      "Alice Smith_12345_assignsubmission_file_ | alice-smith",
      "Lab_1_Threads_jdoe_attempt_2026-11-20-10-30-00_zhangbob_12345_67890.zip | jdoe",
      "Lab 1_jdoe_attempt_2026-11-20-10-30-00 | jdoe",
      // Gradescope folders: the whole name (the student is in the export's metadata).
      "submission_12345 | submission_12345",
      "submission_67890 | submission_67890",
  })
  void derivesReadableIds(String name, String id) {
    assertEquals(id, policy.derive(name));
    assertTrue(StudentIdPolicy.isValid(policy.derive(name)), "valid: " + policy.derive(name));
  }

  @Test
  void aNameThatFitsTwoFormatsKeepsItsWholeNameAndSaysSo() {
    String name = "smithmallory_12345_67890_zhangbob_attempt_2026-01-01-00-00-00.zip";
    assertEquals("smithmallory_12345_67890_zhangbob_attempt_2026-01-01-00-00-00", policy.derive(name));
    assertEquals(Optional.of("the name fits Canvas (id 'smithmallory') and Blackboard (id 'zhangbob'), so the whole"
        + " name is the id; check who it is"), policy.ambiguity(name));
    assertEquals(Optional.empty(), policy.ambiguity("smithmallory_12345_67890_zhangbob_attempt_1"));
  }

  @Test
  void aStudentNamedAfterAnotherInTheTailDoesNotTakeTheIdOver() {
    Map<String, String> ids = policy.assign(List.of("smithmallory_12345_67890_zhangbob_attempt_1",
        "zhangbob_23456_78901_SleepyThreads.zip"));
    assertEquals(Map.of("smithmallory_12345_67890_zhangbob_attempt_1", "smithmallory",
        "zhangbob_23456_78901_SleepyThreads.zip", "zhangbob"), ids);
  }

  @Test
  void nonLatinNamesGetAStableHashedId() {
    String id = policy.derive("张伟");
    assertTrue(id.matches("student-[0-9a-f]{8}"), id);
    assertEquals(id, policy.derive("张伟"));
    assertTrue(!id.equals(policy.derive("王芳")));
  }

  @Test
  void longNamesAreCappedAndStayValid() {
    String id = policy.derive("x".repeat(63) + "-" + "y".repeat(100));
    assertTrue(id.length() <= StudentIdPolicy.MAX_LENGTH, id);
    assertTrue(StudentIdPolicy.isValid(id), id);
  }

  @Test
  void collisionsResolveBySortedOriginalNameWhateverTheInputOrder() {
    List<String> names = new ArrayList<>(List.of(
        "Alice Smith_111_assignsubmission_file_", "alice smith", "Alice-Smith.zip", "alice-smith-2", "bob"));
    Map<String, String> expected = Map.of(
        "Alice Smith_111_assignsubmission_file_", "alice-smith",
        "Alice-Smith.zip", "alice-smith-3",
        "alice smith", "alice-smith-4",
        "alice-smith-2", "alice-smith-2",
        "bob", "bob");
    Random random = new Random(42);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(names, random);
      assertEquals(expected, policy.assign(names), "order " + names);
    }
  }

  @Test
  void everyAssignedIdIsUniqueAndValid() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      names.add("Student " + (i % 7) + (i % 2 == 0 ? ".zip" : " - 2026-11-2" + (i % 10)));
    }
    Map<String, String> ids = policy.assign(names.stream().distinct().toList());
    assertEquals(ids.size(), ids.values().stream().distinct().count(), ids.toString());
    ids.values().forEach(id -> assertTrue(StudentIdPolicy.isValid(id), id));
  }
}
