package grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The compiler JVM's command: the archive where there is one when the JVM starts, never a stale choice. */
class CompilerProcessTests {
  private static final Path JAVA = Path.of("/jdk/bin/java");
  private static final List<Path> CLASS_PATH = List.of(Path.of("/g/grader.jar"), Path.of("/g/lib/a.jar"));

  @Test
  void theCommandIsTheLauncherTheOptionsTheArchiveTheClassPathAndTheMain() {
    CompilerProcess compiler = new CompilerProcess(JAVA, CLASS_PATH);
    List<String> expected = new ArrayList<>(List.of(JAVA.toString()));
    expected.addAll(compiler.jvmOptions());
    expected.addAll(List.of("-XX:ArchiveClassesAtExit=/a.jsa", "-cp", "/g/grader.jar" + File.pathSeparator
        + "/g/lib/a.jar", CompilerMain.class.getName(), "/w/request.json", "/w/result.json"));
    assertEquals(expected, compiler.command(List.of("-XX:ArchiveClassesAtExit=/a.jsa"), Path.of("/w/request.json"),
        Path.of("/w/result.json")));
    assertEquals(List.of("-Xmx512m", "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-Xshare:auto", "-Duser.language=en"),
        compiler.jvmOptions());
  }

  @Test
  void theArchiveIsAskedForAtEachStart() {
    AtomicReference<Optional<Path>> archive = new AtomicReference<>(Optional.empty());
    CompilerProcess compiler = new CompilerProcess(JAVA, CLASS_PATH, archive::get);
    assertEquals(List.of(), compiler.startOptions());
    archive.set(Optional.of(Path.of("/g/cds/compiler-0123.jsa")));
    assertEquals(List.of("-XX:SharedArchiveFile=/g/cds/compiler-0123.jsa", "-Xlog:cds=off,cds+dynamic=off"),
        compiler.startOptions());
    assertEquals(List.of(), new CompilerProcess(JAVA, CLASS_PATH).startOptions(), "no archive unless given one");
    assertEquals(List.of("-Xshare:on"), new CompilerProcess(JAVA, CLASS_PATH, 512, Duration.ofSeconds(1),
        Optional::empty, List.of("-Xshare:on")).startOptions());
  }
}
