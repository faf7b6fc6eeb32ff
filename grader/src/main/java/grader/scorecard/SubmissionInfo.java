package grader.scorecard;

/** Which submission was graded: its name and a SHA-256 over the files intake accepted. */
public record SubmissionInfo(String id, String sha256) {}
