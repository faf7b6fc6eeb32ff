package grader.rubric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RubricLoaderTests {
  @TempDir Path root;

  private static final String THREADS = "{\"exercise\": \"threads\", \"title\": \"Sleepy threads\","
      + " \"suite\": \"grader.suites.threads\", \"classes\": [\"exercises.threads.SleepyThreads\"],"
      + " \"tests\": [{\"id\": \"sleepsOverlap\", \"points\": 2.5, \"review\": true}, {\"id\": \"printsLines\", \"points\": 0.1}]}";
  private static final String ASYNC = "{\"exercise\": \"async\", \"title\": \"Concurrent requests\","
      + " \"suite\": \"grader.suites.async\", \"classes\": [], \"tests\": [{\"id\": \"overlaps\", \"points\": 22.4}]}";

  private Rubric load(String index, String threads, String async) throws Exception {
    Path base = root.resolve("r");
    Files.createDirectories(base);
    Files.writeString(base.resolve("index.json"), index);
    if (threads != null) {
      Files.writeString(base.resolve("threads.json"), threads);
    }
    if (async != null) {
      Files.writeString(base.resolve("async.json"), async);
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      return new RubricLoader(loader, "r").load();
    }
  }

  private String failure(String index, String threads, String async) {
    return assertThrows(RubricException.class, () -> load(index, threads, async)).getMessage();
  }

  @Test
  void loadsExercisesInIndexOrderWithExactPoints() throws Exception {
    Rubric rubric = load("[\"async\", \"threads\"]", THREADS, ASYNC);
    assertEquals(List.of("async", "threads"), rubric.exerciseIds());
    ExerciseRubric threads = rubric.exercise("threads").orElseThrow();
    assertEquals("grader.suites.threads", threads.suite());
    assertEquals(List.of("exercises.threads.SleepyThreads"), threads.classes());
    assertEquals(new TestPoints("sleepsOverlap", new BigDecimal("2.5"), true), threads.tests().get(0));
    assertEquals(new TestPoints("printsLines", new BigDecimal("0.1"), false), threads.tests().get(1));
    assertEquals(0, new BigDecimal("2.6").compareTo(threads.maxScore()));
    assertEquals(0, new BigDecimal("22.4").compareTo(rubric.exercise("async").orElseThrow().maxScore()));
  }

  @Test
  void readsTheShortestPossiblePassOfATest() throws Exception {
    Rubric rubric = load("[\"threads\"]", THREADS.replace("\"points\": 0.1", "\"points\": 0.1, \"min_ms\": 250"), null);
    List<TestPoints> tests = rubric.exercise("threads").orElseThrow().tests();
    assertEquals(0, tests.get(0).minDurationMs());
    assertEquals(new TestPoints("printsLines", new BigDecimal("0.1"), false, 250), tests.get(1));
  }

  @Test
  void testsArePublicUnlessMarkedHiddenAndAStudentRubricSaysWhatItHoldsBack() throws Exception {
    String threads = THREADS.replace("\"points\": 0.1}", "\"points\": 0.1, \"visibility\": \"hidden\"}")
        .replace("\"tests\"", "\"held_back_points\": 1.5, \"tests\"");
    ExerciseRubric loaded = load("[\"threads\"]", threads, null).exercise("threads").orElseThrow();
    assertEquals(Visibility.PUBLIC, loaded.tests().get(0).visibility());
    assertEquals(Visibility.HIDDEN, loaded.tests().get(1).visibility());
    assertEquals(0, new BigDecimal("1.5").compareTo(loaded.heldBackPoints()));
    assertEquals(null, load("[\"threads\"]", THREADS, null).exercise("threads").orElseThrow().heldBackPoints());

    assertTrue(failure("[\"threads\"]", THREADS.replace("\"points\": 0.1}", "\"points\": 0.1, \"visibility\": \"secret\"}"),
        null).contains("field 'tests[1].visibility' must be \"public\" or \"hidden\", was \"secret\""));
    assertTrue(failure("[\"threads\"]", THREADS.replace("\"tests\"", "\"held_back_points\": 0, \"tests\""), null)
        .contains("field 'held_back_points' must be a number > 0, was 0"));
  }

  @Test
  void theGradersOwnRubricIsValid() throws Exception {
    Rubric rubric = RubricLoader.ofGrader().load();
    assertFalse(rubric.exerciseIds().isEmpty());
    assertEquals(List.of("exercises.compare.Downloader"), rubric.exercise("compare").orElseThrow().provided());
  }

  @Test
  void anExerciseWithoutPartsIsOnePartAndPartsAreReadInOrder() throws Exception {
    assertEquals(List.of(), load("[\"threads\"]", THREADS, null).exercise("threads").orElseThrow().parts());
    String parts = THREADS.replace("\"tests\"", "\"parts\": [[\"BSuite\"], [\"ASuite\", \"hidden.CSuite\"]], \"tests\"");
    assertEquals(List.of(List.of("BSuite"), List.of("ASuite", "hidden.CSuite")),
        load("[\"threads\"]", parts, null).exercise("threads").orElseThrow().parts());
  }

  @Test
  void partsProblemsAreNamed() {
    String index = "[\"threads\"]";
    String usage = " (a list of at least two groups of suite classes, such as [[\"ASuite\"], [\"BSuite\", \"CSuite\"]],"
        + " each group run in a harness JVM of its own)";
    assertEquals("r/threads.json: field 'parts' must be an array of at least two arrays, was [[\"ASuite\"]]" + usage,
        failure(index, withParts("[[\"ASuite\"]]"), null));
    assertEquals("r/threads.json: field 'parts' must be an array of at least two arrays, was \"ASuite\"" + usage,
        failure(index, withParts("\"ASuite\""), null));
    assertEquals("r/threads.json: field 'parts[1]' must be a non-empty array of suite class names, was []" + usage,
        failure(index, withParts("[[\"ASuite\"], []]"), null));
    assertEquals("r/threads.json: field 'parts[0][1]' must be a suite class named relative to the suite package"
        + " (\"ReportSuite\", \"hidden.ExtraSuite\"), was \"A Suite\"",
        failure(index, withParts("[[\"ASuite\", \"A Suite\"], [\"BSuite\"]]"), null));
    assertEquals("r/threads.json: field 'parts[0][0]' must be a suite class named relative to the suite package"
        + " (\"ReportSuite\", \"hidden.ExtraSuite\"), was \"ASuite$Nested\"",
        failure(index, withParts("[[\"ASuite$Nested\"], [\"BSuite\"]]"), null));
    assertEquals("r/threads.json: field 'parts[2][0]': suite class ASuite is already in parts[0]; each suite class"
        + " runs in exactly one part", failure(index, withParts("[[\"ASuite\"], [\"BSuite\"], [\"ASuite\"]]"), null));
  }

  private static String withParts(String parts) {
    return THREADS.replace("\"tests\"", "\"parts\": " + parts + ", \"tests\"");
  }

  @Test
  void theGradersPartsNameEachSuiteClassOnce() throws Exception {
    ExerciseRubric compare = RubricLoader.ofGrader().load().exercise("compare").orElseThrow();
    List<String> named = compare.parts().stream().flatMap(List::stream).sorted().toList();
    // The harness is on the test class path: every class a part names is a suite class of the exercise.
    for (String name : named) {
      Class.forName(compare.suite() + "." + name);
    }
    assertEquals(List.of("AsyncDownloaderSuite", "DownloadBenchmarkSuite", "ProcessDownloaderSuite", "ReportSuite",
        "ThreadDownloaderSuite"), named);
  }

  @Test
  void aMissingExerciseFileIsNamed() {
    assertEquals("r/async.json: not found on the class path", failure("[\"threads\", \"async\"]", THREADS, null));
  }

  @Test
  void aMissingIndexIsNamed() throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      RubricException e = assertThrows(RubricException.class, () -> new RubricLoader(loader, "nowhere").load());
      assertEquals("nowhere/index.json: not found on the class path", e.getMessage());
    }
  }

  @Test
  void indexProblemsAreNamed() {
    assertEquals("r/index.json: exercise 'threads' is listed twice", failure("[\"threads\", \"threads\"]", THREADS, null));
    assertEquals("r/index.json: must be a non-empty array of exercise ids", failure("{}", THREADS, null));
    assertTrue(failure("[\"Threads!\"]", THREADS, null).startsWith("r/index.json: entry [0] must be an exercise id"));
    assertTrue(failure("[\"threads\"", THREADS, null).startsWith("r/index.json: not valid JSON"));
  }

  @Test
  void fieldProblemsNameTheFileAndTheField() {
    String index = "[\"threads\"]";
    assertEquals("r/threads.json: field 'tests[1].points' must be a number >= 0, was -1",
        failure(index, THREADS.replace("0.1", "-1"), null));
    assertEquals("r/threads.json: field 'tests[1].points' must be a number >= 0, was \"1\"",
        failure(index, THREADS.replace("0.1", "\"1\""), null));
    assertEquals("r/threads.json: field 'tests[1].id': test 'sleepsOverlap' is listed twice",
        failure(index, THREADS.replace("printsLines", "sleepsOverlap"), null));
    assertEquals("r/threads.json: unknown field 'tests[1].point' (known: id, min_ms, points, review, visibility)",
        failure(index, THREADS.replace("\"points\": 0.1", "\"point\": 0.1"), null));
    assertEquals("r/threads.json: field 'exercise' must be \"threads\" (the file name), was \"thread\"",
        failure(index, THREADS.replace("\"exercise\": \"threads\"", "\"exercise\": \"thread\""), null));
    assertEquals("r/threads.json: field 'suite' must be a package name, was \"grader suites\"",
        failure(index, THREADS.replace("grader.suites.threads", "grader suites"), null));
    assertEquals("r/threads.json: field 'tests[0].review' must be true or false, was \"yes\"",
        failure(index, THREADS.replace("\"review\": true", "\"review\": \"yes\""), null));
    assertEquals("r/threads.json: field 'tests[1].min_ms' must be a whole number of milliseconds >= 0, was -5",
        failure(index, THREADS.replace("\"points\": 0.1", "\"points\": 0.1, \"min_ms\": -5"), null));
    assertEquals("r/threads.json: field 'tests[1].min_ms' must be a whole number of milliseconds >= 0, was 2.5",
        failure(index, THREADS.replace("\"points\": 0.1", "\"points\": 0.1, \"min_ms\": 2.5"), null));
    assertEquals("r/threads.json: field 'title' must be a non-empty string, was null",
        failure(index, THREADS.replace("\"title\": \"Sleepy threads\",", ""), null));
    assertEquals("r/threads.json: unknown field 'points' (known: classes, exercise, held_back_points, parts, provided, suite, tests, title)",
        failure(index, THREADS.replace("{\"exercise\"", "{\"points\": 25, \"exercise\""), null));
  }

  /** The binding coerces nothing: a number is no title, a boolean no points, a string no list. */
  @Test
  void valuesOfTheWrongTypeAreNotCoerced() {
    String index = "[\"threads\"]";
    assertEquals("r/threads.json: field 'title' must be a non-empty string, was 5",
        failure(index, THREADS.replace("\"Sleepy threads\"", "5"), null));
    assertEquals("r/threads.json: field 'tests[1].points' must be a number >= 0, was true",
        failure(index, THREADS.replace("0.1", "true"), null));
    assertEquals("r/threads.json: field 'tests[0].review' must be true or false, was 1",
        failure(index, THREADS.replace("\"review\": true", "\"review\": 1"), null));
    assertEquals("r/threads.json: field 'classes' must be an array, was \"exercises.threads.SleepyThreads\"",
        failure(index, THREADS.replace("[\"exercises.threads.SleepyThreads\"]", "\"exercises.threads.SleepyThreads\""), null));
  }
}
