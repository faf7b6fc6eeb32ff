package exercises.processes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes {@code 1*1 + 2*2 + ... + n*n} by splitting {@code 1..n} across child JVMs.
 *
 * <p>Each child runs {@link SquareSumWorker} on one range. All children are started before
 * the first one is waited for, so they run at the same time.
 */
public final class SquareSum {

    private SquareSum() {}

    /**
     * Returns the sum of squares of {@code 1..n}, computed by {@code workers} child JVMs.
     *
     * @throws IllegalArgumentException if {@code n < 1}, {@code workers < 1} or {@code workers > n}
     * @throws IOException if a child cannot be started, exits non-zero or does not print exactly
     *     one integer; the message includes that child's standard error
     * @throws InterruptedException if interrupted while waiting; all children are destroyed
     */
    public static long compute(int n, int workers) throws IOException, InterruptedException {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        if (workers > n) {
            throw new IllegalArgumentException(
                    "workers must be at most n (" + n + "), was " + workers);
        }
        List<Child> children = new ArrayList<>(workers);
        try {
            // Start every child before waiting for any: a waitFor inside this loop would run
            // the workers one after the other.
            for (Range range : Range.split(n, workers)) {
                children.add(Child.start(range));
            }
            long total = 0;
            for (Child child : children) {
                total = Math.addExact(total, child.awaitResult());
            }
            return total;
        } finally {
            // After a failure or an interrupt no child may outlive us; for children that have
            // already exited this only deletes their output files.
            children.forEach(Child::discard);
        }
    }

    /** Prints the lesson's example, the sum of squares of 1..100 with 4 workers. */
    public static void main(String[] args) throws IOException, InterruptedException {
        System.out.println(compute(100, 4));
    }

    /**
     * A running worker JVM whose standard output and error go to temporary files.
     *
     * <p>Files rather than pipes: a child blocks once a pipe buffer is full, so a parent that
     * calls {@code waitFor} before draining its pipes can deadlock, and a read of a pipe cannot
     * be interrupted while {@code waitFor} can.
     */
    private record Child(Range range, Process process, Path stdout, Path stderr) {

        static Child start(Range range) throws IOException {
            Path stdout = Files.createTempFile("square-sum-", ".out");
            Path stderr = Files.createTempFile("square-sum-", ".err");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(
                    java,
                    "-cp", System.getProperty("java.class.path"),
                    SquareSumWorker.class.getName(),
                    Integer.toString(range.first()),
                    Integer.toString(range.last()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            try {
                return new Child(range, builder.start(), stdout, stderr);
            } catch (IOException e) {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
                throw e;
            }
        }

        /** Waits for the child to exit and returns the one integer it printed. */
        long awaitResult() throws IOException, InterruptedException {
            int status = process.waitFor();
            String output = read(stdout);
            if (status != 0) {
                throw failure("exited with status " + status);
            }
            List<String> lines = output.lines().toList();
            if (lines.size() != 1) {
                throw failure("printed " + lines.size() + " lines instead of one integer: \""
                        + output.strip() + "\"");
            }
            try {
                return Long.parseLong(lines.get(0));
            } catch (NumberFormatException e) {
                throw failure("printed \"" + lines.get(0) + "\" instead of one integer");
            }
        }

        /** Kills the child if it still runs and deletes its output files. */
        void discard() {
            process.destroyForcibly();
            try {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            } catch (IOException e) {
                // Left-over temp files are harmless, and failing here would hide the real result.
            }
        }

        private static String read(Path file) throws IOException {
            // Decoding leniently: a child that prints garbage must still produce a readable message.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        }

        private IOException failure(String what) throws IOException {
            // Only the exit status and stdout decide success; stderr may legitimately carry
            // JVM notes such as "Picked up JDK_JAVA_OPTIONS".
            String errors = read(stderr).strip();
            return new IOException("worker for " + range.first() + ".." + range.last() + " " + what
                    + "; its standard error: " + (errors.isEmpty() ? "(empty)" : errors));
        }
    }
}
