// The student kit's helper, run by the Makefile as a single-file Java program (java GraderKit.java):
// it fetches the grader bundle named by grader.lock once into a cache folder, verifies its SHA-256
// before anything from it runs, and starts it; it compiles and runs your own main; and it serves
// generated files on the loopback for the REPORT.md benchmark table.
//
// Why Java and not curl/sha256sum/unzip: you need a JDK anyway, and one program behaves the same on
// Linux and macOS (which has shasum, not sha256sum), with paths that contain spaces, without any
// other tool. Nothing here is graded; the grade comes from the bundle.
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

public final class GraderKit {
  /** A refusal or a setup problem the student can fix: the message is all they need. */
  static final class KitException extends Exception {
    KitException(String message) {
      super(message);
    }
  }

  private static final Path LOCK = Path.of("grader.lock");
  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final Path CLASSES = Path.of("target", "classes");

  public static void main(String[] args) {
    int status;
    try {
      status = run(List.of(args));
    } catch (KitException e) {
      System.err.println("kit: " + e.getMessage());
      status = 1;
    } catch (IOException | UncheckedIOException e) {
      System.err.println("kit: " + e.getMessage());
      status = 1;
    } catch (InterruptedException e) {
      System.err.println("kit: interrupted");
      status = 1;
    }
    System.exit(status);
  }

  static int run(List<String> args) throws KitException, IOException, InterruptedException {
    if (args.isEmpty()) {
      throw new KitException("usage: java tools/GraderKit.java check [--exercise ID] | bundle | run CLASS [ARGS...] | table");
    }
    List<String> rest = args.subList(1, args.size());
    switch (args.get(0)) {
      case "check":
        return check(rest);
      case "bundle":
        System.out.println(bundle().resolve("grader.jar"));
        return 0;
      case "run":
        return runMain(rest);
      case "table":
        return table(rest);
      default:
        throw new KitException("unknown command " + args.get(0) + " (check, bundle, run, table)");
    }
  }

  // ---- the bundle -------------------------------------------------------------------------------

  /** What grader.lock names. */
  record Lock(String version, String url, String sha256) {
    static Lock read() throws KitException, IOException {
      if (!Files.isRegularFile(LOCK)) {
        throw new KitException("no grader.lock here: run make in the kit's root folder");
      }
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(LOCK)) {
        p.load(in);
      }
      String sha = p.getProperty("sha256", "").trim().toLowerCase(Locale.ROOT);
      if (!sha.matches("[0-9a-f]{64}")) {
        throw new KitException("grader.lock: sha256 must be 64 hexadecimal digits, was \"" + sha + "\"");
      }
      return new Lock(p.getProperty("version", "").trim(), p.getProperty("url", "").trim(), sha);
    }
  }

  /** The verified, unpacked bundle: from the cache, from GRADER_BUNDLE, or downloaded once. */
  static Path bundle() throws KitException, IOException, InterruptedException {
    Lock lock = Lock.read();
    Path cache = cacheRoot();
    Path unpacked = cache.resolve(lock.sha256());
    if (Files.isRegularFile(unpacked.resolve(".verified")) && Files.isRegularFile(unpacked.resolve("grader.jar"))) {
      return unpacked;
    }
    Files.createDirectories(cache);
    Path zip = Files.createTempFile(cache, "bundle-", ".zip.part");
    try {
      String local = System.getenv("GRADER_BUNDLE");
      String from;
      if (local != null && !local.isBlank()) {
        from = local;
        Path source = Path.of(local);
        if (!Files.isRegularFile(source)) {
          throw new KitException("GRADER_BUNDLE=" + local + ": no such file");
        }
        Files.copy(source, zip, StandardCopyOption.REPLACE_EXISTING);
      } else {
        from = lock.url();
        download(lock.url(), zip);
      }
      String actual = sha256(zip);
      if (!actual.equals(lock.sha256())) {
        throw new KitException("REFUSED: the grader bundle from " + from + " does not match grader.lock\n"
            + "  expected sha256 " + lock.sha256() + "\n"
            + "  got      sha256 " + actual + "\n"
            + "  Nothing was run. Ask your instructor for the right bundle, or restore grader.lock (git checkout grader.lock).");
      }
      unpack(zip, cache, unpacked);
      return unpacked;
    } finally {
      Files.deleteIfExists(zip);
    }
  }

  static Path cacheRoot() {
    String explicit = System.getenv("GRADER_CACHE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit).toAbsolutePath();
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("concurrency-grader").toAbsolutePath();
  }

  static void download(String url, Path to) throws KitException, IOException, InterruptedException {
    if (url.isEmpty()) {
      throw new KitException("grader.lock names no url: set GRADER_BUNDLE=<path to the bundle zip>");
    }
    System.err.println("kit: fetching the grader bundle (once) from " + url);
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(20)).build();
    HttpResponse<Path> response;
    try {
      response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build(),
          HttpResponse.BodyHandlers.ofFile(to, java.nio.file.StandardOpenOption.WRITE,
              java.nio.file.StandardOpenOption.TRUNCATE_EXISTING));
    } catch (IOException | IllegalArgumentException e) {
      throw new KitException("cannot fetch the grader bundle from " + url + ": " + e
          + "\n  Offline? Set GRADER_BUNDLE=<path to the bundle zip>.");
    }
    if (response.statusCode() / 100 != 2) {
      throw new KitException("cannot fetch the grader bundle from " + url + ": HTTP " + response.statusCode());
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Unpacks into a temporary sibling, then renames: a half-unpacked bundle is never used. */
  static void unpack(Path zip, Path cache, Path target) throws KitException, IOException {
    Path tmp = Files.createTempDirectory(cache, "unpack-");
    try {
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
        for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
          Path out = tmp.resolve(e.getName()).normalize();
          if (!out.startsWith(tmp) || e.getName().startsWith("/")) {
            throw new KitException("the bundle holds an entry outside its folder: " + e.getName());
          }
          if (e.isDirectory()) {
            Files.createDirectories(out);
          } else {
            Files.createDirectories(out.getParent());
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      Files.writeString(tmp.resolve(".verified"), "verified against grader.lock\n");
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        if (!Files.isRegularFile(target.resolve(".verified"))) {
          throw raced; // another make check unpacked the same bundle at the same time: keep theirs
        }
      }
    } finally {
      delete(tmp);
    }
  }

  // ---- grading ----------------------------------------------------------------------------------

  static int check(List<String> options) throws KitException, IOException, InterruptedException {
    Path home = bundle();
    List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-jar",
        home.resolve("grader.jar").toString(), "check", "--dir", ".", "--out", "target/scorecard.json",
        "--bundle-sha256", Lock.read().sha256()));
    command.addAll(options);
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  // ---- your own code ----------------------------------------------------------------------------

  static void compile() throws KitException, IOException {
    List<String> sources;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
    }
    delete(CLASSES);
    Files.createDirectories(CLASSES);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new KitException("this Java has no compiler: install a JDK 17 or later, not a JRE");
    }
    List<String> arguments = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-d", CLASSES.toString()));
    arguments.addAll(sources);
    if (javac.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
      throw new KitException("your sources do not compile (the errors are above)");
    }
  }

  static int runMain(List<String> args) throws KitException, IOException, InterruptedException {
    if (args.isEmpty() || args.get(0).isBlank()) {
      throw new KitException("usage: make run CLASS=exercises.threads.SleepyThreads [ARGS=\"...\"]");
    }
    compile();
    List<String> command = new ArrayList<>(List.of(java(), "-cp", CLASSES.toString()));
    command.addAll(args);
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  /**
   * Serves generated binary files on 127.0.0.1 and runs your DownloadBenchmark against them; its
   * table is what REPORT.md wants.
   */
  static int table(List<String> options) throws KitException, IOException, InterruptedException {
    int files = 8;
    int kib = 512;
    for (int i = 0; i < options.size(); i++) {
      String value = i + 1 < options.size() ? options.get(i + 1) : "";
      switch (options.get(i)) {
        case "--files" -> files = positive("--files", value);
        case "--kib" -> kib = positive("--kib", value);
        default -> throw new KitException("unknown option " + options.get(i) + " (--files N, --kib N)");
      }
      i++;
    }
    compile();
    Map<String, byte[]> bodies = new java.util.TreeMap<>();
    Random random = new Random(42);
    for (int i = 1; i <= files; i++) {
      byte[] body = new byte[kib * 1024];
      random.nextBytes(body);
      bodies.put("/files/file-" + i + ".bin", body);
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/files/", exchange -> {
      byte[] body = bodies.get(exchange.getRequestURI().getPath());
      try (exchange) {
        if (body == null) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      List<String> command = new ArrayList<>(List.of(java(), "-cp", CLASSES.toString(), "exercises.compare.DownloadBenchmark"));
      bodies.keySet().forEach(path -> command.add(base + path));
      System.err.println("kit: " + files + " files of " + kib + " KiB on " + base + "/files/; running DownloadBenchmark");
      Process benchmark = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String output = new String(benchmark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = benchmark.waitFor();
      System.out.print(output);
      if (status == 0) {
        System.err.println("kit: paste the table above into REPORT.md (" + files + " files of " + kib + " KiB, loopback)");
      }
      return status;
    } finally {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  private static int positive(String option, String value) throws KitException {
    try {
      int n = Integer.parseInt(value);
      if (n > 0 && n <= 4096) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new KitException(option + " must be a whole number from 1 to 4096, was \"" + value + "\"");
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
