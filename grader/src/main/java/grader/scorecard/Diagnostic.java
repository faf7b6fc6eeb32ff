package grader.scorecard;

/** A compiler finding, with the file relative to the submission root. */
public record Diagnostic(String file, long line, long column, String kind, String message) {}
