package exercises.compare;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;

/**
 * Exercise 4, model 3: download with asynchronous I/O and no thread per download.
 *
 * <h2>What to build</h2>
 *
 * <p>{@link #downloadAll} calls
 * {@code client.sendAsync(request, BodyHandlers.ofFile(file))} for every URL, so that all
 * requests are in flight at once and each body streams to its file instead of being held in
 * memory. Combine the futures with {@link java.util.concurrent.CompletableFuture#allOf}, wait
 * for the result, and check every status code.
 *
 * <h2>Pitfalls</h2>
 *
 * <ul>
 *   <li>{@code sendAsync(...).join()} per URL: that is sequential code with extra steps.
 *   <li>{@code BodyHandlers.ofString()} or {@code ofByteArray()}: the first corrupts binary files,
 *       both hold whole bodies in memory. Use {@code ofFile}.
 *   <li>{@code BodyHandlers.ofFile(file)} opens the file with {@code CREATE} and {@code WRITE}
 *       only: it does not truncate a file that is already there, so a shorter body leaves the
 *       old file's tail behind. Pass the options yourself:
 *       {@code ofFile(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
 *       StandardOpenOption.TRUNCATE_EXISTING)}.
 *   <li>Creating a new {@link HttpClient}: use the one you are given; its owner chose its settings.
 *   <li>Exceptions from {@code get()} arrive wrapped in an
 *       {@link java.util.concurrent.ExecutionException}; rethrow an {@link IOException} that
 *       names the URL.
 * </ul>
 */
public final class AsyncDownloader implements Downloader {

    private final HttpClient client;

    /** Creates a downloader that sends its requests with {@code client}. */
    public AsyncDownloader(HttpClient client) {
        this.client = client;
    }

    /**
     * Saves each URL to {@code dir/<last segment of its path>} with all requests in flight at
     * once on {@code client}, and returns the files in the order of {@code urls}.
     */
    @Override
    public List<Path> downloadAll(List<URI> urls, Path dir) throws IOException, InterruptedException {
        throw new UnsupportedOperationException(
                "TODO: client.sendAsync with BodyHandlers.ofFile for every URL, then allOf, then check the statuses");
    }
}
