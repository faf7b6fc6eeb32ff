package grader.report.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.HtmlReport;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.GraderInfo;
import grader.scorecard.Isolation;
import grader.scorecard.Scorecard;
import grader.scorecard.SubmissionInfo;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import grader.scorecard.TimelineItem;
import java.awt.image.BufferedImage;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders report.html for a solution-shaped scorecard and for a wrong fixture's (with the timelines
 * real gradings recorded) in headless Chromium
 * (skipped with a message where there is none: {@code apt-get install chromium}) and checks that the
 * screenshots show the pictures and differ where the timelines do; validates the page with the Nu
 * HTML checker where it is installed ({@code npm install -g vnu-jar}) and checks that it refers to
 * nothing outside itself. Leaves the pages and screenshots in target/report-screenshots.
 */
class ReportPageIT {
  private static final Path OUT = Path.of("target/report-screenshots");
  private static final int SLEEP_BLUE = 0x0072B2;
  /** The reference band: Okabe-Ito yellow at 45% over the white or grey lane. */
  private static final int BAND_MIN_RED = 0xF0;

  static Path solutionPage;
  static Path wrongPage;

  @BeforeAll
  static void writePages() throws Exception {
    Files.createDirectories(OUT);
    solutionPage = OUT.resolve("solutions.html");
    wrongPage = OUT.resolve("threads-join-in-start-loop.html");
    // Timelines recorded by real gradings (src/test/resources/timeline, see its README).
    Files.writeString(solutionPage, new HtmlReport().render(card("solutions",
        recorded("solutions-threads-sleepsAllThreadsAtTheSameTime"),
        recorded("solutions-async-sendsAllRequestsBeforeAwaitingAny"),
        recorded("solutions-processes-startsAllWorkersBeforeWaitingForAny"), true)));
    Files.writeString(wrongPage, new HtmlReport().render(card("threads-join-in-start-loop",
        recorded("threads-join-in-start-loop-threads-sleepsAllThreadsAtTheSameTime"),
        recorded("async-join-each-async-sendsAllRequestsBeforeAwaitingAny"),
        recorded("processes-waitfor-in-start-loop-processes-startsAllWorkersBeforeWaitingForAny"), false)));
  }

  private static List<TimelineItem> recorded(String name) throws Exception {
    return RecordedTimelineTests.Recorded.load(name).timeline();
  }

  private static Scorecard card(String id, List<TimelineItem> threads, List<TimelineItem> async,
      List<TimelineItem> processes, boolean passed) {
    TestStatus status = passed ? TestStatus.PASSED : TestStatus.FAILED;
    BigDecimal score = passed ? BigDecimal.ONE : BigDecimal.ZERO;
    String message = passed ? null : "Expected: all 6 threads asleep at the same moment\nObserved: at most 1 <of> 6"
        + "\nHint: start all threads in one loop, then join them in a second loop.";
    List<ExerciseResult> exercises = new ArrayList<>();
    exercises.add(exercise("threads", new TestResult("sleepsAllThreadsAtTheSameTime",
        "has all threads asleep at the same moment", status, score, BigDecimal.ONE, message, 900, Map.of(), "",
        false, threads)));
    exercises.add(exercise("processes", new TestResult("startsAllWorkersBeforeWaitingForAny",
        "starts all workers before waiting for any", status, score, BigDecimal.ONE, message, 900, Map.of(), "",
        false, processes)));
    exercises.add(exercise("async", new TestResult("sendsAllRequestsBeforeAwaitingAny",
        "all requests are inside the server at the same time", status, score, BigDecimal.ONE, message, 900,
        Map.of(), "", false, async)));
    return Scorecard.of(new GraderInfo("1", "17", "h", Map.of()), new SubmissionInfo(id, "0".repeat(64)),
        Isolation.BUBBLEWRAP, 1000, exercises, List.of());
  }

  private static ExerciseResult exercise(String id, TestResult test) {
    return new ExerciseResult(id, id, test.score(), test.maxScore(), ExerciseStatus.GRADED, null, List.of(),
        List.of(test), null);
  }

  @Test
  void thePageRefersToNothingOutsideItself() throws Exception {
    for (Path page : List.of(solutionPage, wrongPage)) {
      String html = Files.readString(page);
      assertTrue(html.startsWith("<!DOCTYPE html>"));
      for (String external : List.of("<script", "<link", "<img", "<iframe", "<object", "@import", "src=", "href=")) {
        assertFalse(html.contains(external), page + " contains " + external);
      }
      assertFalse(Pattern.compile("url\\((?!#)").matcher(html).find(), page + " has a url() that is not a local id");
      assertEquals(3, html.split("<svg", -1).length - 1, "one picture per test with a timeline");
    }
  }

  @Test
  void thePagePassesTheNuHtmlChecker() throws Exception {
    Optional<Path> vnu = List.of(Path.of("/usr/lib/node_modules/vnu-jar/build/dist/vnu.jar"),
        Path.of("/usr/local/lib/node_modules/vnu-jar/build/dist/vnu.jar")).stream().filter(Files::isRegularFile)
        .findFirst();
    Assumptions.assumeTrue(vnu.isPresent(), "no vnu.jar: the page was not validated (npm install -g vnu-jar)");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-jar", vnu.get().toString(), "--errors-only",
        solutionPage.toString(), wrongPage.toString()).redirectErrorStream(true).start();
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), said);
  }

  @Test
  void screenshotsShowThePicturesAndDifferWhereTheTimelinesDo() throws Exception {
    BufferedImage solution = screenshot(solutionPage, OUT.resolve("solutions.png"));
    BufferedImage wrong = screenshot(wrongPage, OUT.resolve("threads-join-in-start-loop.png"));
    for (BufferedImage image : List.of(solution, wrong)) {
      assertTrue(count(image, SLEEP_BLUE) > 500, "the sleep bars are drawn");
      assertTrue(nonWhite(image) > image.getWidth() * image.getHeight() / 50, "not blank");
    }
    assertTrue(differing(solution, wrong) > 2_000, "the staircase and the overlap look different");
    assertTrue(band(solution) > 1_000, "the solution's picture shades the moment all bars overlap");
    assertEquals(0, band(wrong), "the staircase has no moment where all overlap");
  }

  private static BufferedImage screenshot(Path page, Path png) throws Exception {
    Optional<String> chromium = findChromium();
    Assumptions.assumeTrue(chromium.isPresent(), "no chromium on PATH: the report was not rendered (apt-get install chromium)");
    Path profile = Files.createTempDirectory("report-it-profile");
    try {
      Files.deleteIfExists(png);
      Process process = new ProcessBuilder(chromium.get(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile,
          "--hide-scrollbars", "--window-size=1000,1500", "--screenshot=" + png.toAbsolutePath(),
          page.toAbsolutePath().toUri().toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("chromium did not finish within 90 s");
      }
      return ImageIO.read(png.toFile());
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
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

  private static int count(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
      }
    }
    return n;
  }

  private static int nonWhite(BufferedImage image) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
      }
    }
    return n;
  }

  /** Pixels of the yellow reference band: strong red and green, clearly less blue. */
  private static int band(BufferedImage image) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        n += r >= BAND_MIN_RED && g >= 0xE0 && b < 0xD0 ? 1 : 0;
      }
    }
    return n;
  }

  private static int differing(BufferedImage a, BufferedImage b) {
    int n = 0;
    for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++) {
      for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x++) {
        n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
      }
    }
    return n;
  }
}
