package exercises.compare;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;

/**
 * One URL to download and the file its body is saved to; shared by the three downloaders.
 *
 * <p>The file is named after the last segment of the URL's path, so
 * {@code http://host/files/a.bin} is saved as {@code dir/a.bin}.
 */
record DownloadTarget(URI url, Path file) {

    DownloadTarget {
        Objects.requireNonNull(url, "url must not be null");
        Objects.requireNonNull(file, "file must not be null");
    }

    /** Plans the downloads of {@code urls} into {@code dir}, in the same order. */
    static List<DownloadTarget> plan(List<URI> urls, Path dir) {
        Objects.requireNonNull(urls, "urls must not be null");
        Objects.requireNonNull(dir, "dir must not be null");
        return urls.stream().map(url -> new DownloadTarget(url, dir.resolve(fileName(url)))).toList();
    }

    /** Returns the files of {@code targets}, in order. */
    static List<Path> files(List<DownloadTarget> targets) {
        return targets.stream().map(DownloadTarget::file).toList();
    }

    /** A GET request for the URL. */
    HttpRequest request() {
        return HttpRequest.newBuilder(url).GET().build();
    }

    /**
     * Streams the body straight to the file, as bytes: never decode a download as text. The
     * options are spelled out because {@code ofFile(file)} alone does not truncate a file that is
     * already there.
     */
    BodyHandler<Path> bodyHandler() {
        return BodyHandlers.ofFile(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * Checks the response's status and returns the file.
     *
     * @throws IOException naming the URL and the status if it is not 2xx; the error page that
     *     was written to the file is deleted
     */
    Path verify(HttpResponse<Path> response) throws IOException {
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            Files.deleteIfExists(file);
            throw new IOException("GET " + url + " returned HTTP status " + status);
        }
        return file;
    }

    /** Wraps a failed request for this URL (a transport error) into an IOException naming it. */
    IOException failure(Throwable cause) {
        // CompletableFuture stages see failures wrapped in a CompletionException; report the real one.
        Throwable root = cause instanceof CompletionException && cause.getCause() != null
                ? cause.getCause()
                : cause;
        return new IOException("GET " + url + " failed: " + root, root);
    }

    private static String fileName(URI url) {
        String path = url.getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        // An empty, "." or ".." segment names no file inside dir (and ".." would leave it).
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(
                    "URL has no file name as the last segment of its path: " + url);
        }
        return name;
    }
}
