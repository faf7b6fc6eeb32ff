package exercises.compare;

/**
 * Exercise 4: time the three downloaders and print the table for {@code REPORT.md}.
 *
 * <h2>What to build</h2>
 *
 * <p>Run as {@code java -cp <classpath> exercises.compare.DownloadBenchmark <url>...}. For each
 * model ({@code threads}: {@link ThreadDownloader}, {@code processes}: {@link ProcessDownloader},
 * {@code async}: {@link AsyncDownloader}) download all the URLs 3 times, each time into a fresh
 * temporary directory ({@code Files.createTempDirectory}), measure each run with
 * {@link System#nanoTime()}, and print one Markdown table:
 *
 * <pre>
 * | model | median ms | min ms | max ms |
 * |---|---:|---:|---:|
 * | threads | ... | ... | ... |
 * | processes | ... | ... | ... |
 * | async | ... | ... | ... |
 * </pre>
 *
 * <h2>Pitfalls</h2>
 *
 * <ul>
 *   <li>{@code System.currentTimeMillis()} measures wall-clock time, which can jump; use
 *       {@code System.nanoTime()} for durations.
 *   <li>Reusing one directory: the second run would find the files already there. Delete the
 *       temporary directories when you are done.
 *   <li>Reading too much into one run: the first run of anything in a JVM pays for class
 *       loading and JIT warm-up. That is why there are three.
 * </ul>
 */
public final class DownloadBenchmark {

    private DownloadBenchmark() {}

    /** Benchmarks the three models on the URLs given as arguments and prints the table. */
    public static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException(
                "TODO: run each downloader 3 times on the URLs and print | model | median ms | min ms | max ms |");
    }
}
