package grader.batch;

import java.nio.file.Path;

/**
 * What a batch run did: where it wrote, the summary of its students, and how many it graded now,
 * reused from an earlier run, or could not grade.
 */
public record BatchResult(Path out, BatchSummary summary, int gradedNow, int reused, int errors) {}
