package grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Java counts as a run-time image of the allowed modules, and where an image lives. */
class RuntimeImageTests {
  @TempDir Path temp;

  @Test
  void anImageOfTheAllowedModulesNeedsNoLimitAndAFullJdkDoes() throws Exception {
    Path image = java("image", "JAVA_VERSION=\"17.0.15\"\nMODULES=\"java.base java.instrument java.logging"
        + " java.management java.net.http java.xml\"\n");
    Path jdk = java("jdk", "JAVA_VERSION=\"17.0.15\"\nMODULES=\"java.base java.instrument jdk.attach"
        + " jdk.unsupported\"\n");
    Path smaller = java("smaller", "MODULES=\"java.base\"\n");
    Path unknown = java("unknown", "JAVA_VERSION=\"17.0.15\"\n");
    assertTrue(RuntimeImage.holdsOnlyAllowedModules(image));
    assertTrue(RuntimeImage.holdsOnlyAllowedModules(smaller), "fewer modules are no risk");
    assertFalse(RuntimeImage.holdsOnlyAllowedModules(jdk), "jdk.attach and jdk.unsupported must be limited away");
    assertFalse(RuntimeImage.holdsOnlyAllowedModules(unknown), "no MODULES line: limit, to be safe");
    assertFalse(RuntimeImage.holdsOnlyAllowedModules(temp.resolve("missing")));
    assertEquals(Optional.of(List.of("java.base")), RuntimeImage.modules(smaller));
  }

  @Test
  void onlyAJdkWithoutAnImageGetsLimitModules() throws Exception {
    Path image = java("image", "MODULES=\"java.base java.instrument java.logging java.management java.net.http"
        + " java.xml\"\n");
    Path jdk = java("jdk", "MODULES=\"java.base java.instrument java.net.http jdk.attach\"\n");
    GraderInstallation installation = new GraderInstallation(temp.resolve("grader.jar"), temp.resolve("lib"),
        temp.resolve("agent.jar"), jdk, List.of());
    assertTrue(new ModuleOptions(installation).student().contains("--limit-modules"));
    assertFalse(new ModuleOptions(installation.withJavaHome(image)).student().contains("--limit-modules"));
  }

  @Test
  void theArchivesClassListKeepsOnlyTheJdksClassesOfTheWarmup() {
    assertTrue(ImageWarmup.isJdkLine("java/net/http/HttpClient id: 812"));
    assertTrue(ImageWarmup.isJdkLine("@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L7_L"));
    assertFalse(ImageWarmup.isJdkLine("grader/run/ImageWarmup id: 1900"));
    assertFalse(ImageWarmup.isJdkLine("@lambda-proxy grader/run/ImageWarmup lambda$main$0 ()Ljava/lang/Runnable;"));
  }

  @Test
  void anotherJavaGetsAnotherImage() throws Exception {
    Path one = java("one", "JAVA_VERSION=\"17.0.15\"\n");
    Path two = java("two", "JAVA_VERSION=\"25.0.3\"\n");
    GraderInstallation installation = new GraderInstallation(temp.resolve("grader.jar"), temp.resolve("lib"),
        temp.resolve("agent.jar"), one, List.of());
    Path first = new RuntimeImage(installation).location();
    assertEquals(temp.resolve("cds"), first.getParent(), "beside grader.jar, under cds/");
    assertNotEquals(first, new RuntimeImage(installation.withJavaHome(two)).location());
    assertEquals(Optional.empty(), new RuntimeImage(installation).existing());
  }

  private Path java(String name, String release) throws Exception {
    Path home = Files.createDirectories(temp.resolve(name));
    Files.writeString(home.resolve("release"), release);
    return home;
  }
}
