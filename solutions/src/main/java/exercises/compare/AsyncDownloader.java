package exercises.compare;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Downloads with {@link HttpClient#sendAsync}: every request in flight at once, no thread per
 * download, and each body streamed to its file by {@code BodyHandlers.ofFile}.
 */
public final class AsyncDownloader implements Downloader {

    private final HttpClient client;

    /** Creates a downloader that sends its requests with {@code client}. */
    public AsyncDownloader(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client must not be null");
    }

    @Override
    public List<Path> downloadAll(List<URI> urls, Path dir) throws IOException, InterruptedException {
        List<DownloadTarget> targets = DownloadTarget.plan(urls, dir);
        Files.createDirectories(dir);
        List<CompletableFuture<Path>> downloads = targets.stream().map(this::download).toList();
        CompletableFuture<Void> all = CompletableFuture.allOf(downloads.toArray(new CompletableFuture<?>[0]));
        try {
            all.get();
        } catch (ExecutionException e) {
            // Each download already failed with an IOException naming its URL.
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("download failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            // Nobody will wait for these downloads any more.
            downloads.forEach(download -> download.cancel(true));
            throw e;
        }
        return DownloadTarget.files(targets);
    }

    private CompletableFuture<Path> download(DownloadTarget target) {
        return client.sendAsync(target.request(), target.bodyHandler())
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(target.failure(failure)))
                .thenApply(response -> {
                    try {
                        return target.verify(response);
                    } catch (IOException e) {
                        // A stage cannot throw a checked exception; get() unwraps this again.
                        throw new CompletionException(e);
                    }
                });
    }
}
