package grader.policy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The shapes of JDK classes, read as class files from the running JDK's modules (through the
 * platform class loader, which sees no class of the grader or its libraries) and never loaded.
 * Cached for the life of the grader; thread-safe.
 */
final class JdkTypes {
  private final ConcurrentMap<String, Optional<ClassShape>> shapes = new ConcurrentHashMap<>();

  /** The shape of a JDK class by internal name, or empty if the running JDK has no such class. */
  Optional<ClassShape> shapeOf(String internalName) {
    return shapes.computeIfAbsent(internalName, JdkTypes::read);
  }

  private static Optional<ClassShape> read(String internalName) {
    if (!internalName.matches("[\\w$/]+")) {
      return Optional.empty();
    }
    try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(internalName + ".class")) {
      return in == null ? Optional.empty() : Optional.of(ClassScanner.shapeOf(in.readAllBytes()));
    } catch (IOException | RuntimeException e) {
      // An unreadable JDK class file has no known supertypes: the rules on the type itself still apply.
      return Optional.empty();
    }
  }
}
