package exercises.processes;

/**
 * Child-JVM entry point that prints the sum of {@code i * i} for {@code i} in {@code [first, last]}.
 *
 * <p>Usage: {@code java -cp <classpath> exercises.processes.SquareSumWorker <first> <last>}. On
 * success it prints the sum as one decimal line on standard output and exits 0; with bad
 * arguments it prints a message on standard error and exits 2.
 */
public final class SquareSumWorker {

    /** Exit status for arguments that are not two integers with {@code 1 <= first <= last}. */
    private static final int USAGE_ERROR = 2;

    private SquareSumWorker() {}

    /** Prints the sum of squares over {@code [args[0], args[1]]}, or exits 2 on bad arguments. */
    public static void main(String[] args) {
        Range range;
        try {
            range = Range.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("SquareSumWorker: " + e.getMessage());
            System.err.println("usage: SquareSumWorker <first> <last>  (integers, 1 <= first <= last)");
            System.exit(USAGE_ERROR);
            return;
        }
        // Returning instead of calling System.exit(0) keeps main usable from tests; the JVM
        // still exits 0 because no other non-daemon thread is running.
        System.out.println(range.sumOfSquares());
    }
}
