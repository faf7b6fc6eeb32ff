package grader.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import grader.compile.CompileRequest;
import grader.compile.CompilerProcess;
import grader.rubric.ExerciseRubric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A class-data archive of the classes the compiler JVM loads (javac, Jackson and the grader's
 * {@code compile} package), so each compiler JVM maps them instead of loading them one by one
 * (measured: 1.26 to 0.90 CPU-s for the compile of {@code solutions/} on JDK 17, docs/ENGINE.md).
 * Optional: without it, the compiler JVM starts as before.
 *
 * <p>Dumped once per installation and Java ({@code -XX:ArchiveClassesAtExit}, on top of the Java's
 * own archive) by a compiler JVM with exactly the command of every other ({@link
 * CompilerProcess#command}), outside any sandbox, compiling a small sample of the grader's own: an
 * exercise that compiles and one that does not, so javac's parsing, attribution, code generation,
 * its diagnostics and the per-exercise fallback all load. It lives next to grader.jar under {@code
 * cds/}; its name carries a fingerprint of the Java installation, the compiler's JVM options and
 * every jar of its class path, so a rebuilt grader or another JDK never uses a stale archive.
 */
public final class CompilerArchive {
  private static final Duration DUMP_TIMEOUT = Duration.ofSeconds(120);

  /** The sample's exercises: one whose sources compile, one whose do not. */
  private static final List<ExerciseRubric> SAMPLE = List.of(
      new ExerciseRubric("compiles", "Compiles", "sample.compiles", List.of("sample.compiles.Tasks"), List.of()),
      new ExerciseRubric("broken", "Broken", "sample.broken", List.of("sample.broken.Broken"), List.of()));

  private final GraderInstallation installation;
  private final CompilerProcess plain;

  public CompilerArchive(GraderInstallation installation) {
    this.installation = installation;
    this.plain = new CompilerProcess(installation.javaLauncher(), installation.classPath());
  }

  /** The compiler of this installation, started from this archive whenever it exists then. */
  public CompilerProcess compiler() {
    return new CompilerProcess(installation.javaLauncher(), installation.classPath(), this::existing);
  }

  /** Where the archive of this installation and Java lives (whether or not it exists). */
  Path location() {
    return installation.graderJar().resolveSibling("cds").resolve("compiler-" + fingerprint() + ".jsa");
  }

  /** The archive, if it has been dumped. */
  public Optional<Path> existing() {
    Path archive = location();
    return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
  }

  /**
   * Dumps the archive unless it exists, it failed before, or its folder cannot be written. Never
   * throws: the archive only makes the compiler start faster.
   *
   * @return the archive, if there is one now
   */
  public Optional<Path> ensure() {
    return BuildTool.ensure(location(), Files::isRegularFile, "dumping the compiler's class-data archive failed",
        this::dump);
  }

  private boolean dump(Path archive) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory(archive.getParent(), "dump-compiler-");
    try {
      Path sources = work.resolve("src");
      writeSample(sources);
      Path request = work.resolve("request.json");
      Path result = work.resolve("result.json");
      new ObjectMapper().writeValue(request.toFile(), new CompileRequest(sources, SAMPLE, work.resolve("out"), false));
      Path partial = work.resolve("compiler.jsa");
      List<String> command = plain.command(List.of("-XX:ArchiveClassesAtExit=" + partial), request, result);
      if (!BuildTool.run(work, command, DUMP_TIMEOUT, null) || !Files.isRegularFile(result)
          || !Files.isRegularFile(partial)) {
        return false;
      }
      Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } finally {
      WorkDirectory.delete(work);
    }
  }

  /** Sources in the style of the exercises: threads, executors, futures, processes, HTTP, streams, records. */
  private static void writeSample(Path sources) throws IOException {
    Path compiles = Files.createDirectories(sources.resolve("sample/compiles"));
    Files.writeString(compiles.resolve("Tasks.java"), """
        package sample.compiles;

        import java.io.IOException;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import java.nio.file.Files;
        import java.nio.file.Path;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Map;
        import java.util.concurrent.CompletableFuture;
        import java.util.concurrent.ConcurrentHashMap;
        import java.util.concurrent.ExecutorService;
        import java.util.concurrent.Executors;
        import java.util.concurrent.Future;
        import java.util.concurrent.TimeUnit;
        import java.util.concurrent.atomic.AtomicInteger;
        import java.util.stream.Collectors;
        import java.util.stream.IntStream;

        /** Uses what the exercises use, so javac loads what compiling them needs. */
        public final class Tasks {
          public record Range(long from, long to) {
            public Range {
              if (from > to) {
                throw new IllegalArgumentException("from " + from + " > to " + to);
              }
            }
          }

          private final Map<String, Integer> counts = new ConcurrentHashMap<>();
          private final AtomicInteger done = new AtomicInteger();

          public List<String> sleepy(int threads, long millis) throws InterruptedException {
            List<String> lines = new ArrayList<>();
            List<Thread> started = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
              int id = i;
              Thread thread = new Thread(() -> {
                try {
                  Thread.sleep(millis);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                synchronized (lines) {
                  lines.add(String.format("thread %d done in %s", id, Thread.currentThread().getName()));
                }
                done.incrementAndGet();
              }, "worker-" + i);
              thread.start();
              started.add(thread);
            }
            for (Thread thread : started) {
              thread.join();
            }
            return lines;
          }

          public long sum(List<Range> ranges) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, ranges.size()));
            try {
              List<Future<Long>> parts = new ArrayList<>();
              for (Range range : ranges) {
                parts.add(pool.submit(() -> IntStream.rangeClosed((int) range.from(), (int) range.to())
                    .mapToLong(x -> (long) x * x).sum()));
              }
              long total = 0;
              for (Future<Long> part : parts) {
                total += part.get(10, TimeUnit.SECONDS);
              }
              return total;
            } finally {
              pool.shutdownNow();
            }
          }

          public int worker(Path java, long from, long to) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "Worker", Long.toString(from), Long.toString(to)).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).strip();
            return process.waitFor() == 0 ? Integer.parseInt(out) : -1;
          }

          public CompletableFuture<List<Path>> download(HttpClient client, List<URI> urls, Path folder) {
            List<CompletableFuture<Path>> all = urls.stream()
                .map(url -> client.sendAsync(HttpRequest.newBuilder(url).GET().build(),
                        HttpResponse.BodyHandlers.ofFile(folder.resolve(name(url))))
                    .thenApply(response -> {
                      if (response.statusCode() != 200) {
                        throw new IllegalStateException(url + " answered " + response.statusCode());
                      }
                      return response.body();
                    }))
                .collect(Collectors.toList());
            return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
          }

          private static String name(URI url) {
            String path = url.getPath();
            return path.substring(path.lastIndexOf('/') + 1);
          }

          public String table(Map<String, Double> seconds) throws IOException {
            StringBuilder text = new StringBuilder("| model | seconds |\\n|---|---|\\n");
            seconds.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> text.append("| ").append(e.getKey()).append(" | ")
                    .append(String.format("%.2f", e.getValue())).append(" |\\n"));
            counts.merge(text.toString(), 1, Integer::sum);
            Files.writeString(Files.createTempFile("table", ".md"), text);
            return switch (seconds.size()) {
              case 0 -> "";
              default -> text.toString();
            };
          }
        }
        """);
    Path broken = Files.createDirectories(sources.resolve("sample/broken"));
    Files.writeString(broken.resolve("Broken.java"), """
        package sample.broken;

        import java.util.List;

        public class Broken {
          public int size(List<String> names) {
            String count = names.size();
            return count.missing();
          }
        }
        """);
  }

  /** The Java installation, the compiler's JVM options and its class path, hashed (see {@link Fingerprint}). */
  String fingerprint() {
    return Fingerprint.of(installation.javaHome(), plain.jvmOptions(), installation.classPath());
  }
}
