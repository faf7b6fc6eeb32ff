package grader.protocol;

/**
 * The child ran its whole plan; {@code count} is the number of finished events it wrote. Without it
 * the parent fails closed: a test without a finished event earns nothing.
 */
public record DoneEvent(long seq, int count) implements Event {}
