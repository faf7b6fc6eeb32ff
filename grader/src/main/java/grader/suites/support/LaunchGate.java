package grader.suites.support;

import grader.agent.LaunchGateAgent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test side of {@link LaunchGateAgent}: sees every JVM the student starts with a watched main
 * class, with its exact arguments, and optionally holds each one at the start line until
 * {@code parties} of them are waiting together.
 *
 * <p>The rendezvous is the process version of a barrier: a student who starts every worker before
 * waiting for any gets all of them released together ({@link #released()} equals the number of
 * launches); a student who starts and waits in one loop leaves each worker alone at the gate until
 * the hold time runs out ({@link #timedOut()} &gt; 0). No stopwatch decides.
 */
public final class LaunchGate implements AutoCloseable {

  /** One JVM seen at the gate. */
  public record Launch(long pid, String mainClass, List<String> arguments, long arrivedNanos) {
    public Launch {
      arguments = List.copyOf(arguments);
    }
  }

  private final Path gateFile;
  private final ServerSocket server;
  private final Set<String> mainClasses;
  private final int parties;
  private final Duration hold;
  private final ExecutorService handlers = Executors.newCachedThreadPool(daemon());
  private final List<Launch> launches = new CopyOnWriteArrayList<>();
  private final List<Socket> waiting = new ArrayList<>();
  private final AtomicInteger released = new AtomicInteger();
  private final AtomicInteger timedOut = new AtomicInteger();
  private int maxWaitingTogether;

  private LaunchGate(Set<String> mainClasses, int parties, Duration hold) throws IOException {
    this.mainClasses = Set.copyOf(mainClasses);
    this.parties = parties;
    this.hold = hold;
    this.gateFile = Submission.gateDirectory().resolve(LaunchGateAgent.GATE_FILE);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    handlers.execute(this::accept);
    publish();
  }

  /** Records every watched launch and lets it run at once. */
  public static LaunchGate observe(String... mainClasses) {
    return open(Set.of(mainClasses), 1, Duration.ZERO);
  }

  /**
   * Records every watched launch and holds it until {@code parties} launches wait together, or until
   * {@code hold} has passed since it arrived.
   */
  public static LaunchGate rendezvous(int parties, Duration hold, String... mainClasses) {
    return open(Set.of(mainClasses), parties, hold);
  }

  private static LaunchGate open(Set<String> mainClasses, int parties, Duration hold) {
    try {
      return new LaunchGate(mainClasses, parties, hold);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open the launch gate", e);
    }
  }

  /** The launches seen so far, in order of arrival. */
  public List<Launch> launches() {
    return List.copyOf(launches);
  }

  /** How many launches were released because enough siblings were waiting with them. */
  public int released() {
    return released.get();
  }

  /** How many launches waited alone until their hold time ran out. */
  public int timedOut() {
    return timedOut.get();
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
      if (line == null) {
        socket.close();
        return;
      }
      launches.add(parse(line));
      if (parties <= 1) {
        release(socket);
        released.incrementAndGet();
        return;
      }
      holdUntilMet(socket);
    } catch (IOException e) {
      closeQuietly(socket);
    }
  }

  private void holdUntilMet(Socket socket) throws IOException {
    long deadline = System.nanoTime() + hold.toNanos();
    synchronized (this) {
      waiting.add(socket);
      maxWaitingTogether = Math.max(maxWaitingTogether, waiting.size());
      if (waiting.size() >= parties) {
        for (Socket s : waiting) {
          release(s);
          released.incrementAndGet();
        }
        waiting.clear();
        notifyAll();
        return;
      }
      while (waiting.contains(socket)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          waiting.remove(socket);
          timedOut.incrementAndGet();
          release(socket);
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          waiting.remove(socket);
          release(socket);
          return;
        }
      }
    }
  }

  private static void release(Socket socket) {
    try (socket) {
      socket.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
    } catch (SocketException e) {
      // The worker died while waiting: nothing to release.
    } catch (IOException e) {
      // Same: a worker that went away needs no answer.
    }
  }

  private Launch parse(String line) {
    List<String> words = new ArrayList<>(Arrays.asList(line.split(" ")));
    long pid = Long.parseLong(words.remove(0));
    List<String> command = words.stream().map(w -> URLDecoder.decode(w, StandardCharsets.UTF_8)).toList();
    return fromCommand(pid, command);
  }

  private Launch fromCommand(long pid, List<String> command) {
    for (int i = 0; i < command.size(); i++) {
      if (mainClasses.contains(command.get(i))) {
        return new Launch(pid, command.get(i), command.subList(i + 1, command.size()), System.nanoTime());
      }
    }
    return new Launch(pid, "?", command, System.nanoTime());
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(gateFile);
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      synchronized (this) {
        waiting.forEach(LaunchGate::release);
        waiting.clear();
        notifyAll();
      }
      handlers.shutdownNow();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "grader-launch-gate");
      t.setDaemon(true);
      return t;
    };
  }
}
