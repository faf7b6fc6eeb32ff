package exercises.async;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Exercise 3: fetch several URLs concurrently with {@link HttpClient#sendAsync}.
 *
 * <h2>What to build</h2>
 *
 * <p>{@link #fetchAll} sends a GET for every URI with
 * {@code client.sendAsync(request, HttpResponse.BodyHandlers.ofString())}, which returns a
 * {@link CompletableFuture} at once while the request proceeds in the background. With all
 * requests in flight, combine their futures with {@link CompletableFuture#allOf} and turn the
 * result into the list of bodies with {@code thenApply}. The caller gets the combined future
 * back immediately; the total time is that of the slowest request, not the sum.
 *
 * <h2>Pitfalls</h2>
 *
 * <ul>
 *   <li>Blocking per request: {@code sendAsync(...).join()} (or {@code get()}) inside the loop,
 *       or the blocking {@code client.send}, waits for each response before sending the next.
 *   <li>Chaining requests with {@code thenCompose}: that sends the second request only when
 *       the first has answered, which is sequential again.
 *   <li>Blocking inside {@code fetchAll}: it must return its future without waiting; the caller
 *       decides when to {@code get()}.
 *   <li>Ignoring the status code: {@code sendAsync} completes normally for a 404 or a 500. Check
 *       {@code response.statusCode()} and fail with an {@link IOException}.
 *   <li>Exceptions inside stages: a lambda cannot throw a checked {@code IOException}; wrap it
 *       in a {@link java.util.concurrent.CompletionException}, or return
 *       {@link CompletableFuture#failedFuture}. {@code get()} then throws an
 *       {@link java.util.concurrent.ExecutionException} whose cause is your {@code IOException}.
 * </ul>
 */
public final class ConcurrentFetcher {

    private ConcurrentFetcher() {}

    /**
     * Sends a GET for every URI, all before awaiting any response, and returns at once a future
     * of the response bodies in the order of {@code uris}.
     *
     * <p>To do: if a response's status is outside 200-299 or a request fails, the future
     * completes exceptionally with an {@link IOException} (as the cause) whose message names
     * that URI, and the status where there is one. An empty list gives an already completed
     * future of an empty list.
     */
    public static CompletableFuture<List<String>> fetchAll(HttpClient client, List<URI> uris) {
        throw new UnsupportedOperationException(
                "TODO: sendAsync every request, combine the futures with allOf, check the statuses");
    }

    /**
     * Fetches {@code <base>/delay/2} twice concurrently with a new {@link HttpClient}, where
     * {@code base} is {@code args[0]} or {@code https://httpbin.org}, then prints each body's
     * length and the total time in milliseconds.
     *
     * <p>The wording is yours; what the grader reads is the numbers: each body's length in
     * characters and the total time (from before the requests to after both answered, measured
     * with {@link System#nanoTime()}), each printed as a plain decimal integer. For example:
     *
     * <pre>
     * Response 1: 355 characters
     * Response 2: 355 characters
     * Total time: 2104 ms
     * </pre>
     */
    public static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException(
                "TODO: fetch <base>/delay/2 twice with fetchAll, print the body lengths and the total time in ms");
    }
}
