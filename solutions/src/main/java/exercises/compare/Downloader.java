package exercises.compare;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Downloads a list of URLs concurrently into a directory.
 *
 * <p>Provided with the exercise: do not change it. The three implementations (threads,
 * processes, async) share it so that the benchmark and the tests can treat them alike.
 */
public interface Downloader {

    /**
     * Saves each URL's body, byte for byte, to {@code dir/<last segment of the URL's path>}.
     *
     * @param urls what to download; within one call their last path segments are distinct
     * @param dir the directory to save into
     * @return the saved files, in the order of {@code urls}
     * @throws IOException if a download answers with a non-2xx status or fails; the message
     *     names the URL
     * @throws InterruptedException if interrupted while waiting for the downloads
     */
    List<Path> downloadAll(List<URI> urls, Path dir) throws IOException, InterruptedException;
}
