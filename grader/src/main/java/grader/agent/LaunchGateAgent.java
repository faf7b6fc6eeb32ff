package grader.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Java agent loaded into every JVM that student code starts, so a graded test can see each worker
 * JVM arrive, with its exact command line, and hold it at the start line until its siblings arrive.
 *
 * <p>The grader puts {@code -javaagent:<agent.jar>=<gate dir>} in {@code JDK_JAVA_OPTIONS}, which
 * child JVMs inherit. When a test opens a gate it writes {@code launch-gate.properties} into that
 * directory with the port of its server and the main classes it watches. A JVM whose main class is
 * watched reports {@code pid}, main class and arguments, then waits for the server's answer. Any
 * other JVM, or any JVM when no gate is open, starts untouched. The agent depends on the JDK only
 * and never fails the JVM it lives in.
 */
public final class LaunchGateAgent {
  /** Name of the file a test writes to open the gate. */
  public static final String GATE_FILE = "launch-gate.properties";

  /** A held worker gives up waiting after this long, so a broken test can never hang a student. */
  private static final int MAX_HOLD_MILLIS = 60_000;

  private LaunchGateAgent() {}

  public static void premain(String gateDir, Instrumentation instrumentation) {
    try {
      report(gateDir);
    } catch (IOException | RuntimeException e) {
      // Observation is best effort: a JVM that cannot report simply runs unobserved.
    }
  }

  private static void report(String gateDir) throws IOException {
    if (gateDir == null || gateDir.isBlank()) {
      return;
    }
    Path file = Path.of(gateDir, GATE_FILE);
    if (!Files.isRegularFile(file)) {
      return;
    }
    Properties gate = new Properties();
    try (var in = Files.newInputStream(file)) {
      gate.load(in);
    }
    List<String> command = ownCommandLine();
    String mainClass = ownMainClass();
    List<String> watched = Arrays.asList(gate.getProperty("mainClasses", "").split(","));
    if (mainClass == null || !watched.contains(mainClass)) {
      return;
    }
    int port = Integer.parseInt(gate.getProperty("port").trim());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      socket.setSoTimeout(MAX_HOLD_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write((encode(ProcessHandle.current().pid(), command) + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      // The answer is the release; its content does not matter.
      new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
  }

  /** One line: the pid, then every command-line word, URL-encoded and separated by spaces. */
  static String encode(long pid, List<String> command) {
    StringBuilder line = new StringBuilder(Long.toString(pid));
    for (String word : command) {
      line.append(' ').append(URLEncoder.encode(word, StandardCharsets.UTF_8));
    }
    return line.toString();
  }

  /**
   * The exact command line. {@code ProcessHandle.Info.arguments()} reads only 4096 bytes on Linux and
   * comes back empty for a long class path, so read {@code /proc/self/cmdline} directly.
   */
  private static List<String> ownCommandLine() throws IOException {
    Path cmdline = Path.of("/proc/self/cmdline");
    if (Files.isReadable(cmdline)) {
      String raw = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
      return new ArrayList<>(Arrays.asList(raw.split("\0")));
    }
    String command = System.getProperty("sun.java.command", "");
    List<String> words = new ArrayList<>();
    words.add("java");
    words.addAll(Arrays.asList(command.split(" ")));
    return words;
  }

  /** The main class named by {@code sun.java.command}, which the launcher sets for every JVM. */
  private static String ownMainClass() {
    String launched = System.getProperty("sun.java.command", "").trim();
    if (launched.isEmpty()) {
      return null;
    }
    return launched.split(" ", 2)[0];
  }
}
