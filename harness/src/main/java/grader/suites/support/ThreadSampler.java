package grader.suites.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches which threads are asleep in the student's code, by sampling every thread's state and
 * stack with {@link ThreadMXBean} on a daemon grader thread.
 *
 * <p>A thread counts as asleep in a sample when it is {@code TIMED_WAITING} in {@code Thread.sleep}
 * (or {@code TimeUnit.sleep}) called by the student's code ({@link StudentCode#sleepsInStudentCode}).
 * Other timed waits do not count: threads that take turns under a lock and wait for it with
 * {@code tryLock(timeout)}, {@code wait(ms)} or {@code parkNanos} are not sleeping at the same
 * time, whatever their state says. Each sample is a consistent snapshot (the JVM takes it at a
 * safepoint), so "n threads asleep in one sample" means they were asleep at the same moment.
 *
 * <p>The sampler keeps, per thread id, the first time it saw the thread asleep, and every sample's
 * set of sleepers, so a test can ask how many of the threads it cares about slept together.
 */
public final class ThreadSampler implements AutoCloseable {

  /** One snapshot: when it was taken and the ids of the threads asleep in student code. */
  public record Sample(long nanoTime, Set<Long> asleep) {
    public Sample {
      asleep = Set.copyOf(asleep);
    }
  }

  /** Longest a sampler runs unless closed earlier. */
  public static final Duration MAX_LIFETIME = Duration.ofMinutes(2);
  /** Longest {@link #start} waits for the first sample; sampling goes on regardless. */
  private static final Duration FIRST_SAMPLE_TIMEOUT = Duration.ofSeconds(5);

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final StudentCode studentCode;
  private final Set<Long> ignored;
  private final long periodNanos;
  private final List<Sample> samples = new CopyOnWriteArrayList<>();
  private final Map<Long, Long> firstSeenAsleep = new ConcurrentHashMap<>();
  private final Thread sampler;
  private volatile boolean stopped;

  private ThreadSampler(StudentCode studentCode, Collection<Long> ignoredThreadIds, Duration period) {
    this.studentCode = Objects.requireNonNull(studentCode, "studentCode must not be null");
    this.ignored = Set.copyOf(ignoredThreadIds);
    this.periodNanos = period.toNanos();
    this.sampler = new Thread(this::sampleUntilStopped, "grader-thread-sampler");
    sampler.setDaemon(true);
  }

  /**
   * Starts sampling every {@code period}; threads in {@code ignoredThreadIds} (the caller of the
   * student's method, say) are never counted.
   */
  public static ThreadSampler start(StudentCode studentCode, Collection<Long> ignoredThreadIds, Duration period) {
    ThreadSampler threadSampler = new ThreadSampler(studentCode, ignoredThreadIds, period);
    threadSampler.sampler.start();
    // Return only once sampling runs: on a busy machine a new thread (and the first thread dump)
    // can take a few hundred milliseconds, during which the student's threads would go unseen.
    threadSampler.awaitFirstSample(FIRST_SAMPLE_TIMEOUT);
    return threadSampler;
  }

  private void awaitFirstSample(Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (samples.isEmpty() && sampler.isAlive() && System.nanoTime() < end) {
      LockSupport.parkNanos(periodNanos);
    }
  }

  private void sampleUntilStopped() {
    // A test whose student code hangs never closes its sampler: it must not sample for ever.
    long end = System.nanoTime() + MAX_LIFETIME.toNanos();
    while (!stopped && System.nanoTime() < end) {
      sampleOnce();
      LockSupport.parkNanos(periodNanos);
    }
  }

  private void sampleOnce() {
    ThreadInfo[] infos = threads.dumpAllThreads(false, false);
    long now = System.nanoTime();
    Set<Long> asleep = new HashSet<>();
    for (ThreadInfo info : infos) {
      if (info == null || info.getThreadState() != Thread.State.TIMED_WAITING) {
        continue;
      }
      long id = info.getThreadId();
      if (!ignored.contains(id) && studentCode.sleepsInStudentCode(info.getStackTrace())) {
        asleep.add(id);
        firstSeenAsleep.putIfAbsent(id, now);
      }
    }
    samples.add(new Sample(now, asleep));
  }

  /** The first time thread {@code threadId} was seen asleep, as {@link System#nanoTime()}. */
  public OptionalLong firstSeenAsleep(long threadId) {
    Long seen = firstSeenAsleep.get(threadId);
    return seen == null ? OptionalLong.empty() : OptionalLong.of(seen);
  }

  /** The largest number of threads among {@code threadIds} that one sample saw asleep together. */
  public int maxAsleepTogether(Collection<Long> threadIds) {
    Set<Long> among = Set.copyOf(threadIds);
    int max = 0;
    for (Sample sample : samples) {
      int together = 0;
      for (Long id : sample.asleep()) {
        if (among.contains(id)) {
          together++;
        }
      }
      max = Math.max(max, together);
    }
    return max;
  }

  /** The largest number of threads any one sample saw asleep in student code. */
  public int maxAsleepTogether() {
    return samples.stream().mapToInt(s -> s.asleep().size()).max().orElse(0);
  }

  /**
   * The longest stretch of {@code [from, to]} (as {@link System#nanoTime()}) without a sample: how
   * long the sampler was blind, e.g. because a busy machine did not let it run.
   */
  public Duration longestGap(long from, long to) {
    long longest = 0;
    long previous = from;
    for (Sample sample : samples) {
      long time = sample.nanoTime();
      if (time > from && time < to) {
        longest = Math.max(longest, time - previous);
        previous = time;
      }
    }
    return Duration.ofNanos(Math.max(longest, to - previous));
  }

  /** The sampler's own thread, which a wait for the student's threads to end must not wait for. */
  public long threadId() {
    return sampler.getId();
  }

  public int sampleCount() {
    return samples.size();
  }

  public List<Sample> samples() {
    return List.copyOf(samples);
  }

  /** Stops sampling and waits for the sampler thread to end. */
  @Override
  public void close() {
    stopped = true;
    LockSupport.unpark(sampler);
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
