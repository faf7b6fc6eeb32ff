package exercises.processes;

/**
 * Exercise 2, part 1: the program each child JVM runs; it sums the squares of one range.
 *
 * <h2>What to build</h2>
 *
 * <p>Started as {@code java -cp <classpath> exercises.processes.SquareSumWorker <first> <last>},
 * it prints the sum of {@code i * i} for {@code i} from {@code first} to {@code last}
 * (both included) as one decimal line on standard output, and exits with status 0.
 *
 * <p>If the arguments are not two integers, or {@code first < 1}, or {@code last < first}, it
 * prints a message on standard error ({@code System.err}) and exits with
 * {@code System.exit(2)}.
 *
 * <h2>Pitfalls</h2>
 *
 * <ul>
 *   <li>{@code int} overflow: {@code i * i} no longer fits an {@code int} once {@code i}
 *       exceeds 46340, and the sum of squares up to 2,000,000 needs a {@code long}. Make the
 *       loop variable a {@code long}, or cast before multiplying.
 *   <li>Printing anything else on standard output (a banner, a debug line): the parent reads
 *       stdout as the result and expects exactly one integer.
 *   <li>Exiting with the wrong status: the parent tells success from failure by the exit status.
 * </ul>
 */
public final class SquareSumWorker {

    private SquareSumWorker() {}

    /** Prints the sum of squares over {@code [args[0], args[1]]}, or exits 2 on bad arguments. */
    public static void main(String[] args) {
        throw new UnsupportedOperationException(
                "TODO: parse first and last, print the sum of their squares as a long; bad arguments: stderr and exit 2");
    }
}
