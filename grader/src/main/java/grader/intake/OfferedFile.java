package grader.intake;

import java.util.Objects;

/**
 * One entry a submission offers, before intake decides whether to accept it.
 *
 * @param path relative to the submission, {@code /}-separated, normalised (no {@code .}, {@code ..} or
 *     empty segments)
 * @param kind what the entry is; only {@link Kind#REGULAR} entries are ever read
 * @param size bytes, as declared (a zip may lie: intake counts what it reads)
 */
record OfferedFile(String path, Kind kind, long size) {

  /** What an entry is: intake reads regular files only and never follows a link. */
  enum Kind {
    REGULAR,
    SYMBOLIC_LINK,
    OTHER
  }

  OfferedFile {
    Objects.requireNonNull(path, "path must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
  }
}
