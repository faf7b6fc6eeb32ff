package grader.suites.support;

import grader.agent.LaunchGateAgent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The test side of {@link LaunchGateAgent}: sees every JVM the student starts with a watched main
 * class, with its exact arguments, and can hold each one at the start line or tell it how to fail.
 *
 * <p>Three kinds of gate:
 *
 * <ul>
 *   <li>{@link #observe}: records each launch and lets it run at once.
 *   <li>{@link #rendezvous}: the process version of a barrier. Each launch waits until
 *       {@code parties} launches wait together, which releases them all ({@link #released()}), or
 *       until its {@code hold} runs out. The first hold that runs out breaks the gate, like a broken
 *       {@code CyclicBarrier}: the launches waiting then are released and counted in
 *       {@link #timedOut()}, later ones pass at once and are counted in {@link #passed()}. A student
 *       who starts every worker before waiting for any gets {@code released() == parties}; one who
 *       starts and waits in one loop leaves the first worker alone at the gate. No stopwatch
 *       decides, and a sequential student pays the hold only once.
 *   <li>{@link #scripted}: answers each launch as a script says, e.g. "exit 3 with this on
 *       standard error", so a test can inject a failing or misbehaving worker deterministically.
 * </ul>
 *
 * <p>A report is believed only if {@link LaunchCheck} confirms it: the pid is a live descendant of
 * this JVM running this JVM's {@code java} with exactly the reported command line, main class and
 * arguments. Any other report (the student's code can connect to the gate and say anything) is
 * answered {@code go}, so nothing hangs, but it is not recorded and counts for nothing; a second
 * report for the same pid neither. {@link #rejected()} says why, for feedback.
 *
 * <p>Only one gate can be open per gate directory at a time: the agent reads the one file there.
 * Every launch is recorded before it is answered, so once the student's code has waited for its
 * workers, {@link #launches()} holds all of them.
 */
public final class LaunchGate implements AutoCloseable {

  /** One JVM seen at the gate: its program arguments and, for diagnostics, its whole command line. */
  public record Launch(long pid, String mainClass, List<String> arguments, long arrivedNanos, List<String> command) {
    public Launch {
      Objects.requireNonNull(mainClass, "mainClass must not be null");
      arguments = List.copyOf(arguments);
      command = List.copyOf(command);
    }
  }

  /** What a scripted gate tells a launch to do. */
  public sealed interface Answer permits Answer.Proceed, Answer.Exit {

    /** Run {@code main} as usual. */
    record Proceed() implements Answer {}

    /** Print {@code stdout} and {@code stderr} as they are, then halt with {@code status} before {@code main}. */
    record Exit(int status, String stdout, String stderr) implements Answer {
      public Exit {
        Objects.requireNonNull(stdout, "stdout must not be null");
        Objects.requireNonNull(stderr, "stderr must not be null");
      }
    }

    static Answer proceed() {
      return new Proceed();
    }

    static Answer exit(int status, String stdout, String stderr) {
      return new Exit(status, stdout, stderr);
    }
  }

  private final Path gateFile;
  private final ServerSocket server;
  private final Set<String> mainClasses;
  private final int parties;
  private final Duration hold;
  private final Function<Launch, Answer> script;
  private final ExecutorService handlers = Executors.newCachedThreadPool(daemon());
  private final List<Launch> launches = new CopyOnWriteArrayList<>();
  private final List<String> rejected = new CopyOnWriteArrayList<>();
  private final LaunchCheck check = LaunchCheck.ofThisJvm();
  private final Set<Long> reportedPids = ConcurrentHashMap.newKeySet();
  /** Per believed pid, its process and when this JVM saw it end, for the timeline only. */
  private final Map<Long, Watched> watched = new ConcurrentHashMap<>();
  // Guarded by this.
  private final List<Socket> waiting = new ArrayList<>();
  private int released;
  private int timedOut;
  private int passed;
  private int maxWaitingTogether;
  private boolean broken;

  private LaunchGate(Path gateDirectory, Set<String> mainClasses, int parties, Duration hold,
      Function<Launch, Answer> script) throws IOException {
    if (mainClasses.isEmpty()) {
      throw new IllegalArgumentException("a gate must watch at least one main class");
    }
    if (parties < 1) {
      throw new IllegalArgumentException("parties must be at least 1, was " + parties);
    }
    this.mainClasses = Set.copyOf(mainClasses);
    this.parties = parties;
    this.hold = Objects.requireNonNull(hold, "hold must not be null");
    this.script = Objects.requireNonNull(script, "script must not be null");
    this.gateFile = gateDirectory.resolve(LaunchGateAgent.GATE_FILE);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    handlers.execute(this::accept);
    publish();
  }

  /** Records every watched launch and lets it run at once. */
  public static LaunchGate observe(String... mainClasses) {
    return open(Submission.gateDirectory(), Set.of(mainClasses), 1, Duration.ZERO, launch -> Answer.proceed());
  }

  /**
   * Records every watched launch and holds it until {@code parties} launches wait together, or until
   * {@code hold} has passed since it arrived (which breaks the gate; see the class comment).
   */
  public static LaunchGate rendezvous(int parties, Duration hold, String... mainClasses) {
    return open(Submission.gateDirectory(), Set.of(mainClasses), parties, hold, launch -> Answer.proceed());
  }

  /** Records every watched launch and answers it with {@code script}'s answer for it. */
  public static LaunchGate scripted(Function<Launch, Answer> script, String... mainClasses) {
    return open(Submission.gateDirectory(), Set.of(mainClasses), 1, Duration.ZERO, script);
  }

  /** Opens a gate in {@code gateDirectory}, for tests of the gate itself. */
  static LaunchGate open(Path gateDirectory, Set<String> mainClasses, int parties, Duration hold,
      Function<Launch, Answer> script) {
    try {
      return new LaunchGate(gateDirectory, mainClasses, parties, hold, script);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open the launch gate in " + gateDirectory, e);
    }
  }

  /** The launches seen so far, in order of arrival. */
  public List<Launch> launches() {
    return List.copyOf(launches);
  }

  /**
   * Why reports were not believed (no such process, not the student's, another command line, a
   * pid that had reported before), in order of arrival.
   */
  public List<String> rejected() {
    return List.copyOf(rejected);
  }

  /** How many launches were released because {@code parties} of them were waiting together. */
  public synchronized int released() {
    return released;
  }

  /** How many launches were waiting when a hold ran out, and were released without meeting. */
  public synchronized int timedOut() {
    return timedOut;
  }

  /** How many launches arrived after a hold had run out, and passed without waiting. */
  public synchronized int passed() {
    return passed;
  }

  /** The largest number of launches that were waiting at the gate at the same moment. */
  public synchronized int maxWaitingTogether() {
    return maxWaitingTogether;
  }

  private void publish() throws IOException {
    Path tmp = gateFile.resolveSibling(LaunchGateAgent.GATE_FILE + ".tmp");
    String text = "port=" + server.getLocalPort() + "\nmainClasses=" + String.join(",", mainClasses) + "\n";
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, gateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        handlers.execute(() -> handle(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(Socket socket) {
    try {
      String line =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
      Launch launch = line == null ? null : parse(line);
      if (launch == null) {
        answer(socket, Answer.proceed());
        return;
      }
      Optional<String> problem = check.problem(launch);
      if (problem.isEmpty() && !reportedPids.add(launch.pid())) {
        problem = Optional.of("pid " + launch.pid() + " had already reported");
      }
      if (problem.isPresent()) {
        rejected.add(problem.get());
        answer(socket, Answer.proceed());
        return;
      }
      watchForEnd(launch);
      launches.add(launch);
      if (parties > 1) {
        holdUntilMet(socket);
        return;
      }
      synchronized (this) {
        released++;
      }
      answer(socket, scriptedAnswer(launch));
    } catch (IOException | RuntimeException e) {
      closeQuietly(socket);
    }
  }

  /** A believed launch's process and the {@link System#nanoTime()} at which this JVM saw it end. */
  private record Watched(ProcessHandle process, CompletableFuture<Long> endedNanos) {}

  /**
   * Starts watching a believed launch's process for its end, measured here, never reported by the
   * worker. Only the timeline reads it: if watching fails, the launch counts all the same.
   */
  private void watchForEnd(Launch launch) {
    try {
      ProcessHandle.of(launch.pid()).ifPresent(process -> watched.put(launch.pid(),
          new Watched(process, process.onExit().thenApply(ended -> System.nanoTime()))));
    } catch (RuntimeException e) {
      // No end seen for this one; its timeline lane shows only its start.
    }
  }

  /**
   * When this JVM saw {@code launch}'s process end ({@link System#nanoTime()}), if it has. The
   * notice comes on another thread shortly after the exit, so a worker the student waited for may
   * not have it yet just after the call returned; {@link #stillRunning} tells the two apart.
   */
  public OptionalLong endedNanos(Launch launch) {
    Watched watch = watched.get(launch.pid());
    Long ended = watch == null ? null : watch.endedNanos().getNow(null);
    return ended == null ? OptionalLong.empty() : OptionalLong.of(ended);
  }

  /** True if {@code launch}'s process is still running now; false if it ended or was never watched. */
  public boolean stillRunning(Launch launch) {
    Watched watch = watched.get(launch.pid());
    return watch != null && watch.process().isAlive();
  }

  private Answer scriptedAnswer(Launch launch) {
    try {
      Answer answer = script.apply(launch);
      return answer == null ? Answer.proceed() : answer;
    } catch (RuntimeException e) {
      // A broken script must not take the student's worker down with it.
      return Answer.proceed();
    }
  }

  private synchronized void holdUntilMet(Socket socket) {
    if (broken) {
      passed++;
      answer(socket, Answer.proceed());
      return;
    }
    long deadline = System.nanoTime() + hold.toNanos();
    waiting.add(socket);
    maxWaitingTogether = Math.max(maxWaitingTogether, waiting.size());
    if (waiting.size() >= parties) {
      released += waiting.size();
      releaseWaiting();
      return;
    }
    while (waiting.contains(socket)) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || broken) {
        broken = true;
        timedOut += waiting.size();
        releaseWaiting();
        return;
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        // Only close() interrupts handlers; it releases the waiting launches itself.
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void releaseWaiting() {
    waiting.forEach(s -> answer(s, Answer.proceed()));
    waiting.clear();
    notifyAll();
  }

  private static void answer(Socket socket, Answer answer) {
    String line;
    if (answer instanceof Answer.Exit) {
      Answer.Exit exit = (Answer.Exit) answer;
      line = "exit " + exit.status() + " " + encode(exit.stdout()) + " " + encode(exit.stderr());
    } else {
      line = "go";
    }
    try (socket) {
      socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
    } catch (IOException e) {
      // The worker went away while waiting: it needs no answer.
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Reads the agent's line (see {@link LaunchGateAgent}); null if it is not one. */
  static Launch parse(String line) {
    List<String> words = Arrays.asList(line.split(" ", -1));
    if (words.size() < 4 || !words.get(0).equals(LaunchGateAgent.PROTOCOL)) {
      return null;
    }
    try {
      long pid = Long.parseLong(words.get(1));
      String mainClass = decode(words.get(2));
      int count = Integer.parseInt(words.get(3));
      if (count < 0 || 4 + count > words.size()) {
        return null;
      }
      List<String> arguments = words.subList(4, 4 + count).stream().map(LaunchGate::decode).toList();
      List<String> command = words.subList(4 + count, words.size()).stream().map(LaunchGate::decode).toList();
      return new Launch(pid, mainClass, arguments, System.nanoTime(), command);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String decode(String word) {
    return URLDecoder.decode(word, StandardCharsets.UTF_8);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }

  /** Closes the gate: new JVMs start unobserved, and any launch still held is let go. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(gateFile);
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not close the launch gate " + gateFile, e);
    } finally {
      synchronized (this) {
        broken = true;
        releaseWaiting();
      }
      handlers.shutdownNow();
    }
  }

  private static ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "grader-launch-gate");
      t.setDaemon(true);
      return t;
    };
  }
}
