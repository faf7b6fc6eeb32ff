package grader.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules CONTRIBUTING.md states ("Maven modules and package map", "Conventions"),
 * checked on the compiled classes of each module, so a change that breaks one fails the build.
 */
class ArchitectureTests {
  private static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();

  /** The trusted side: the grader module's own classes. */
  private static final JavaClasses GRADER = importModule("grader");
  /** The child side: what runs in the harness JVM next to the student's code. */
  private static final JavaClasses HARNESS = importModule("harness");

  private static JavaClasses importModule(String module) {
    Path classes = REPO.resolve(module).resolve("target/classes");
    if (!Files.isDirectory(classes)) {
      throw new IllegalStateException(classes + " is missing: build the module first (mvn -pl grader -am verify)");
    }
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPath(classes);
  }

  @Test
  void onlyTheCommandLineTouchesStandardStreamsOrExits() {
    noClasses().that().resideOutsideOfPackage("grader.cli..")
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .orShould().accessField(System.class, "in")
        .orShould().callMethod(System.class, "exit", int.class)
        .orShould().callMethod(Runtime.class, "halt", int.class)
        .orShould().callMethod(Runtime.class, "exit", int.class)
        .because("only grader.cli touches standard streams or exits (CONTRIBUTING.md, Conventions)")
        .check(GRADER);
  }

  @Test
  void onlyMainExits() {
    noClasses().that().doNotHaveFullyQualifiedName("grader.cli.Main")
        .should().callMethod(System.class, "exit", int.class)
        .because("only Main.main calls System.exit; commands return their exit status")
        .check(GRADER);
  }

  @Test
  void theGraderNeverDependsOnTheSuitesOrTheChildSide() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("grader.suites..", "grader.child..", "exercises..")
        .because("the grader judges the suites' results, it does not compile against them or the student's code")
        .check(GRADER);
  }

  @Test
  void theChildSideDependsOnlyOnTheProtocolTheTestLibrariesAndTheJdk() {
    classes().should().onlyDependOnClassesThat().resideInAnyPackage(
            "grader.child..", "grader.suites..", "grader.protocol..",
            "org.junit..", "org.opentest4j..", "org.apiguardian..",
            "org.awaitility..", "org.hamcrest..",
            "com.github.tomakehurst.wiremock..", "org.wiremock..",
            "exercises..", // the student's classes the suites test (compiled against solutions/)
            "java..", "javax..", "jdk..", "com.sun.management..", "")
        .because("the harness shares its JVM with the student's code: nothing there may depend on the grader's"
            + " classes or on a library the student could reach (CONTRIBUTING.md, Maven modules)")
        .check(HARNESS);
  }
}
