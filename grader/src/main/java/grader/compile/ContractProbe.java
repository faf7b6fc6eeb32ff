package grader.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/**
 * A source that uses every signature of one exercise's contract, compiled against the student's
 * classes (resource {@code grader/contract/<exercise>/Contract.java}). Each checked line ends with
 * {@code // contract(<class>): <signature as the contract writes it>}, so a compile error on that
 * line becomes "expected <signature>".
 */
final class ContractProbe {
  private static final Pattern CLAUSE = Pattern.compile("//\\s*contract\\(([\\w.$]+)\\):\\s*(.+?)\\s*$");

  /** One checked signature: the contract class it belongs to, and how the contract (the skeleton's Javadoc) writes it. */
  record Clause(String className, String signature) {}

  private final String exerciseId;
  private final String text;
  private final Map<Long, Clause> clauses = new HashMap<>();
  private final Map<String, String> declarations = new HashMap<>();

  private ContractProbe(String exerciseId, String text) {
    this.exerciseId = exerciseId;
    this.text = text;
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = CLAUSE.matcher(lines.get(i));
      if (m.find()) {
        Clause clause = new Clause(m.group(1), m.group(2));
        clauses.put((long) i + 1, clause);
        if (lines.get(i).startsWith("import ")) {
          declarations.put(clause.className(), clause.signature());
        }
      }
    }
  }

  /** The probe of {@code exerciseId}, if the grader has one (an exercise without a probe is checked for its classes only). */
  static Optional<ContractProbe> load(String exerciseId) {
    String resource = "/grader/contract/" + exerciseId + "/Contract.java";
    try (InputStream in = ContractProbe.class.getResourceAsStream(resource)) {
      return in == null ? Optional.empty()
          : Optional.of(new ContractProbe(exerciseId, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the grader's resource " + resource, e);
    }
  }

  String exerciseId() {
    return exerciseId;
  }

  JavaFileObject source() {
    URI uri = URI.create("string:///graderprobe/" + exerciseId + "/Contract.java");
    return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }

  /** Whether {@code source} (from a diagnostic) is this probe. */
  boolean isSource(JavaFileObject source) {
    return source != null && source.toUri().getPath().equals("/graderprobe/" + exerciseId + "/Contract.java");
  }

  /** How the contract declares {@code className}, e.g. {@code public final class exercises.threads.SleepyThreads}. */
  String declarationOf(String className) {
    return declarations.getOrDefault(className, "public class " + className);
  }

  /** The checked signature on {@code line}, or the nearest one above it. */
  Optional<Clause> clauseAt(long line) {
    for (long l = line; l >= 1; l--) {
      Clause clause = clauses.get(l);
      if (clause != null) {
        return Optional.of(clause);
      }
    }
    return Optional.empty();
  }
}
