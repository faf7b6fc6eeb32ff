package grader.batch;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One student's entry found in a batch folder.
 *
 * @param id the stable, file-system-safe student id (see {@link StudentIdPolicy})
 * @param source the entry's name in the batch folder, as the LMS wrote it
 * @param path what to grade: the folder or zip, after unwrapping LMS nesting
 * @param problem why this entry cannot be graded at all (an empty folder, an unreadable zip), or
 *     null when it can
 * @param idNote why the id is not the obvious one (see {@link StudentIdPolicy#ambiguity}), or null
 */
public record StudentSubmission(String id, String source, Path path, String problem, String idNote) {

  public StudentSubmission(String id, String source, Path path, String problem) {
    this(id, source, path, problem, null);
  }

  public StudentSubmission {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(source, "source must not be null");
    Objects.requireNonNull(path, "path must not be null");
    if (!StudentIdPolicy.isValid(id)) {
      throw new IllegalArgumentException("student id '" + id + "' is not file-system safe");
    }
  }

  public Optional<String> problemIfAny() {
    return Optional.ofNullable(problem);
  }
}
