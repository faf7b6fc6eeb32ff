package grader.suites.support;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * A WireMock listener that sees, from inside the server, how many of the student's requests were
 * there at the same moment, and can hold them at the door.
 *
 * <p>A test {@linkplain #arm arms} the gate with a {@link Plan} for the requests whose URL starts
 * with the plan's prefix. Each such request, on its Jetty thread and before its response is sent:
 * counts itself in, then (if the plan says so) waits at a rendezvous for {@code parties}
 * requests, or waits until the test {@linkplain #release releases} it, then stays for the plan's
 * delay, and counts itself out. Because a request leaves the count before its response is sent,
 * a client that needs one response before it sends the next request can never be seen twice in
 * the count: {@link Observation#maxInside()} is exact, not a stopwatch estimate.
 *
 * <p>The rendezvous is single-shot: the first {@code parties} requests meet, or the first one to
 * wait out {@code meetTimeout} alone breaks it, and every later request passes straight through.
 * A sequential client therefore costs one timeout, not one per request. Holding ends at the
 * latest at the plan's deadline, so a client that blocks on a held response is let go, and the
 * test can tell what it did.
 */
public final class ServerGate implements ServeEventListener {

  /** What the gate does with the requests under {@code pathPrefix}, from {@link #arm} on. */
  public record Plan(String pathPrefix, int parties, Duration meetTimeout, boolean hold, Duration holdTimeout,
      Duration stay, List<Duration> staysByArrival) {
    public Plan {
      staysByArrival = List.copyOf(staysByArrival);
      Objects.requireNonNull(pathPrefix, "pathPrefix must not be null");
      Objects.requireNonNull(meetTimeout, "meetTimeout must not be null");
      Objects.requireNonNull(holdTimeout, "holdTimeout must not be null");
      Objects.requireNonNull(stay, "stay must not be null");
      if (!pathPrefix.startsWith("/")) {
        throw new IllegalArgumentException("pathPrefix must start with '/', was " + pathPrefix);
      }
      if (parties < 1) {
        throw new IllegalArgumentException("parties must be at least 1, was " + parties);
      }
    }

    /** Counts the requests and keeps each inside for {@code stay}; no waiting for others. */
    public static Plan count(String pathPrefix, Duration stay) {
      return new Plan(pathPrefix, 1, Duration.ZERO, false, Duration.ZERO, stay, List.of());
    }

    /**
     * Counts the requests and keeps the n-th to arrive inside for {@code stays.get(n)} (the last
     * of them for any later one): the test, not the client, decides how long each request takes.
     */
    public static Plan staysByArrival(String pathPrefix, List<Duration> stays) {
      if (stays.isEmpty()) {
        throw new IllegalArgumentException("stays must not be empty");
      }
      return new Plan(pathPrefix, 1, Duration.ZERO, false, Duration.ZERO, stays.get(stays.size() - 1), stays);
    }

    /** How long the request that arrives as number {@code arrival} (from 0) stays inside. */
    Duration stayOf(int arrival) {
      return arrival < staysByArrival.size() ? staysByArrival.get(arrival) : stay;
    }

    /** The first {@code parties} requests wait for each other up to {@code meetTimeout}, then stay. */
    public static Plan rendezvous(String pathPrefix, int parties, Duration meetTimeout, Duration stay) {
      return new Plan(pathPrefix, parties, meetTimeout, false, Duration.ZERO, stay, List.of());
    }

    /** Every request waits until {@link #release} or until {@code holdTimeout} after arming. */
    public static Plan hold(String pathPrefix, Duration holdTimeout) {
      return new Plan(pathPrefix, 1, Duration.ZERO, true, holdTimeout, Duration.ZERO, List.of());
    }
  }

  /**
   * What the gate saw since it was armed.
   *
   * @param arrived requests that reached the gate
   * @param answered requests that left it (their response is being sent)
   * @param maxInside the most requests inside the gate at one moment
   * @param maxWaitingTogether the most requests waiting at the rendezvous at one moment
   * @param met whether the first {@code parties} requests were all waiting together
   * @param broken whether a request waited out the meet timeout alone
   * @param holdExpired whether the hold ran until its deadline instead of being released
   * @param urls the URLs of the arrived requests, in order of arrival
   * @param exchanges every arrived request with its times, in order of arrival
   */
  public record Observation(int arrived, int answered, int maxInside, int maxWaitingTogether, boolean met,
      boolean broken, boolean holdExpired, List<String> urls, List<Exchange> exchanges) {
    public Observation {
      urls = List.copyOf(urls);
      exchanges = List.copyOf(exchanges);
    }

    /** The first exchange for {@code url} (path and query), if it arrived. */
    public Optional<Exchange> exchange(String url) {
      return exchanges.stream().filter(e -> e.url().equals(url)).findFirst();
    }
  }

  /**
   * One request as the server saw it, in {@link System#nanoTime()} of this JVM: when it reached the
   * gate (fully received, before any delay), when the gate let it go (its response is sent only
   * after that: {@code -1} while it is held) and when WireMock reported the whole response sent,
   * after a chunked dribble too ({@code -1} until then). WireMock reports completion on the request
   * thread after the last write, so the client may have the whole body a little earlier; only
   * {@code answeredNanos} is sure to come before the client has anything.
   */
  public record Exchange(String url, long arrivedNanos, long answeredNanos, long completedNanos) {
    public Exchange {
      Objects.requireNonNull(url, "url must not be null");
    }

    public boolean answered() {
      return answeredNanos >= 0;
    }

    public boolean completed() {
      return completedNanos >= 0;
    }
  }

  /** Name under which WireMock registers this listener. */
  public static final String NAME = "grader-server-gate";

  private volatile Round round;

  @Override
  public String getName() {
    return NAME;
  }

  /** Starts a fresh observation with {@code plan}; releases whatever the previous plan held. */
  public void arm(Plan plan) {
    arm(plan, arrival -> {});
  }

  /**
   * As {@link #arm(Plan)}, and calls {@code onArrival} with each request's number of arrival (from
   * 0) on its Jetty thread as it reaches the gate, while the client still waits for the response:
   * a test can look at what the client side is doing at that moment. The time the call takes is
   * part of the request's stay, not added to it.
   */
  public void arm(Plan plan, IntConsumer onArrival) {
    Round previous = round;
    round = new Round(Objects.requireNonNull(plan, "plan must not be null"),
        Objects.requireNonNull(onArrival, "onArrival must not be null"));
    if (previous != null) {
      previous.open();
    }
  }

  /** Lets every held or waiting request go and stops watching. */
  public void disarm() {
    Round previous = round;
    round = null;
    if (previous != null) {
      previous.open();
    }
  }

  /** Lets the held requests go (and any that arrive later). */
  public void release() {
    Round current = round;
    if (current != null) {
      current.open();
    }
  }

  /** What the gate saw since the last {@link #arm}; all zero when disarmed. */
  public Observation observe() {
    Round current = round;
    return current == null ? new Observation(0, 0, 0, 0, false, false, false, List.of(), List.of()) : current.observe();
  }

  @Override
  public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
    Round current = round;
    String url = serveEvent.getRequest().getUrl();
    if (current == null || url == null || !url.startsWith(current.plan.pathPrefix())) {
      return;
    }
    current.pass(serveEvent.getId(), url);
  }

  /** Notes when the response was sent in full: WireMock calls this once the last byte is written. */
  @Override
  public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
    Round current = round;
    String url = serveEvent.getRequest().getUrl();
    if (current == null || url == null || !url.startsWith(current.plan.pathPrefix())) {
      return;
    }
    current.complete(serveEvent.getId(), System.nanoTime());
  }

  /** One armed plan and what it saw; the monitor guards every field. */
  private static final class Round {
    private final Plan plan;
    private final IntConsumer onArrival;
    private final long holdDeadline;
    private final List<String> urls = new ArrayList<>();
    private final List<Long> arrivedNanos = new ArrayList<>();
    private final List<Long> answeredNanos = new ArrayList<>();
    private final List<Long> completedNanos = new ArrayList<>();
    private final Map<UUID, Integer> indexOfEvent = new HashMap<>();
    private int arrived;
    private int answered;
    private int inside;
    private int maxInside;
    private int waiting;
    private int maxWaitingTogether;
    private boolean met;
    private boolean broken;
    private boolean released;
    private boolean holdExpired;

    Round(Plan plan, IntConsumer onArrival) {
      this.plan = plan;
      this.onArrival = onArrival;
      this.holdDeadline = System.nanoTime() + plan.holdTimeout().toNanos();
    }

    void pass(UUID event, String url) {
      int arrival = enter(event, url);
      try {
        long probed = System.nanoTime();
        onArrival.accept(arrival);
        long probeNanos = System.nanoTime() - probed;
        if (plan.hold()) {
          awaitRelease();
        } else if (plan.parties() > 1) {
          meet();
        }
        Duration stay = plan.stayOf(arrival);
        if (!stay.isZero()) {
          TimeUnit.NANOSECONDS.sleep(stay.toMillis() * 1_000_000L - probeNanos);
        }
      } catch (InterruptedException e) {
        // WireMock is stopping; the response does not matter any more.
        Thread.currentThread().interrupt();
      } finally {
        leave(arrival);
      }
    }

    private synchronized int enter(UUID event, String url) {
      arrived++;
      indexOfEvent.put(event, urls.size());
      urls.add(url);
      arrivedNanos.add(System.nanoTime());
      answeredNanos.add(-1L);
      completedNanos.add(-1L);
      inside++;
      maxInside = Math.max(maxInside, inside);
      return arrived - 1;
    }

    private synchronized void leave(int arrival) {
      answeredNanos.set(arrival, System.nanoTime());
      inside--;
      answered++;
    }

    private synchronized void awaitRelease() throws InterruptedException {
      while (!released) {
        long left = holdDeadline - System.nanoTime();
        if (left <= 0) {
          holdExpired = true;
          released = true;
          notifyAll();
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    private synchronized void meet() throws InterruptedException {
      if (met || broken || released) {
        return;
      }
      waiting++;
      maxWaitingTogether = Math.max(maxWaitingTogether, waiting);
      try {
        if (waiting >= plan.parties()) {
          met = true;
          notifyAll();
          return;
        }
        long deadline = System.nanoTime() + plan.meetTimeout().toNanos();
        while (!met && !broken && !released) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            // Alone too long: the others are not coming while this one is kept. Let everyone through.
            broken = true;
            notifyAll();
            return;
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      } finally {
        waiting--;
      }
    }

    synchronized void complete(UUID event, long nanos) {
      Integer index = indexOfEvent.get(event);
      if (index != null && completedNanos.get(index) < 0) {
        completedNanos.set(index, nanos);
      }
    }

    synchronized void open() {
      released = true;
      notifyAll();
    }

    synchronized Observation observe() {
      List<Exchange> exchanges = new ArrayList<>();
      for (int i = 0; i < urls.size(); i++) {
        exchanges.add(new Exchange(urls.get(i), arrivedNanos.get(i), answeredNanos.get(i), completedNanos.get(i)));
      }
      return new Observation(arrived, answered, maxInside, maxWaitingTogether, met, broken, holdExpired, urls,
          exchanges);
    }
  }
}
