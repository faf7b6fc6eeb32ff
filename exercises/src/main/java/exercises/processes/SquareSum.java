package exercises.processes;

import java.io.IOException;

/**
 * Exercise 2, part 2: compute {@code 1*1 + 2*2 + ... + n*n} with several child JVMs.
 *
 * <h2>What to build</h2>
 *
 * <p>{@link #compute} splits {@code 1..n} into {@code workers} contiguous ranges, starts one
 * child JVM per range running {@link SquareSumWorker}, waits for all of them and adds up what
 * they printed. A child JVM is started with {@link ProcessBuilder}:
 *
 * <pre>{@code
 * String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
 * Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
 *         "exercises.processes.SquareSumWorker", String.valueOf(first), String.valueOf(last))
 *         .start();
 * }</pre>
 *
 * <p>Unlike threads, processes share no memory: the only way back is what the child prints
 * (read {@link Process#getInputStream()}) and its exit status ({@link Process#waitFor()}).
 *
 * <h2>Pitfalls</h2>
 *
 * <ul>
 *   <li>Calling {@code waitFor()} right after {@code start()} in the same loop: the children
 *       then run one after the other. Start them all in one loop, wait in a second.
 *   <li>Calling {@code waitFor()} before reading a child's output: a child blocks once the pipe
 *       to its parent is full (a few KB), so a parent that waits before reading can deadlock on
 *       big outputs. Read stdout (and stderr) while the child runs, for example on another
 *       thread, or redirect them to files with {@link ProcessBuilder#redirectOutput(java.io.File)}
 *       and {@link ProcessBuilder#redirectError(java.io.File)}.
 *   <li>Treating any standard-error output as a failure: the JVM itself may print notes there
 *       (such as {@code Picked up JDK_JAVA_OPTIONS}). Decide by exit status and stdout.
 *   <li>Uneven ranges: 100 over 3 workers is 34 + 33 + 33, not 33 + 33 + 33 (forgetting the
 *       remainder) or 34 + 34 + 32.
 *   <li>{@code int} arithmetic: add the results up in a {@code long}.
 *   <li>Leaving children running when something fails: {@link Process#destroy()} them.
 * </ul>
 */
public final class SquareSum {

    private SquareSum() {}

    /**
     * Returns the sum of squares of {@code 1..n}, computed by {@code workers} child JVMs that
     * are all started before any is waited for.
     *
     * <p>To do: split {@code 1..n} into {@code workers} contiguous ranges that cover it and
     * differ in size by at most one; throw {@link IllegalArgumentException} if {@code n < 1},
     * {@code workers < 1} or {@code workers > n}.
     *
     * @throws IOException if a child exits non-zero or prints anything but one integer; the
     *     message must include that child's standard error
     * @throws InterruptedException if interrupted while waiting for the children
     */
    public static long compute(int n, int workers) throws IOException, InterruptedException {
        throw new UnsupportedOperationException(
                "TODO: validate, split 1..n into ranges, start one child JVM per range, then wait for all and add up");
    }

    /** Prints {@code compute(100, 4)}, which is 338350, alone on a line. */
    public static void main(String[] args) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("TODO: print compute(100, 4)");
    }
}
