package grader.suites.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import exercises.compare.AsyncDownloader;
import exercises.compare.Downloader;
import exercises.compare.ThreadDownloader;
import grader.suites.support.Waits;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which model's downloadAll the stacks show, with calls kept waiting inside it by a URL list that blocks. */
@Timeout(60)
class ModelFramesTests {
  private final CountDownLatch done = new CountDownLatch(1);
  private final List<Thread> callers = new ArrayList<>();

  /** A list whose every read waits until the test is over, so a downloadAll given it stays in its frame. */
  private final List<URI> blocking = new AbstractList<>() {
    @Override
    public URI get(int index) {
      throw new IndexOutOfBoundsException(index);
    }

    @Override
    public int size() {
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 0;
    }
  };

  @AfterEach
  void release() throws InterruptedException {
    done.countDown();
    for (Thread caller : callers) {
      caller.join();
    }
  }

  private Thread calling(Downloader model) {
    Thread caller = new Thread(() -> {
      try {
        model.downloadAll(blocking, Path.of("unused"));
      } catch (Exception e) {
        // only the frame matters
      }
    }, "model-frames-test");
    callers.add(caller);
    caller.start();
    return caller;
  }

  @Test
  void theBenchmarksOwnCallDecidesWhateverOtherThreadsDo() {
    Set<Long> before = ModelFrames.threadsAliveNow();
    Thread benchmark = calling(new ThreadDownloader(1));
    calling(new AsyncDownloader(HttpClient.newHttpClient()));
    Waits.await("both calls waiting").until(() -> ModelFrames.running(Thread.currentThread(), before).size() == 2);
    assertEquals(Set.of("threads"), ModelFrames.running(benchmark, before));
  }

  @Test
  void withoutACallOnTheBenchmarksThreadEveryNewThreadsModelCounts() {
    Set<Long> before = ModelFrames.threadsAliveNow();
    calling(new ThreadDownloader(1));
    calling(new AsyncDownloader(HttpClient.newHttpClient()));
    Waits.await("both calls waiting").until(() -> ModelFrames.running(Thread.currentThread(), before).size() == 2);
    assertEquals(Set.of("async", "threads"), ModelFrames.running(Thread.currentThread(), before));
  }

  @Test
  void threadsOlderThanTheBenchmarkAreNotLookedAt() {
    calling(new ThreadDownloader(1));
    Waits.await("the call waiting").until(() -> ModelFrames.running(Thread.currentThread(), Set.of()).size() == 1);
    assertEquals(Set.of(), ModelFrames.running(Thread.currentThread(), ModelFrames.threadsAliveNow()));
  }
}
