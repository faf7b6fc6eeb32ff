package exercises.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Times the three downloaders on the same URLs and prints a Markdown table for REPORT.md.
 *
 * <p>Usage: {@code java -cp <classpath> exercises.compare.DownloadBenchmark <url>...}. Each
 * model downloads all URLs {@value #RUNS} times, each time into a fresh temporary directory.
 */
public final class DownloadBenchmark {

    private static final int RUNS = 3;

    private DownloadBenchmark() {}

    /** Benchmarks threads, processes and async on the URLs given as arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: DownloadBenchmark <url>...");
            System.exit(2);
            return;
        }
        List<URI> urls = Arrays.stream(args).map(URI::create).toList();

        // One thread per URL, so that the thread model, like the other two, has every
        // download in flight at once and the comparison is about the mechanism.
        List<Model> models = List.of(
                new Model("threads", () -> new ThreadDownloader(urls.size())),
                new Model("processes", ProcessDownloader::new),
                new Model("async", () -> new AsyncDownloader(HttpClient.newHttpClient())));

        System.out.println("| model | median ms | min ms | max ms |");
        System.out.println("|---|---:|---:|---:|");
        for (Model model : models) {
            long[] millis = new long[RUNS];
            for (int run = 0; run < RUNS; run++) {
                millis[run] = time(model.downloader().get(), urls);
            }
            Arrays.sort(millis);
            System.out.printf("| %s | %d | %d | %d |%n",
                    model.name(), millis[RUNS / 2], millis[0], millis[RUNS - 1]);
        }
    }

    /** Runs one download of all URLs into a fresh temporary directory and returns its milliseconds. */
    private static long time(Downloader downloader, List<URI> urls) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("download-benchmark-");
        try {
            long start = System.nanoTime();
            downloader.downloadAll(urls, dir);
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            // Deepest first, so every directory is empty by the time it is deleted.
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A downloader under test and the name its row gets in the table. */
    private record Model(String name, Supplier<Downloader> downloader) {}
}
