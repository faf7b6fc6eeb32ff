package exercises.async;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Fetches several URIs concurrently with {@link HttpClient#sendAsync}.
 *
 * <p>Every request is sent before any response is awaited, so the total time is that of the
 * slowest request rather than the sum of all of them.
 */
public final class ConcurrentFetcher {

    private ConcurrentFetcher() {}

    /**
     * Sends a GET for every URI at once and returns a future of the response bodies, in the
     * order of {@code uris}.
     *
     * <p>Returns immediately. The future fails with an {@link IOException} naming the URI (and
     * the status, if there is one) when a request fails or answers outside 200-299.
     */
    public static CompletableFuture<List<String>> fetchAll(HttpClient client, List<URI> uris) {
        Objects.requireNonNull(client, "client must not be null");
        Objects.requireNonNull(uris, "uris must not be null");
        if (uris.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        // Sending happens here, for all URIs, before anything waits for a response.
        List<CompletableFuture<String>> bodies = uris.stream()
                .map(uri -> fetch(client, uri))
                .toList();
        // join() cannot block in thenApply: allOf only completes once every body is there.
        return CompletableFuture.allOf(bodies.toArray(new CompletableFuture<?>[0]))
                .thenApply(done -> bodies.stream().map(CompletableFuture::join).toList());
    }

    /** Fetches {@code <base>/delay/2} twice concurrently and prints body lengths and total time. */
    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "https://httpbin.org";
        URI delayed = URI.create(base.replaceAll("/+$", "") + "/delay/2");
        HttpClient client = HttpClient.newHttpClient();

        long start = System.nanoTime();
        List<String> bodies = fetchAll(client, List.of(delayed, delayed)).get();
        long millis = (System.nanoTime() - start) / 1_000_000;

        for (int i = 0; i < bodies.size(); i++) {
            System.out.println("Response " + (i + 1) + ": " + bodies.get(i).length() + " characters");
        }
        System.out.println("Total time: " + millis + " ms");
    }

    private static CompletableFuture<String> fetch(HttpClient client, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        return client.sendAsync(request, BodyHandlers.ofString())
                // Map transport failures first, so the status check's own IOException below
                // is not wrapped a second time.
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        new IOException("GET " + uri + " failed: " + describe(unwrap(failure)),
                                unwrap(failure))))
                .thenCompose(response -> isSuccess(response)
                        ? CompletableFuture.completedFuture(response.body())
                        : CompletableFuture.failedFuture(new IOException(
                                "GET " + uri + " returned HTTP status " + response.statusCode())));
    }

    private static boolean isSuccess(HttpResponse<?> response) {
        return response.statusCode() >= 200 && response.statusCode() <= 299;
    }

    /** Strips the CompletionException that CompletableFuture wraps around a stage's failure. */
    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() != null
                ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
                : failure.getClass().getSimpleName();
    }
}
