package exercises.compare;

/**
 * Exercise 4, model 2: the program each child JVM of {@link ProcessDownloader} runs.
 *
 * <h2>What to build</h2>
 *
 * <p>Started as {@code java -cp <classpath> exercises.compare.DownloadWorker <url> <file>}, it
 * downloads {@code url} into {@code file} with a blocking {@link java.net.http.HttpClient}
 * request and {@code BodyHandlers.ofFile(file)}, then exits 0. On any failure (wrong
 * arguments, a status outside 200-299, an I/O error) it prints a message on standard error
 * and exits with {@code System.exit(1)}.
 *
 * <h2>Pitfalls</h2>
 *
 * <ul>
 *   <li>Reading the body as a {@code String}: binary files are corrupted by decoding.
 *   <li>Exiting 0 after a 404: the parent only learns about failures from the exit status.
 * </ul>
 */
public final class DownloadWorker {

    private DownloadWorker() {}

    /** Downloads {@code args[0]} into the file {@code args[1]}; exits 1 on failure. */
    public static void main(String[] args) {
        throw new UnsupportedOperationException(
                "TODO: download args[0] into args[1]; on failure print to stderr and exit 1");
    }
}
