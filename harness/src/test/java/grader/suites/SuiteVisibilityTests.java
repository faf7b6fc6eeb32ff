package grader.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The module layout's contract with the suites: module {@code grader.harness} opens nothing and
 * exports each suite package only to JUnit, so JUnit reaches suites without deep reflection only if
 * every suite class, test and lifecycle method and {@code @TempDir} field is public. A suite added
 * or edited without that would fail at run time; this says which member to make public, and why.
 */
class SuiteVisibilityTests {
  private static final List<Class<? extends Annotation>> JUNIT = List.of(Test.class, ParameterizedTest.class,
      BeforeAll.class, AfterAll.class, BeforeEach.class, AfterEach.class, TempDir.class);
  private static final Set<String> JUNIT_MODULES = Set.of("org.junit.platform.commons", "org.junit.jupiter.engine");
  private static final String HIDDEN_SUITES = "grader.harness.hidden";
  private static final Set<String> HIDDEN_AND_JUNIT = Set.of("org.junit.platform.commons", "org.junit.jupiter.engine",
      HIDDEN_SUITES);
  private static final String SUPPORT = "grader.suites.support";

  @Test
  void everySuiteMemberJUnitTouchesIsPublicAndEverySuitePackageIsExportedOnlyToJUnit() throws Exception {
    Path classes = Path.of(SuiteVisibilityTests.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolveSibling("classes");
    List<String> problems = new ArrayList<>();
    Set<String> suitePackages = new TreeSet<>();
    for (Class<?> type : suiteClasses(classes)) {
      suitePackages.add(type.getPackageName());
      if (!Modifier.isPublic(type.getModifiers())) {
        problems.add(type.getName() + " must be public");
      }
      List<Member> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
      members.addAll(List.of(type.getDeclaredFields()));
      for (Member member : members) {
        boolean touched = JUNIT.stream().anyMatch(a -> member instanceof Method m ? m.isAnnotationPresent(a)
            : ((Field) member).isAnnotationPresent(a));
        if (touched && !Modifier.isPublic(member.getModifiers())) {
          problems.add(type.getSimpleName() + "." + member.getName() + " must be public");
        }
      }
    }
    assertEquals(List.of(), problems, "JUnit cannot reach non-public members of grader.harness (it opens nothing)");

    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }
    assertEquals(Set.of(), module.opens(), "grader.harness opens nothing");
    Map<String, Set<String>> exports = module.exports().stream()
        .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
    for (String suitePackage : suitePackages) {
      // The warm-up suite is JUnit's alone; the graded suites also to the hidden suites' module, which
      // extends them in the instructor's installation (docs/COURSE.md, "Hidden tests").
      Set<String> expected = suitePackage.startsWith("grader.suites.") ? HIDDEN_AND_JUNIT : JUNIT_MODULES;
      assertEquals(expected, exports.get(suitePackage), suitePackage + " is exported to JUnit (and the hidden suites) only");
    }
    assertEquals(Set.of(HIDDEN_SUITES), exports.get(SUPPORT), SUPPORT + " is exported to the hidden suites only");
    Set<String> exported = new TreeSet<>(exports.keySet());
    exported.remove(SUPPORT);
    assertEquals(suitePackages, exported, "only suite packages (and their support, to the hidden suites) are exported");
  }

  private static List<Class<?>> suiteClasses(Path classes) throws IOException, ClassNotFoundException {
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes.resolve("grader"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Suite.class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        found.add(Class.forName(name, false, SuiteVisibilityTests.class.getClassLoader()));
      }
    }
    return found;
  }
}
