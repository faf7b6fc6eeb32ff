package grader.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The static policy on a submission's bytecode: reads the class files of one exercise (never loading
 * them) and refuses every use of JDK API outside the allow-list ({@code grader/policy/allowed-api.txt}).
 *
 * <p>Which classes: every class file in the exercise's package (and its sub-packages), and every
 * other class of the submission that they mention, transitively (helper packages, nested, anonymous
 * and lambda-hosting classes, another exercise's classes). Student code in the harness JVM can only
 * reach a class by mentioning it: every way to load a class by name (reflection, class loaders,
 * service loaders, resource bundles, serialization, logging configuration, system properties) is
 * itself refused. A class no checked class mentions is never loaded in the grader's JVM.
 *
 * <p>It depends only on a classes directory and the sources they came from, not on how or where
 * javac ran. Thread-safe: one instance serves every grading of a batch.
 */
public final class BytecodePolicy {
  /** Findings kept per exercise, like the compiler's. */
  public static final int MAX_FINDINGS = 20;

  private static final Pattern CLASS_NAME = Pattern.compile("[\\w$]+(/[\\w$]+)*");
  private static final String NOT_LISTED = "it is not on the list of Java API these exercises need"
      + " (docs/SANDBOX.md, \"Bytecode policy\")";
  private static final String UNKNOWN_BOOTSTRAP = "javac emits no such invokedynamic bootstrap for ordinary Java";
  private static final String NATIVE = "native code runs outside every rule of the JVM and can rewrite the grader's"
      + " memory; instead: write the method in Java";

  private final ApiRules rules;
  private final JdkTypes jdk = new JdkTypes();

  private BytecodePolicy(ApiRules rules) {
    this.rules = rules;
  }

  /** The grader's policy, from its allow-list resource. */
  public static BytecodePolicy standard() {
    return new BytecodePolicy(ApiRules.standard());
  }

  /** A policy from rules in the allow-list's text form (for tests). */
  static BytecodePolicy of(String rulesText) {
    return new BytecodePolicy(ApiRules.parse(rulesText));
  }

  /**
   * Checks one exercise.
   *
   * @param classesDirectory the compiled classes the exercise runs with
   * @param sourceRoot the sources they were compiled from (a submission's {@code src/main/java}),
   *     to name the file of a finding
   * @param packageName the exercise's package, e.g. {@code exercises.threads}
   */
  public PolicyResult check(Path classesDirectory, Path sourceRoot, String packageName) throws IOException {
    Check check = new Check(classesDirectory, sourceRoot);
    Path folder = classesDirectory.resolve(packageName.replace('.', '/'));
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p)).sorted().toList()) {
          String relative = classesDirectory.relativize(file).toString().replace('\\', '/');
          check.enqueue(relative.substring(0, relative.length() - ".class".length()));
        }
      }
    }
    return check.run();
  }

  /** One check of one exercise: the classes still to read and the findings so far. */
  private final class Check {
    private final Path classes;
    private final Path sourceRoot;
    private final String prefix;
    private final Deque<String> queue = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Optional<ClassScanner.ScannedClass>> student = new HashMap<>();
    private final Set<PolicyFinding> findings = new TreeSet<>(PolicyFinding.ORDER);
    private final Map<String, String> sourceFiles = new HashMap<>();
    private final Map<String, Boolean> studentNames = new HashMap<>();
    private int read;

    Check(Path classes, Path sourceRoot) {
      this.classes = classes;
      this.sourceRoot = sourceRoot;
      this.prefix = sourceRoot.endsWith(Path.of("src", "main", "java")) ? "src/main/java/" : "";
    }

    void enqueue(String internalName) {
      if (seen.add(internalName)) {
        queue.add(internalName);
      }
    }

    PolicyResult run() throws IOException {
      while (!queue.isEmpty()) {
        String name = queue.poll();
        Optional<ClassScanner.ScannedClass> scanned = studentClass(name);
        if (scanned.isEmpty()) {
          continue;
        }
        read++;
        for (ApiUse use : scanned.get().uses()) {
          judge(scanned.get(), use);
        }
        for (String mentioned : scanned.get().mentioned()) {
          if (isStudent(mentioned)) {
            enqueue(mentioned);
          }
        }
      }
      List<PolicyFinding> sorted = new ArrayList<>(findings);
      return new PolicyResult(sorted.subList(0, Math.min(MAX_FINDINGS, sorted.size())), sorted.size(), read);
    }

    private boolean isStudent(String internalName) {
      return studentNames.computeIfAbsent(internalName,
          name -> CLASS_NAME.matcher(name).matches() && Files.isRegularFile(classFile(name)));
    }

    private Path classFile(String internalName) {
      return classes.resolve(internalName + ".class");
    }

    private Optional<ClassScanner.ScannedClass> studentClass(String internalName) throws IOException {
      Optional<ClassScanner.ScannedClass> known = student.get(internalName);
      if (known != null) {
        return known;
      }
      Optional<ClassScanner.ScannedClass> scanned = isStudent(internalName)
          ? Optional.of(ClassScanner.scan(Files.readAllBytes(classFile(internalName)))) : Optional.empty();
      student.put(internalName, scanned);
      return scanned;
    }

    private Optional<ClassShape> shapeOf(String internalName) throws IOException {
      Optional<ClassScanner.ScannedClass> own = studentClass(internalName);
      return own.isPresent() ? Optional.of(own.get().shape()) : jdk.shapeOf(internalName);
    }

    private void judge(ClassScanner.ScannedClass in, ApiUse use) throws IOException {
      switch (use.kind()) {
        case TYPE, SUPERTYPE -> {
          String refusal = typeRefusal(use.owner());
          if (refusal != null) {
            report(in, use.line(), display(use.owner()), refusal);
          }
        }
        case FIELD, METHOD -> judgeMember(in, use);
        case BOOTSTRAP -> {
          if (!rules.isBootstrap(binary(use.owner()), use.member())) {
            report(in, use.line(), display(use.owner()) + "." + use.member(), UNKNOWN_BOOTSTRAP);
          }
        }
        case NATIVE_METHOD -> report(in, use.line(), "native method " + display(use.owner()) + "." + use.member(),
            NATIVE);
        default -> throw new IllegalStateException("unknown use " + use.kind());
      }
    }

    /** Why a type may not be used, or {@code null} if it may (a student class, a primitive, an allowed JDK type). */
    private String typeRefusal(String internalName) throws IOException {
      if (internalName.startsWith("[") || isStudent(internalName)) {
        return null;
      }
      ApiRules.TypeDecision decision = rules.decideType(binary(internalName));
      return decision.allowed() ? null : decision.rule() == null ? NOT_LISTED : decision.rule().explanation();
    }

    private void judgeMember(ClassScanner.ScannedClass in, ApiUse use) throws IOException {
      String owner = use.owner();
      if (owner.startsWith("[")) {
        return; // clone() and the Object methods of an array
      }
      boolean field = use.kind() == ApiUse.Kind.FIELD;
      String shown = use.member().equals("<init>") ? display(owner) : display(owner) + "." + use.member();
      String ownerRefusal = typeRefusal(owner);
      if (ownerRefusal != null) {
        report(in, use.line(), shown, ownerRefusal);
        return;
      }
      // Walk the supertypes as the JVM resolves the member: a student class that declares it ends the
      // walk (its own code runs); every JDK type on the way that declares it is checked.
      Deque<String> todo = new ArrayDeque<>(List.of(owner));
      Set<String> visited = new HashSet<>();
      while (!todo.isEmpty()) {
        String type = todo.poll();
        if (!visited.add(type)) {
          continue;
        }
        boolean own = isStudent(type);
        Optional<ClassShape> shape = shapeOf(type);
        if (own && shape.isPresent() && shape.get().declaresExactly(use.member(), use.descriptor(), field)) {
          continue;
        }
        // A JDK class whose file cannot be read (a JDK newer than ASM) is taken to declare the member:
        // the rules on it still apply (fail closed).
        if (!own && (shape.isEmpty() || shape.get().declaresNamed(use.member(), field))) {
          Optional<ApiRule> refusal = rules.refusalOf(binary(type), use.member());
          if (refusal.isPresent()) {
            String api = isStudent(owner) ? display(type) + "." + use.member() : shown;
            report(in, use.line(), api, refusal.get().explanation());
            return;
          }
        }
        shape.ifPresent(s -> todo.addAll(s.supertypes()));
      }
    }

    private void report(ClassScanner.ScannedClass in, int line, String api, String reason) {
      findings.add(new PolicyFinding(sourceOf(in), Math.max(0, line), api, reason));
    }

    /** The source file of a class, relative to the submission root. */
    private String sourceOf(ClassScanner.ScannedClass in) {
      return sourceFiles.computeIfAbsent(in.shape().name(), name -> {
        int slash = name.lastIndexOf('/');
        String folder = slash < 0 ? "" : name.substring(0, slash + 1);
        String outer = name.substring(slash + 1).split("\\$", 2)[0];
        String file = in.sourceFile() != null && in.sourceFile().matches("[\\w$-]+\\.java") ? in.sourceFile()
            : outer + ".java";
        return prefix + folder + file;
      });
    }
  }

  /** {@code java/lang/Thread$State} as a binary name: {@code java.lang.Thread$State}. */
  static String binary(String internalName) {
    return internalName.replace('/', '.');
  }

  /** How the source names a type: {@code java.lang.Thread.State}; student classes keep their binary name. */
  private static String display(String internalName) {
    String binary = binary(internalName);
    return binary.startsWith("java.") || binary.startsWith("javax.") || binary.startsWith("jdk.")
        || binary.startsWith("sun.") || binary.startsWith("com.sun.") ? binary.replace('$', '.') : binary;
  }
}
