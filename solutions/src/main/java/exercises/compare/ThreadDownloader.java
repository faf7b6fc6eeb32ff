package exercises.compare;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Downloads with a fixed pool of platform threads, each making blocking HTTP requests.
 *
 * <p>One task per URL is submitted to a pool of exactly {@code threads} threads, so at most
 * {@code threads} downloads are in flight at once. Each call gets its own pool, shut down
 * before the call returns.
 */
public final class ThreadDownloader implements Downloader {

    private final int threads;
    private final HttpClient client = HttpClient.newHttpClient();

    /**
     * Creates a downloader that uses {@code threads} threads per call.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public ThreadDownloader(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    @Override
    public List<Path> downloadAll(List<URI> urls, Path dir) throws IOException, InterruptedException {
        List<DownloadTarget> targets = DownloadTarget.plan(urls, dir);
        Files.createDirectories(dir);
        ExecutorService pool = Executors.newFixedThreadPool(threads, namedThreads());
        try {
            List<Future<Path>> downloads = new ArrayList<>(targets.size());
            for (DownloadTarget target : targets) {
                downloads.add(pool.submit(() -> download(target)));
            }
            // Only wait once every task is submitted; get() in the submit loop would download
            // one URL at a time.
            List<Path> files = new ArrayList<>(downloads.size());
            for (Future<Path> download : downloads) {
                files.add(await(download));
            }
            return files;
        } finally {
            // shutdownNow: after a failure or an interrupt, the remaining downloads are not
            // wanted. On success every task is done, so it is an ordinary shutdown. Without a
            // shutdown the pool's non-daemon threads would keep the JVM alive.
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private Path download(DownloadTarget target) throws IOException, InterruptedException {
        HttpResponse<Path> response;
        try {
            response = client.send(target.request(), target.bodyHandler());
        } catch (IOException e) {
            throw target.failure(e);
        }
        return target.verify(response);
    }

    private static Path await(Future<Path> download) throws IOException, InterruptedException {
        try {
            return download.get();
        } catch (ExecutionException e) {
            // The task already threw an IOException naming its URL; rethrow that, not the wrapper.
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException("download task failed unexpectedly", e.getCause());
        }
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> new Thread(task, "thread-downloader-" + count.incrementAndGet());
    }
}
