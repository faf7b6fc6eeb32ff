package grader.compile;

import grader.intake.ReservedPackages;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * Runs javac in this JVM over one file manager, so several compilations of a submission share the
 * platform classes javac has already opened. Output never reaches the console: javac's messages are
 * collected as diagnostics. Not thread-safe: one per {@link SubmissionCompiler#compile} call.
 */
final class Javac implements AutoCloseable {
  /**
   * The contract's language level whatever JDK runs the grader. {@code should-stop.ifError=FLOW}:
   * after the first error javac would otherwise stop attributing the remaining classes, hiding
   * their errors (and the "unreported exception" checks of flow analysis).
   */
  private static final List<String> OPTIONS = List.of(
      "--release", "17", "-encoding", "UTF-8", "-proc:none", "-implicit:class", "-Xlint:none", "-nowarn", "-g",
      "-Xmaxerrs", "100", "-XDshould-stop.ifError=FLOW");

  private final JavaCompiler compiler;
  private final StandardJavaFileManager files;

  Javac(JavaCompiler compiler) {
    this.compiler = compiler;
    this.files = compiler.getStandardFileManager(null, null, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** What one compilation found. {@code reserved} names classes it refused to write (reserved packages). */
  record Outcome(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, List<String> reserved) {
    Outcome {
      diagnostics = List.copyOf(diagnostics);
      reserved = List.copyOf(reserved);
    }
  }

  /**
   * Compiles {@code sources} (files) and {@code generated} (in-memory sources) into {@code output}.
   * Only {@code classPath} and {@code sourcePath} are visible besides the JDK: never the grader's
   * own class path.
   */
  Outcome compile(List<Path> sources, List<JavaFileObject> generated, List<Path> classPath, List<Path> sourcePath,
      Path output) throws IOException {
    Files.createDirectories(output);
    files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
    files.setLocationFromPaths(StandardLocation.SOURCE_PATH, sourcePath);
    files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
    files.setLocationFromPaths(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
    List<JavaFileObject> units = new ArrayList<>(generated);
    files.getJavaFileObjectsFromPaths(sources).forEach(units::add);
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    ReservedGuard guard = new ReservedGuard(files);
    StringWriter console = new StringWriter();
    boolean success;
    try {
      success = compiler.getTask(console, guard, collector, OPTIONS, null, units).call();
    } catch (RuntimeException | StackOverflowError e) {
      // javac wraps its own crashes (pathological sources) in RuntimeException: a compile error, not ours.
      collector.report(new CrashDiagnostic(e));
      success = false;
    }
    return new Outcome(success && guard.refused.isEmpty(), collector.getDiagnostics(), guard.refused);
  }

  /** The path of a diagnostic's source file, if it is a file on disk. */
  Path pathOf(JavaFileObject source) {
    try {
      return files.asPath(source);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    files.close();
  }

  /** Drops the output of classes in reserved packages: the last guard after intake's checks. */
  private static final class ReservedGuard extends ForwardingJavaFileManager<JavaFileManager> {
    final List<String> refused = new ArrayList<>();

    ReservedGuard(JavaFileManager delegate) {
      super(delegate);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
        FileObject sibling) throws IOException {
      int dot = className.lastIndexOf('.');
      if (ReservedPackages.isReserved(dot < 0 ? "" : className.substring(0, dot))) {
        refused.add(className);
        return new SimpleJavaFileObject(URI.create("discarded:///" + className.replace('.', '/') + kind.extension), kind) {
          @Override
          public OutputStream openOutputStream() {
            return OutputStream.nullOutputStream();
          }
        };
      }
      return super.getJavaFileForOutput(location, className, kind, sibling);
    }
  }

  /** javac itself failed on the sources (a stack overflow on absurd nesting, an internal error). */
  private static final class CrashDiagnostic implements Diagnostic<JavaFileObject> {
    private final Throwable crash;

    CrashDiagnostic(Throwable crash) {
      this.crash = crash;
    }

    @Override
    public Kind getKind() {
      return Kind.ERROR;
    }

    @Override
    public JavaFileObject getSource() {
      return null;
    }

    @Override
    public long getPosition() {
      return NOPOS;
    }

    @Override
    public long getStartPosition() {
      return NOPOS;
    }

    @Override
    public long getEndPosition() {
      return NOPOS;
    }

    @Override
    public long getLineNumber() {
      return NOPOS;
    }

    @Override
    public long getColumnNumber() {
      return NOPOS;
    }

    @Override
    public String getCode() {
      return "compiler.crash";
    }

    @Override
    public String getMessage(java.util.Locale locale) {
      return "the compiler failed on these sources (" + crash.getClass().getSimpleName()
          + "): simplify the code it points at";
    }
  }
}
