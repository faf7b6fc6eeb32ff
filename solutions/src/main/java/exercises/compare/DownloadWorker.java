package exercises.compare;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * Child-JVM entry point that downloads one URL into one file, for {@link ProcessDownloader}.
 *
 * <p>Usage: {@code java -cp <classpath> exercises.compare.DownloadWorker <url> <file>}. Exits 0
 * on success; on failure (bad arguments, non-2xx status, I/O error) prints a message on
 * standard error and exits 1.
 */
public final class DownloadWorker {

    private static final int FAILURE = 1;

    private DownloadWorker() {}

    /** Downloads {@code args[0]} into the file {@code args[1]}. */
    public static void main(String[] args) {
        if (args.length != 2) {
            fail("expected 2 arguments <url> <file>, got " + args.length);
            return;
        }
        try {
            DownloadTarget target = new DownloadTarget(URI.create(args[0]), Path.of(args[1]));
            HttpResponse<Path> response;
            try {
                response = HttpClient.newHttpClient().send(target.request(), target.bodyHandler());
            } catch (IOException e) {
                throw target.failure(e);
            }
            target.verify(response);
        } catch (IOException | RuntimeException e) {
            // RuntimeException too: a malformed URL or file name is a failure to report, not a crash.
            fail(e.getMessage());
        } catch (InterruptedException e) {
            fail("interrupted while downloading " + args[0]);
        }
        // Returning ends the JVM with status 0: the HttpClient's own threads are daemons.
    }

    private static void fail(String message) {
        System.err.println("DownloadWorker: " + message);
        System.exit(FAILURE);
    }
}
