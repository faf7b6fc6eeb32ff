package grader.suites.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches files grow on disk while a download runs, from a daemon grader thread: for each file,
 * the first moment it held some but not all of its bytes. A body that streams to disk is seen
 * like that for as long as the server takes to send it; a body held in memory and written at the
 * end never is (or for the microseconds of the final write), whatever classes wrote it.
 */
final class DiskWatch implements AutoCloseable {
  /** Longest a watch runs unless closed earlier: a call that hangs must not leave it polling. */
  private static final Duration MAX_LIFETIME = Duration.ofMinutes(2);

  private final Path dir;
  private final Map<String, Long> fullSizes;
  private final long periodNanos;
  private final Map<String, Long> firstPartial = new ConcurrentHashMap<>();
  private final Thread poller;
  private volatile boolean stopped;

  private DiskWatch(Path dir, Map<String, Long> fullSizes, Duration period) {
    this.dir = Objects.requireNonNull(dir, "dir must not be null");
    this.fullSizes = Map.copyOf(fullSizes);
    this.periodNanos = period.toNanos();
    this.poller = new Thread(this::pollUntilStopped, "grader-disk-watch");
    poller.setDaemon(true);
  }

  /** Starts watching {@code dir/<name>} for each name, whose whole size is the map's value. */
  static DiskWatch start(Path dir, Map<String, Long> fullSizes, Duration period) {
    DiskWatch watch = new DiskWatch(dir, fullSizes, period);
    watch.poller.start();
    return watch;
  }

  private void pollUntilStopped() {
    long end = System.nanoTime() + MAX_LIFETIME.toNanos();
    while (!stopped && System.nanoTime() < end) {
      fullSizes.forEach((name, full) -> {
        if (!firstPartial.containsKey(name)) {
          long size = sizeOf(dir.resolve(name));
          if (size > 0 && size < full) {
            firstPartial.put(name, System.nanoTime());
          }
        }
      });
      LockSupport.parkNanos(periodNanos);
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // not there yet
    }
  }

  /** When {@code name} was first seen holding some but not all of its bytes, as {@link System#nanoTime()}. */
  OptionalLong firstPartial(String name) {
    Long seen = firstPartial.get(name);
    return seen == null ? OptionalLong.empty() : OptionalLong.of(seen);
  }

  /** Stops watching and waits for the poller to end. */
  @Override
  public void close() {
    stopped = true;
    LockSupport.unpark(poller);
    try {
      poller.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
