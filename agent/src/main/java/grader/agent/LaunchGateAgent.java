package grader.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLDecoder;
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
 * JVM arrive, with its exact command line, hold it at the start line until its siblings arrive, or
 * make it fail in a way the test chooses.
 *
 * <p>The grader puts {@code -javaagent:<agent.jar>=<gate dir>} in {@code JDK_JAVA_OPTIONS}, which
 * child JVMs inherit. When a test opens a gate it writes {@code launch-gate.properties} into that
 * directory with the port of its server and the main classes it watches. A JVM whose main class is
 * watched reports itself in one line and waits for the server's answer (see {@link #encode}):
 *
 * <ul>
 *   <li>{@code go}: run {@code main} as usual;
 *   <li>{@code exit <status> <stdout> <stderr>} (both texts URL-encoded): print the texts, then halt
 *       with that status before {@code main} runs. Tests use it to inject a failing worker.
 * </ul>
 *
 * <p>Any other JVM, or any JVM when no gate is open or the gate cannot be reached, starts
 * untouched. The agent depends on the JDK only and never fails the JVM it lives in unless the
 * gate asks it to.
 */
public final class LaunchGateAgent {
  /** Name of the file a test writes to open the gate. */
  public static final String GATE_FILE = "launch-gate.properties";

  /** First word of a report line: the protocol version, so a stale gate never misreads one. */
  public static final String PROTOCOL = "launch-gate-2";

  /** A held worker gives up waiting after this long, so a broken test can never hang a student. */
  private static final int MAX_HOLD_MILLIS = 60_000;

  private LaunchGateAgent() {}

  public static void premain(String gateDir, Instrumentation instrumentation) {
    String answer;
    try {
      answer = report(gateDir);
    } catch (IOException | RuntimeException e) {
      // Observation is best effort: a JVM that cannot report simply runs unobserved.
      return;
    }
    obey(answer);
  }

  /** Reports this JVM to the open gate, if it watches this main class, and returns the answer. */
  private static String report(String gateDir) throws IOException {
    if (gateDir == null || gateDir.isBlank()) {
      return null;
    }
    Path file = Path.of(gateDir, GATE_FILE);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Properties gate = new Properties();
    try (var in = Files.newInputStream(file)) {
      gate.load(in);
    }
    // Not trimmed: a trailing space is an empty last argument.
    String launched = System.getProperty("sun.java.command", "");
    String mainClass = launched.strip().split(" ", 2)[0];
    List<String> watched = Arrays.asList(gate.getProperty("mainClasses", "").split(","));
    if (mainClass.isEmpty() || !watched.contains(mainClass)) {
      return null;
    }
    List<String> command = ownCommandLine();
    List<String> arguments = argumentsAfter(mainClass, launched, command);
    int port = Integer.parseInt(gate.getProperty("port").trim());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      socket.setSoTimeout(MAX_HOLD_MILLIS);
      OutputStream out = socket.getOutputStream();
      String line = encode(ProcessHandle.current().pid(), mainClass, arguments, command);
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
    }
  }

  /** Carries out an {@code exit} answer; anything else lets {@code main} run. */
  private static void obey(String answer) {
    if (answer == null || !answer.startsWith("exit ")) {
      return;
    }
    String[] words = answer.split(" ", -1);
    int status;
    try {
      status = Integer.parseInt(words[1]);
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return;
    }
    print(System.out, words.length > 2 ? words[2] : "");
    print(System.err, words.length > 3 ? words[3] : "");
    // halt, not exit: the worker must end exactly as told, without running anything of its own.
    Runtime.getRuntime().halt(status);
  }

  private static void print(PrintStream stream, String encoded) {
    stream.print(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
    stream.flush();
  }

  /**
   * One line: protocol, pid, main class, the number of program arguments, those arguments, then
   * every word of the full command line; each word URL-encoded, all separated by single spaces.
   */
  public static String encode(long pid, String mainClass, List<String> arguments, List<String> command) {
    StringBuilder line = new StringBuilder(PROTOCOL).append(' ').append(pid);
    line.append(' ').append(word(mainClass)).append(' ').append(arguments.size());
    for (String argument : arguments) {
      line.append(' ').append(word(argument));
    }
    for (String word : command) {
      line.append(' ').append(word(word));
    }
    return line.toString();
  }

  private static String word(String text) {
    // An empty word stays countable: the reader splits with a negative limit.
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /**
   * The program arguments exactly as the launcher received them. {@code sun.java.command} joins
   * them with spaces (ambiguous when an argument holds a space), so prefer the words of the real
   * command line that follow the main class; fall back to splitting when the main class is not in
   * them (an {@code @argfile}, for instance).
   */
  public static List<String> argumentsAfter(String mainClass, String launched, List<String> command) {
    String rest = launched.startsWith(mainClass + " ") ? launched.substring(mainClass.length() + 1) : "";
    for (int i = 0; i < command.size(); i++) {
      if (command.get(i).equals(mainClass)) {
        List<String> tail = command.subList(i + 1, command.size());
        if (String.join(" ", tail).equals(rest)) {
          return List.copyOf(tail);
        }
      }
    }
    return rest.isEmpty() ? List.of() : List.of(rest.split(" "));
  }

  /**
   * The exact command line. {@code ProcessHandle.Info.arguments()} reads only 4096 bytes on Linux and
   * comes back empty for a long class path, so read {@code /proc/self/cmdline} directly.
   */
  private static List<String> ownCommandLine() throws IOException {
    Path cmdline = Path.of("/proc/self/cmdline");
    if (Files.isReadable(cmdline)) {
      String raw = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
      // Every word ends with a NUL; keep empty words, drop what follows the last NUL.
      List<String> words = new ArrayList<>(Arrays.asList(raw.split("\0", -1)));
      words.remove(words.size() - 1);
      return words;
    }
    List<String> words = new ArrayList<>();
    words.add("java");
    words.addAll(Arrays.asList(System.getProperty("sun.java.command", "").split(" ")));
    return words;
  }
}
