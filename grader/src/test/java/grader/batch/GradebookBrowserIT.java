package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the gradebook in headless Chromium (skipped with a message where there is none:
 * {@code apt-get install chromium}) and checks the DOM after its script ran: charts, rows, the
 * sort, and a student's page. Leaves screenshots in target/batch-screenshots for a human look.
 */
class GradebookBrowserIT {
  @TempDir static Path tmp;
  static Path out;
  static Optional<String> chromium;

  @BeforeAll
  static void gradeAFakeBatch() throws Exception {
    chromium = findChromium();
    Path submissions = tmp.resolve("submissions");
    String[] exercises = {"threads", "processes", "async", "compare"};
    for (int i = 0; i < 24; i++) {
      StringBuilder verdicts = new StringBuilder();
      for (String exercise : exercises) {
        for (int t = 0; t < 5; t++) {
          boolean pass = (i * 7 + t * 3 + exercise.length()) % 10 < 3 + i % 8;
          verdicts.append(exercise).append(" test").append(t).append(pass ? " passed" : " failed").append('\n');
        }
      }
      BatchFolders.folder(submissions, "Student " + i + "_" + (100 + i) + "_assignsubmission_file_", Map.of("verdicts.txt", verdicts.toString()));
    }
    Files.write(submissions.resolve("broken.zip"), new byte[] {1, 2});
    out = tmp.resolve("out");
    new BatchRunner(new FakeGrader(), "fp", List.of(exercises), List.of(), BatchListener.silent(), System::nanoTime)
        .run(BatchOptions.of(submissions, out, 2));
  }

  private static Optional<String> findChromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Optional.of(Path.of(dir, name).toString());
        }
      }
    }
    return Optional.empty();
  }

  private static String run(String mode, String url) throws IOException, InterruptedException {
    Assumptions.assumeTrue(chromium.isPresent(),
        "no chromium on PATH: the gradebook was not rendered in a browser (apt-get install chromium)");
    Path profile = Files.createTempDirectory(tmp, "profile");
    Path stdout = tmp.resolve("chromium-" + System.nanoTime() + ".out");
    List<String> command = new ArrayList<>(List.of(chromium.get(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile,
        "--window-size=1280,1600", "--virtual-time-budget=3000"));
    command.add(mode);
    command.add(url);
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s: " + command);
    }
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  @Test
  void rendersChartsAndEveryStudentAfterTheScriptRan() throws Exception {
    String dom = run("--dump-dom", out.resolve("index.html").toUri().toString());

    assertTrue(dom.contains("<h1>Gradebook</h1>"), dom);
    assertEquals(10, count(dom, "<g class=\"bin\""), "histogram bins");
    assertEquals(4, count(dom, "<svg class=\"test-chart\""), "one pass-rate chart per exercise");
    assertEquals(20, count(dom, "<g class=\"test\""), "one bar per test");
    assertEquals(25, count(dom, "<tr class=\"row-"), "one row per student");
    assertTrue(dom.contains("<tr class=\"row-error\" data-id=\"broken\">"), "the broken zip is a row");
  }

  @Tag("slow") // over 4 s: make test-fast leaves it out; make test (CI) runs it
  @Test
  void sortsTheTableByTotal() throws Exception {
    String dom = run("--dump-dom", out.resolve("index.html").toUri() + "#sort=total:desc");

    List<Double> totals = new ArrayList<>();
    Matcher m = Pattern.compile("<tr class=\"row-[a-z]+\" data-id=\"[^\"]+\"><td class=\"id\" data-sort=\"[^\"]*\">.*?</td>"
        + "<td class=\"num\" data-sort=\"([-0-9.]+)\"").matcher(dom);
    while (m.find()) {
      totals.add(Double.parseDouble(m.group(1)));
    }
    assertEquals(25, totals.size(), dom);
    List<Double> sorted = new ArrayList<>(totals);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, totals, "rows in descending total order after the script sorted them");
    assertTrue(dom.contains("aria-sort=\"descending\""));
  }

  @Test
  void studentPageShowsTheFeedback() throws Exception {
    String dom = run("--dump-dom", out.resolve("student-3/index.html").toUri().toString());
    assertTrue(dom.contains("<h1 id=\"student\">student-3</h1>"), dom);
    assertTrue(dom.contains("expected 5 sleepers at once, observed 1"), dom);
    assertTrue(dom.contains("href=\"../index.html\""), dom);
  }

  @Tag("slow") // over 4 s: make test-fast leaves it out; make test (CI) runs it
  @Test
  void screenshotsForAHumanLook() throws Exception {
    Path shots = Path.of(System.getProperty("grader.home", "target"), "batch-screenshots");
    Files.createDirectories(shots);
    run("--screenshot=" + shots.resolve("gradebook.png").toAbsolutePath(), out.resolve("index.html").toUri().toString());
    run("--screenshot=" + shots.resolve("student.png").toAbsolutePath(), out.resolve("student-3/index.html").toUri().toString());
    assertTrue(Files.size(shots.resolve("gradebook.png")) > 10_000, "a non-trivial screenshot");
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
