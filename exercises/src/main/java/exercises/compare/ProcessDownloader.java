package exercises.compare;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Exercise 4, model 2: download with one child JVM per URL.
 *
 * <h2>What to build</h2>
 *
 * <p>{@link #downloadAll} starts, for every URL, a child JVM exactly as in exercise 2 but with
 * main class {@code exercises.compare.DownloadWorker} and arguments {@code <url> <file>}. Start
 * all of them, then wait for all of them; a child that exits non-zero means that URL failed.
 *
 * <h2>Pitfalls</h2>
 *
 * <ul>
 *   <li>{@code waitFor()} in the loop that starts the children: one download at a time.
 *   <li>Not reading (or redirecting) the child's standard error: you need it for the error
 *       message, and a child whose unread pipe fills up blocks forever.
 *   <li>Leaving children running after a failure: {@link Process#destroy()} them.
 *   <li>Expecting this to be fast: every child pays for a whole JVM start-up. Measuring how much
 *       that costs is part of the exercise.
 * </ul>
 */
public final class ProcessDownloader implements Downloader {

    /** Creates a process-based downloader. */
    public ProcessDownloader() {}

    /**
     * Saves each URL to {@code dir/<last segment of its path>} with one {@link DownloadWorker}
     * JVM per URL and returns the files in the order of {@code urls}.
     */
    @Override
    public List<Path> downloadAll(List<URI> urls, Path dir) throws IOException, InterruptedException {
        throw new UnsupportedOperationException(
                "TODO: start one DownloadWorker JVM per URL, then wait for all and check their exit statuses");
    }
}
