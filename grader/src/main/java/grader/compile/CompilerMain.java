package grader.compile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The compiler's own JVM: reads a {@link CompileRequest}, runs {@link SubmissionCompiler} exactly
 * as the grader would in its own JVM (one pass, the per-exercise fallback, the contract probes) and
 * writes the {@link CompileResult} as JSON. A submission that makes javac use gigabytes or hours
 * costs this JVM its heap or its time limit, never the grader's (see {@link CompilerProcess}).
 * Usage: {@code CompilerMain <request.json> <result.json>}.
 */
public final class CompilerMain {
  private CompilerMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: CompilerMain <request.json> <result.json>");
    }
    ObjectMapper json = new ObjectMapper();
    CompileRequest request = json.readValue(Path.of(args[0]).toFile(), CompileRequest.class);
    CompileResult result = new SubmissionCompiler().compile(request.sourceRoot(), request.exercises(),
        request.outputDirectory(), request.alone());
    Path out = Path.of(args[1]);
    Path partial = out.resolveSibling(out.getFileName() + ".partial");
    json.writeValue(partial.toFile(), result);
    Files.move(partial, out); // complete or absent: the parent never reads half a result
  }
}
