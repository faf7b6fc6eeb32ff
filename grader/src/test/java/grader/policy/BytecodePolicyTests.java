package grader.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy on small sources compiled in memory with javac {@code --release 17}, as the grader
 * compiles a submission: ordinary Java of every kind passes; each refused category is reported
 * with its file, line and API.
 */
class BytecodePolicyTests {
  private static final BytecodePolicy POLICY = BytecodePolicy.standard();

  @TempDir
  Path temp;

  @Test
  void ordinaryJavaOfEveryKindPasses() throws IOException {
    PolicyResult result = check(Map.of("p/Honest.java", """
        package p;

        import java.io.*;
        import java.math.BigInteger;
        import java.net.URI;
        import java.net.http.*;
        import java.nio.charset.StandardCharsets;
        import java.nio.file.*;
        import java.time.*;
        import java.util.*;
        import java.util.concurrent.*;
        import java.util.concurrent.atomic.*;
        import java.util.concurrent.locks.*;
        import java.util.function.*;
        import java.util.stream.*;

        public final class Honest {
          enum Colour { RED, GREEN }
          record Range(int first, int last) implements Serializable {
            Range {
              if (last < first) throw new IllegalArgumentException("last " + last + " < first " + first);
            }
          }
          sealed interface Shape permits Square {}
          static final class Square implements Shape {}
          static class Worker extends Thread {
            @Override public void run() { System.out.println(getName() + " " + isInterrupted()); }
          }
          class Inner { int value() { return counter.get(); } }
          private final AtomicInteger counter = new AtomicInteger();

          static <T extends Comparable<T>> T max(List<T> items) {
            return items.stream().max(Comparator.naturalOrder()).orElseThrow();
          }

          public static void main(String[] args) throws Exception {
            var names = new ArrayList<String>(List.of("b", "a"));
            Collections.sort(names);
            String text = \"""
                a text block
                \""";
            Runnable lambda = () -> System.out.println(text.strip() + names);
            Function<String, Integer> length = String::length;
            Supplier<List<String>> fresh = ArrayList::new;
            Callable<Integer> anonymous = new Callable<>() {
              @Override public Integer call() { return 42; }
            };
            Runnable serializable = (Runnable & Serializable) () -> { };
            switch (Colour.valueOf("RED")) {
              case RED -> System.out.println("red");
              case GREEN -> System.out.println("green");
            }
            switch (args.length > 0 ? args[0] : "x") {
              case "a": System.out.println("a"); break;
              default: System.out.println("other");
            }
            Object o = new Range(1, 2);
            if (o instanceof Range r && r.first() == 1) {
              System.out.println(r + " " + r.hashCode() + " " + r.equals(o));
            }
            assert names.size() == 2 : "two names";
            try (BufferedReader reader = new BufferedReader(new StringReader("line"))) {
              System.out.println(reader.readLine());
            }
            Path dir = Files.createTempDirectory("honest");
            Files.writeString(dir.resolve("f.txt"), "x", StandardCharsets.UTF_8);
            try (Stream<Path> files = Files.walk(dir)) {
              System.out.println(files.map(Path::getFileName).map(String::valueOf).collect(Collectors.joining(",")));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<Integer> answer = pool.submit(anonymous);
            CompletableFuture<Integer> async = CompletableFuture.supplyAsync(() -> 1, pool).thenApply(x -> x + 1);
            System.out.println(answer.get() + async.join());
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.SECONDS);
            CountDownLatch latch = new CountDownLatch(1);
            ReentrantLock lock = new ReentrantLock();
            lock.lock();
            try { latch.countDown(); } finally { lock.unlock(); }
            Worker worker = new Worker();
            worker.start();
            worker.join();
            Thread thread = new Thread(lambda, "t-1");
            thread.setDaemon(true);
            thread.start();
            thread.join();
            Thread.currentThread().interrupt();
            Thread.interrupted();
            Thread.sleep(1);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Honest.class.getName())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            System.out.println(process.pid() + " " + ProcessHandle.current().pid() + process.waitFor());
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:1/x")).GET().build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofFile(dir.resolve("body"))).exceptionally(e -> null);
            System.out.println(new BigInteger("12").pow(3) + " " + Math.max(1, 2) + " " + Instant.now()
                + String.format("%d ms", System.nanoTime() / 1_000_000) + new Random(1).nextInt(5)
                + Runtime.getRuntime().availableProcessors() + fresh.get() + length.apply("abc")
                + max(List.of(3, 1)) + new Honest().new Inner().value() + Colour.values().length
                + Arrays.toString(new int[] {1}.clone()) + Honest.class.getSimpleName()
                + Optional.ofNullable(System.getenv("HOME")).orElse("-") + serializable);
            System.err.println(String.join(",", names));
            if (args.length > 5) {
              System.exit(2);
            }
          }
        }
        """));
    assertEquals(List.of(), result.findings());
    assertTrue(result.classesChecked() >= 8, "nested, anonymous and record classes were read: " + result.classesChecked());
  }

  /** A use the policy refuses: the statement, and the API its finding must name. */
  static Stream<Arguments> refusedUses() {
    return Stream.of(
        Arguments.of("reflection: setAccessible", "java.lang.reflect.Field f = String.class.getDeclaredFields()[0];"
            + " f.setAccessible(true);", "java.lang.reflect.Field.setAccessible"),
        Arguments.of("reflection: getDeclaredField", "String.class.getDeclaredField(\"value\");",
            "java.lang.Class.getDeclaredField"),
        Arguments.of("Class.forName", "Class.forName(\"grader.protocol.EventCodec\");", "java.lang.Class.forName"),
        Arguments.of("Class.forName behind a method reference",
            "java.util.function.Function<String, Object> f = Snippet::load; f.apply(\"x\"); "
                + "Thrower t = Class::forName;", "java.lang.Class.forName"),
        Arguments.of("getClassLoader", "Snippet.class.getClassLoader();", "java.lang.Class.getClassLoader"),
        Arguments.of("a class's module", "Snippet.class.getModule();", "java.lang.Class.getModule"),
        Arguments.of("Thread.getContextClassLoader", "Thread.currentThread().getContextClassLoader();",
            "java.lang.Thread.getContextClassLoader"),
        Arguments.of("method handle lookup", "java.lang.invoke.MethodHandles.lookup();",
            "java.lang.invoke.MethodHandles.lookup"),
        Arguments.of("sun.misc.Unsafe", "Object u = sun.misc.Unsafe.class;", "sun.misc.Unsafe"),
        Arguments.of("System.load", "System.load(\"/dev/shm/x.so\");", "java.lang.System.load"),
        Arguments.of("System.loadLibrary", "System.loadLibrary(\"x\");", "java.lang.System.loadLibrary"),
        Arguments.of("Runtime.load", "Runtime.getRuntime().load(\"/dev/shm/x.so\");", "java.lang.Runtime.load"),
        Arguments.of("a proxy", "java.lang.reflect.Proxy.newProxyInstance(null, new Class<?>[0], null);",
            "java.lang.reflect.Proxy.newProxyInstance"),
        Arguments.of("Thread.stop", "Thread.currentThread().stop();", "java.lang.Thread.stop"),
        Arguments.of("Thread.stop on the student's own subclass", "new MyThread().stop();", "java.lang.Thread.stop"),
        Arguments.of("Thread.getAllStackTraces", "Thread.getAllStackTraces();", "java.lang.Thread.getAllStackTraces"),
        Arguments.of("thread groups", "Thread.currentThread().getThreadGroup();", "java.lang.Thread.getThreadGroup"),
        Arguments.of("the default uncaught handler", "Thread.setDefaultUncaughtExceptionHandler(null);",
            "java.lang.Thread.setDefaultUncaughtExceptionHandler"),
        Arguments.of("management beans", "java.lang.management.ManagementFactory.getRuntimeMXBean();",
            "java.lang.management.ManagementFactory.getRuntimeMXBean"),
        Arguments.of("HotSpot diagnostics", "Object bean = com.sun.management.HotSpotDiagnosticMXBean.class;",
            "com.sun.management.HotSpotDiagnosticMXBean"),
        Arguments.of("java.beans", "java.beans.Beans.isDesignTime();", "java.beans.Beans.isDesignTime"),
        Arguments.of("scripting", "new javax.script.ScriptEngineManager();", "javax.script.ScriptEngineManager"),
        Arguments.of("serialization", "new java.io.ObjectInputStream(java.io.InputStream.nullInputStream());",
            "java.io.ObjectInputStream"),
        Arguments.of("StackWalker", "StackWalker.getInstance();", "java.lang.StackWalker.getInstance"),
        Arguments.of("ServiceLoader", "java.util.ServiceLoader.load(Runnable.class);", "java.util.ServiceLoader.load"),
        Arguments.of("System.setOut", "System.setOut(System.err);", "java.lang.System.setOut"),
        Arguments.of("System.setProperty", "System.setProperty(\"a\", \"b\");", "java.lang.System.setProperty"),
        Arguments.of("raw sockets", "new java.net.Socket();", "java.net.Socket"),
        Arguments.of("the grader's process", "ProcessHandle.current().parent();", "java.lang.ProcessHandle.parent"),
        Arguments.of("JVM-wide locale", "java.util.Locale.setDefault(java.util.Locale.ROOT);",
            "java.util.Locale.setDefault"),
        Arguments.of("field updaters", "java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(Snippet.class,"
            + " \"x\");", "java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater"),
        Arguments.of("reflection inside a lambda", "Runnable r = () -> { try { Class.forName(\"x\"); }"
            + " catch (Exception e) { } };", "java.lang.Class.forName"),
        Arguments.of("logging configuration", "java.util.logging.LogManager.getLogManager();",
            "java.util.logging.LogManager.getLogManager"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedUses")
  void refusesEachCategoryWithTheFileTheLineAndTheApi(String category, String statement, String api)
      throws IOException {
    PolicyResult result = check(Map.of("p/Snippet.java", snippet(statement)));
    List<PolicyFinding> found = result.findings();
    assertTrue(found.stream().anyMatch(f -> f.api().equals(api) && f.line() == 7
        && f.file().equals("src/main/java/p/Snippet.java")), category + ": expected " + api + " at line 7, found "
        + found);
    PolicyFinding named = found.stream().filter(f -> f.api().equals(api)).findFirst().orElseThrow();
    assertTrue(named.reason().length() > 20, "a sentence on why: " + named.reason());
    assertTrue(result.message().startsWith("uses Java API the grader does not allow (see below): "), result.message());
    assertTrue(result.message().endsWith("; the exercise was not run"), result.message());
    assertEquals("policy", named.toDiagnostic().kind());
  }

  @Test
  void refusesSupertypesAndNativeMethods() throws IOException {
    PolicyResult result = check(Map.of("p/Loader.java", """
        package p;
        public final class Loader extends ClassLoader {
          Loader() {
            super(null);
          }
          native void poke();
        }
        """));
    List<String> apis = result.findings().stream().map(PolicyFinding::api).toList();
    assertTrue(apis.contains("java.lang.ClassLoader"), apis.toString());
    assertTrue(apis.contains("native method p.Loader.poke"), apis.toString());
    assertTrue(result.findings().stream().anyMatch(f -> f.api().equals("java.lang.ClassLoader") && f.line() == 4),
        "the superclass is reported at the constructor's super call: " + result.findings());
  }

  @Test
  void readsTheHelperClassesAnExerciseMentionsInAnyPackageAndOnlyThose() throws IOException {
    PolicyResult result = check(Map.of(
        "p/Contract.java", "package p;\npublic final class Contract {\n  static {\n    q.Helper.help();\n  }\n}\n",
        "q/Helper.java", "package q;\npublic final class Helper {\n  public static void help() {\n"
            + "    System.setIn(null);\n  }\n}\n",
        "other/Unused.java", "package other;\npublic final class Unused {\n  static { System.setErr(null); }\n}\n"));
    assertEquals(List.of(new PolicyFinding("src/main/java/q/Helper.java", 4, "java.lang.System.setIn",
        result.findings().get(0).reason())), result.findings());
    assertEquals(2, result.classesChecked(), "a class no checked class mentions is never loaded, so not read");
  }

  @Test
  void keepsTheFirstFindingsInOrderAndCountsTheRest() throws IOException {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      body.append("    System.setOut(null);\n");
    }
    PolicyResult result = check(Map.of("p/Many.java", "package p;\npublic final class Many {\n  static void m() {\n"
        + body + "  }\n}\n"));
    assertEquals(30, result.total());
    assertEquals(BytecodePolicy.MAX_FINDINGS, result.findings().size());
    List<Integer> lines = result.findings().stream().map(PolicyFinding::line).toList();
    assertEquals(lines.stream().sorted().toList(), lines, "sorted by line");
    assertEquals(4, lines.get(0));
    assertTrue(result.message().contains("java.lang.System.setOut in src/main/java/p/Many.java line 4 and 29 more"),
        result.message());
  }

  @Test
  void rulesNeedAReasonAndKnownKeywords() {
    IllegalArgumentException noWhy = assertThrows(IllegalArgumentException.class,
        () -> ApiRules.parse("allow java.util.**\ndeny java.lang.Thread#stop\n"));
    assertTrue(noWhy.getMessage().contains("line 2"), noWhy.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> ApiRules.parse("permit java.util.**\n"));
    assertTrue(unknown.getMessage().contains("unknown rule 'permit'"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ApiRules.parse("allow java.util.\n"));
  }

  @Test
  void theMostSpecificRuleDecides() {
    ApiRules rules = ApiRules.parse("""
        allow java.util.**
        deny java.util.logging.**
          why: no logging
        allow java.util.logging.Level
        deny java.lang.*Loader
          why: loaders
        allow java.lang.*
        """);
    assertTrue(rules.decideType("java.util.concurrent.atomic.AtomicInteger").allowed());
    assertTrue(!rules.decideType("java.util.logging.Logger").allowed());
    assertTrue(rules.decideType("java.util.logging.Level").allowed());
    assertTrue(!rules.decideType("java.lang.ClassLoader").allowed());
    assertTrue(rules.decideType("java.lang.String").allowed());
    assertTrue(!rules.decideType("java.lang.reflect.Field").allowed(), "java.lang.* is not its sub-packages");
    assertTrue(!rules.decideType("javax.script.ScriptEngine").allowed(), "no rule: refused");
  }

  @Test
  void readsTheShapesOfTheRunningJdksClasses() {
    // Fails on a JDK newer than the pinned ASM can read: the policy would then judge member rules
    // without the JDK's hierarchy (it fails closed, but the pin should be raised).
    ClassShape thread = new JdkTypes().shapeOf("java/lang/Thread").orElseThrow(() -> new AssertionError(
        "ASM cannot read java/lang/Thread of Java " + Runtime.version()));
    assertEquals("java/lang/Object", thread.superName());
    assertTrue(thread.declaresNamed("stop", false) && thread.interfaces().contains("java/lang/Runnable"));
    assertTrue(new JdkTypes().shapeOf("grader/policy/BytecodePolicy").isEmpty(), "only the JDK's classes are seen");
  }

  @Test
  void theGradersRulesParse() {
    ApiRules rules = ApiRules.standard();
    assertTrue(rules.rules().size() > 20);
    assertTrue(rules.isBootstrap("java.lang.invoke.LambdaMetafactory", "metafactory"));
    assertTrue(!rules.decideType("java.lang.invoke.MethodHandles").allowed());
  }

  /** Compiles the sources and checks the exercise in package {@code p}. */
  private PolicyResult check(Map<String, String> sources) throws IOException {
    Path root = temp.resolve("src/main/java");
    Path classes = temp.resolve("classes");
    Files.createDirectories(root);
    List<JavaFileObject> units = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = root.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      units.add(new SimpleJavaFileObject(URI.create("string:///" + source.getKey()), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source.getValue();
        }
      });
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> errors = new DiagnosticCollector<>();
    Files.createDirectories(classes);
    boolean compiled = javac.getTask(null, null, errors, List.of("--release", "17", "-g", "-nowarn", "-Xlint:none",
        "-d", classes.toString()), null, units).call();
    assertTrue(compiled, () -> "the snippet compiles: " + errors.getDiagnostics().stream()
        .map(d -> d.getLineNumber() + ": " + d.getMessage(null)).collect(Collectors.joining("\n")));
    return POLICY.check(classes, root, "p");
  }

  /** A class whose line 7 is {@code statement}. */
  private static String snippet(String statement) {
    return """
        package p;
        public final class Snippet {
          static class MyThread extends Thread {}
          interface Thrower { Class<?> load(String name) throws ClassNotFoundException; }
          int x;
          static void use() throws Exception {
            %s
          }
          static Object load(String name) { return name; }
        }
        """.formatted(statement);
  }
}
