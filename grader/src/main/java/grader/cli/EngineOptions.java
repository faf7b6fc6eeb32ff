package grader.cli;

/**
 * How a command wants the engine set up.
 *
 * @param requireSandbox refuse to grade without the bubblewrap sandbox ({@code --require-sandbox})
 * @param keepWorkDir keep the private work folders for debugging ({@code --keep-work-dir})
 * @param announceFallback print the loud warning when falling back to plain processes (instructors
 *     grading others' code need it; a student checking their own code has it in the report)
 */
public record EngineOptions(boolean requireSandbox, boolean keepWorkDir, boolean announceFallback) {}
