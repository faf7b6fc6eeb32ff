package exercises.compare;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Exercise 4, model 1: download with a fixed pool of platform threads.
 *
 * <h2>What to build</h2>
 *
 * <p>{@link #downloadAll} creates a pool with {@code Executors.newFixedThreadPool(threads)},
 * submits one task per URL, and waits for all the {@link java.util.concurrent.Future}s. Each
 * task makes a blocking request with {@code HttpClient.send(request, BodyHandlers.ofFile(file))}
 * so the body goes straight to disk. The pool has exactly {@code threads} threads, so at most
 * that many downloads run at once.
 *
 * <h2>Pitfalls</h2>
 *
 * <ul>
 *   <li>Forgetting to shut the pool down: its threads are not daemons, so they keep the JVM
 *       alive and leak on every call. Shut it down in a {@code finally} block before returning.
 *   <li>Calling {@code future.get()} in the loop that submits the tasks: one download at a time.
 *   <li>Decoding the body as text ({@code BodyHandlers.ofString()}, {@code Files.writeString}):
 *       binary files come out corrupted. Keep bytes as bytes.
 *   <li>Ignoring the status code: a 404 page saved as {@code picture.png} is not a download.
 *   <li>Losing the real error: {@code get()} wraps a task's exception in an
 *       {@link java.util.concurrent.ExecutionException}; rethrow an {@link IOException} that
 *       names the URL.
 * </ul>
 */
public final class ThreadDownloader implements Downloader {

    private final int threads;

    /** Creates a downloader whose pool has {@code threads} platform threads. */
    public ThreadDownloader(int threads) {
        this.threads = threads;
    }

    /**
     * Saves each URL to {@code dir/<last segment of its path>} using {@code threads} pool
     * threads and returns the files in the order of {@code urls}.
     */
    @Override
    public List<Path> downloadAll(List<URI> urls, Path dir) throws IOException, InterruptedException {
        throw new UnsupportedOperationException(
                "TODO: submit one task per URL to a fixed pool of " + threads + " threads, wait for all, shut the pool down");
    }
}
