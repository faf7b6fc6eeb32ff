package grader.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import grader.scorecard.Scorecard;
import grader.scorecard.ScorecardJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One student's folder in a batch output, {@code OUT/<id>/}: {@code scorecard.json}, the captured
 * {@code grading.log}, the student's {@code index.html}, the {@link StudentExport exports} such as
 * {@code results.json}, and {@code batch-entry.json}, written last.
 */
public final class StudentFolder {
  public static final String ENTRY = "batch-entry.json";
  public static final String SCORECARD = "scorecard.json";
  public static final String LOG = "grading.log";
  public static final String PAGE = "index.html";
  static final Set<String> RESERVED = Set.of(ENTRY, SCORECARD, LOG, PAGE);

  private final Path dir;

  public StudentFolder(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /**
   * The outcome recorded in this folder, if it is complete and readable: an entry, and for a graded
   * student a scorecard that parses and belongs to that student.
   */
  public Optional<StudentOutcome> read() {
    Path entryFile = dir.resolve(ENTRY);
    if (!Files.isRegularFile(entryFile)) {
      return Optional.empty();
    }
    try {
      ObjectMapper mapper = ScorecardJson.mapper();
      StudentEntry entry = mapper.readValue(entryFile.toFile(), StudentEntry.class);
      if (entry.status() != StudentStatus.GRADED) {
        return Optional.of(new StudentOutcome(entry, null));
      }
      Scorecard scorecard = ScorecardJson.read(dir.resolve(SCORECARD));
      if (!entry.id().equals(scorecard.submission().id())) {
        return Optional.empty();
      }
      return Optional.of(new StudentOutcome(entry, scorecard));
    } catch (IOException | RuntimeException e) {
      // A corrupt or foreign file is no result: the student gets graded again.
      return Optional.empty();
    }
  }

  /** Marks the folder incomplete before a (re)grade, so a kill in the middle is never trusted. */
  public void beginGrading() throws IOException {
    Files.createDirectories(dir);
    Files.deleteIfExists(dir.resolve(ENTRY));
  }

  /** Writes everything for {@code outcome}; the entry goes last. */
  public void write(StudentOutcome outcome, String log, List<StudentExport> exports) throws IOException {
    Files.createDirectories(dir);
    AtomicFileWriter.write(dir.resolve(LOG), log);
    if (outcome.scorecard() != null) {
      ScorecardJson.write(outcome.scorecard(), dir.resolve(SCORECARD));
      for (StudentExport export : exports) {
        AtomicFileWriter.write(dir.resolve(export.fileName()), export.render().apply(outcome.scorecard()));
      }
    } else {
      // No stale scorecard from an earlier run may sit next to an error entry.
      Files.deleteIfExists(dir.resolve(SCORECARD));
      for (StudentExport export : exports) {
        Files.deleteIfExists(dir.resolve(export.fileName()));
      }
    }
    AtomicFileWriter.write(dir.resolve(PAGE), new StudentPageWriter().render(outcome, log));
    writeEntry(outcome.entry());
  }

  void writeEntry(StudentEntry entry) throws IOException {
    AtomicFileWriter.write(dir.resolve(ENTRY), ScorecardJson.mapper().writeValueAsString(entry) + "\n");
  }

  /** The captured log, or empty if there is none. */
  public String readLog() {
    try {
      return Files.isRegularFile(dir.resolve(LOG)) ? Files.readString(dir.resolve(LOG)) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
