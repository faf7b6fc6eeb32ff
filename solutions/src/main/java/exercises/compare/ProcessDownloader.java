package exercises.compare;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Downloads with one child JVM per URL, each running {@link DownloadWorker}.
 *
 * <p>All children are started before the first is waited for, so they download at the same
 * time; the price is one JVM start-up per URL.
 */
public final class ProcessDownloader implements Downloader {

    /** Creates a process-based downloader. */
    public ProcessDownloader() {}

    @Override
    public List<Path> downloadAll(List<URI> urls, Path dir) throws IOException, InterruptedException {
        List<DownloadTarget> targets = DownloadTarget.plan(urls, dir);
        Files.createDirectories(dir);
        List<Child> children = new ArrayList<>(targets.size());
        try {
            for (DownloadTarget target : targets) {
                children.add(Child.start(target));
            }
            for (Child child : children) {
                child.awaitSuccess();
            }
            return DownloadTarget.files(targets);
        } finally {
            // No child may outlive a failure or an interrupt; for exited children this only
            // deletes their error files.
            children.forEach(Child::discard);
        }
    }

    /**
     * A running worker JVM whose standard error goes to a temporary file.
     *
     * <p>A file rather than a pipe: a child that fills a pipe nobody reads blocks forever, and
     * {@code waitFor} can be interrupted where a pipe read cannot.
     */
    private record Child(DownloadTarget target, Process process, Path stderr) {

        static Child start(DownloadTarget target) throws IOException {
            Path stderr = Files.createTempFile("download-worker-", ".err");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(
                    java,
                    "-cp", System.getProperty("java.class.path"),
                    DownloadWorker.class.getName(),
                    target.url().toString(),
                    target.file().toAbsolutePath().toString())
                    // The worker has nothing to say on success; stdout is not part of its protocol.
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile());
            try {
                return new Child(target, builder.start(), stderr);
            } catch (IOException e) {
                Files.deleteIfExists(stderr);
                throw new IOException("cannot start a worker JVM for " + target.url(), e);
            }
        }

        void awaitSuccess() throws IOException, InterruptedException {
            int status = process.waitFor();
            if (status != 0) {
                String errors = new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8).strip();
                throw new IOException("download of " + target.url() + " failed: worker exited with status "
                        + status + "; its standard error: " + (errors.isEmpty() ? "(empty)" : errors));
            }
        }

        void discard() {
            process.destroyForcibly();
            try {
                Files.deleteIfExists(stderr);
            } catch (IOException e) {
                // A left-over temp file is harmless; failing here would hide the real result.
            }
        }
    }
}
