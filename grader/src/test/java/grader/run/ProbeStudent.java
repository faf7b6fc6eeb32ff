package grader.run;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a "student" class {@code exercises.probe.Probe} whose {@code act(test)} method the probe
 * suite calls from each test; each engine test writes the body that misbehaves the way it needs.
 */
final class ProbeStudent {
  private ProbeStudent() {}

  /**
   * Compiles a Probe whose {@code act} runs {@code body} (Java statements; {@code test} is the name
   * of the calling test, and the method must return "ok" to pass) into {@code classes}.
   */
  static Path compile(Path dir, String body, String... extraMembers) throws IOException {
    String source = "package exercises.probe;\n"
        + "import java.io.*; import java.nio.file.*; import java.util.*;\n"
        + "public final class Probe {\n"
        + String.join("\n", extraMembers) + "\n"
        + "  public static String act(String test) throws Exception {\n"
        + "    System.out.println(\"acting \" + test);\n"
        + body + "\n"
        + "    return \"ok\";\n"
        + "  }\n"
        + "}\n";
    Path sources = dir.resolve("src/exercises/probe");
    Files.createDirectories(sources);
    Files.writeString(sources.resolve("Probe.java"), source);
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null);
        Stream<Path> walk = Files.walk(dir.resolve("src"))) {
      List<Path> javaFiles = walk.filter(p -> p.toString().endsWith(".java")).toList();
      boolean ok = javac.getTask(errors, files, null, List.of("-d", classes.toString(), "-nowarn"), null,
          files.getJavaFileObjectsFromPaths(javaFiles)).call();
      if (!ok) {
        throw new IllegalStateException("probe student did not compile:\n" + errors + "\n" + source);
      }
    }
    return classes;
  }
}
