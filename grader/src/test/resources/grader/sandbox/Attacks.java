import com.sun.net.httpserver.HttpServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Hostile programs for SandboxIT, one per first argument. Each prints what it achieved, so the
 * test can assert on the output (and on what must never appear in it).
 */
public class Attacks {
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "scenario": scenario(); break;
      case "connect": connect(Integer.parseInt(args[1])); break;
      case "read": read(List.of(args).subList(1, args.length)); break;
      case "threads": threads(); break;
      case "spray": spray(Integer.parseInt(args[1])); break;
      case "native": nativeMemory(); break;
      case "flood": flood(); break;
      case "fill": fill(Path.of(args[1])); break;
      case "many-files": manyFiles(Path.of(args[1])); break;
      case "hook": hook(); break;
      case "orphan": orphan(); break;
      case "sleep": Thread.sleep(Long.parseLong(args[1])); break;
      case "escape": escape(); break;
      case "lock-out": lockOut(); break;
      case "written-code": writtenCode(Path.of(args[1]), Path.of(args[2])); break;
      default: throw new IllegalArgumentException(args[0]);
    }
  }

  /** What graded code legitimately does: loopback HTTP inside, a child JVM, temp files. */
  static void scenario() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = "pong".getBytes();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    HttpClient client = HttpClient.newHttpClient();
    int ok = 0;
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + server.getAddress().getPort() + "/")).build(),
          HttpResponse.BodyHandlers.ofString());
      ok += response.body().equals("pong") ? 1 : 0;
    }
    server.stop(0);
    System.out.println("http ok=" + ok);
    Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-version")
        .redirectErrorStream(true).start();
    String version = new String(child.getInputStream().readAllBytes());
    System.out.println("child rc=" + child.waitFor() + " " + (version.contains("version") ? "version-ok" : version));
    Path temp = Files.createTempFile("scenario", ".txt");
    Files.writeString(temp, "x");
    Files.writeString(Path.of("written-by-sandbox.txt"), "hello");
    System.out.println("tmp=" + temp + " user=" + System.getProperty("user.name"));
    try {
      System.out.println("local host=" + java.net.InetAddress.getLocalHost());
    } catch (IOException e) {
      System.out.println("local host unknown: " + e);
    }
  }

  static void connect(int port) {
    for (String host : new String[] {"127.0.0.1", "localhost"}) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), 2000);
        System.out.println("CONNECTED to " + host + ":" + port);
      } catch (IOException e) {
        System.out.println("refused " + host + ":" + port + " " + e);
      }
    }
  }

  /** Tries each path, then looks around the usual places for anything called *secret*. */
  static void read(List<String> paths) throws IOException {
    for (String path : paths) {
      try {
        System.out.println("READ " + path + ": " + Files.readString(Path.of(path)));
      } catch (IOException e) {
        System.out.println("cannot read " + path + ": " + e);
      }
    }
    for (String dir : new String[] {"/", "/root", "/home", "/tmp", System.getProperty("user.home"), "/work", "/etc"}) {
      try (Stream<Path> files = Files.walk(Path.of(dir), 3)) {
        files.filter(p -> p.getFileName() != null && p.getFileName().toString().contains("secret")).forEach(p -> {
          try {
            System.out.println("FOUND " + p + ": " + Files.readString(p));
          } catch (IOException e) {
            System.out.println("found but unreadable " + p);
          }
        });
      } catch (IOException | RuntimeException e) {
        System.out.println("cannot walk " + dir + ": " + e);
      }
    }
    for (String file : new String[] {"/proc/self/mem", "/proc/1/environ", "/etc/shadow"}) {
      try (var in = Files.newInputStream(Path.of(file))) {
        System.out.println("OPENED " + file + " " + in.read());
      } catch (IOException e) {
        System.out.println("cannot open " + file + ": " + e);
      }
    }
  }

  static void threads() {
    int started = 0;
    try {
      while (started < 100_000) {
        Thread thread = new Thread(() -> {
          try {
            Thread.sleep(Long.MAX_VALUE);
          } catch (InterruptedException e) {
            // parked forever
          }
        });
        thread.setDaemon(true);
        thread.start();
        started++;
      }
    } catch (Throwable e) {
      System.out.println("threads stopped at " + started + ": " + e);
    }
    System.out.println("threads started=" + started);
  }

  /** Starts {@code count} child JVMs that sleep, never waiting for them. */
  static void spray(int count) throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    String cp = System.getProperty("java.class.path");
    int started = 0;
    List<Process> children = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        children.add(new ProcessBuilder(java, "-Xmx16m", "-Xss256k", "-XX:TieredStopAtLevel=1", "-cp", cp, "Attacks",
            "sleep", "600000").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        started++;
      }
    } catch (Throwable e) {
      System.out.println("spray stopped at " + started + ": " + e);
    }
    System.out.println("spray started=" + started);
    Thread.sleep(600_000);
  }

  static void nativeMemory() throws Exception {
    Field field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
    field.setAccessible(true);
    Object unsafe = field.get(null);
    var allocate = unsafe.getClass().getMethod("allocateMemory", long.class);
    var set = unsafe.getClass().getMethod("setMemory", long.class, long.class, byte.class);
    long chunk = 32L << 20;
    for (long total = chunk; ; total += chunk) {
      long address = (long) allocate.invoke(unsafe, chunk);
      set.invoke(unsafe, address, chunk, (byte) 1);
      System.out.println("native MB=" + (total >> 20));
    }
  }

  /** Floods standard output through System.out and the raw file descriptor. */
  static void flood() {
    byte[] line = ("flood ".repeat(20) + "\n").getBytes();
    PrintStream raw = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
    long written = 0;
    try {
      for (long i = 0; i < 5_000_000; i++) {
        if (i % 2 == 0) {
          System.out.write(line, 0, line.length);
        } else {
          raw.write(line, 0, line.length);
        }
        written += line.length;
        if (System.out.checkError() || raw.checkError()) {
          break;
        }
      }
    } finally {
      System.err.println("flood wrote " + (written >> 20) + " MB");
    }
  }

  static void fill(Path dir) {
    byte[] block = new byte[1 << 20];
    long megabytes = 0;
    for (int file = 0; file < 100_000; file++) {
      try (OutputStream out = Files.newOutputStream(dir.resolve("fill-" + file))) {
        for (int i = 0; i < 16; i++) {
          out.write(block);
          megabytes++;
        }
      } catch (IOException e) {
        System.out.println("fill stopped at " + megabytes + " MB: " + e);
        return;
      }
    }
  }

  static void manyFiles(Path dir) throws IOException {
    for (int i = 0; i < 1_000_000; i++) {
      Files.createFile(dir.resolve("f" + i));
    }
  }

  /** A shutdown hook that never ends, a non-daemon thread that never ends, then exit. */
  static void hook() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("FAKE: all tests passed");
      System.out.flush();
      while (true) {
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          // ignore: never end
        }
      }
    }));
    new Thread(() -> {
      while (true) {
        Thread.onSpinWait();
      }
    }).start();
    System.out.println("exiting");
    System.exit(0);
  }

  /** Leaves a grandchild JVM behind and halts: it must not outlive the sandbox. */
  static void orphan() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process child = new ProcessBuilder(java, "-Xmx16m", "-cp", System.getProperty("java.class.path"), "Attacks",
        "sleep", "600000").redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
    System.out.println("orphan pid=" + child.pid());
    Runtime.getRuntime().halt(0);
  }

  /** Tries to write where it must not. */
  static void escape() {
    String javaHome = System.getProperty("java.home");
    for (String target : new String[] {javaHome + "/release", "/etc/passwd", "/evil", "/usr/evil", "../escaped.txt",
        "/proc/sys/kernel/hostname"}) {
      try {
        Files.writeString(Path.of(target), "evil");
        System.out.println("WROTE " + target);
      } catch (IOException | RuntimeException e) {
        System.out.println("cannot write " + target + ": " + e.getClass().getSimpleName());
      }
    }
  }

  /**
   * Writes a native library and a program, given as bytes, into every writable place and tries to
   * load the one and run the other: what a student would do to run native code of their own.
   */
  static void writtenCode(Path library, Path program) throws IOException {
    byte[] libraryBytes = Files.readAllBytes(library);
    byte[] programBytes = Files.readAllBytes(program);
    for (String dir : new String[] {"/tmp", "/dev/shm", System.getProperty("user.dir"), System.getProperty("user.home")}) {
      Path so = Path.of(dir, "probe-" + System.nanoTime() + ".so");
      try {
        Files.write(so, libraryBytes);
        System.load(so.toString());
        System.out.println("LOADED " + so);
      } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
        System.out.println("cannot load " + so + ": " + e);
      }
      Path exe = Path.of(dir, "probe-" + System.nanoTime());
      try {
        Files.write(exe, programBytes);
        exe.toFile().setExecutable(true);
        Process process = new ProcessBuilder(exe.toString()).start();
        System.out.println("EXECUTED " + exe + " rc=" + process.waitFor());
      } catch (IOException | RuntimeException | InterruptedException e) {
        System.out.println("cannot run " + exe + ": " + e);
      }
    }
  }

  /** Makes its files hard to clean up: a directory without permissions, a link out of the work dir. */
  static void lockOut() throws Exception {
    Path locked = Files.createDirectories(Path.of("locked/inner"));
    Files.writeString(locked.resolve("file.txt"), "x");
    Files.createSymbolicLink(Path.of("link-to-etc"), Path.of("/etc"));
    Files.createSymbolicLink(Path.of("link-to-passwd"), Path.of("/etc/passwd"));
    Files.setPosixFilePermissions(locked, java.util.Set.of());
    Files.setPosixFilePermissions(Path.of("locked"), java.util.Set.of());
    System.out.println("locked");
  }
}
