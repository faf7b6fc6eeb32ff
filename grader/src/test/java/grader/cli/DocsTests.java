package grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.fixtures.FixtureLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs name only what exists: every repository path written in backticks, every {@code make}
 * target and every grader option they name. A renamed file, a removed target or an option no command
 * parses (the old {@code --limits FILE}) fails here instead of misleading the next reader.
 */
class DocsTests {
  private static final Path REPO = FixtureLibrary.repo();
  /** The exercise id CONTRIBUTING's "Adding an exercise" invents: its paths are examples. */
  private static final String EXAMPLE_EXERCISE = "pools";
  /** Options of other tools (bubblewrap, prlimit, java, javac, gh) the docs name in backticks of their own. */
  private static final Set<String> OTHER_TOOLS_OPTIONS = Set.of("--add-modules", "--add-opens", "--add-reads",
      "--cap-drop", "--core", "--die-with-parent", "--disable-userns", "--fsize", "--illegal-native-access",
      "--limit-modules", "--nofile", "--release", "--unshare-all", "--signer-digest", "--signer-workflow");
  private static final Pattern INLINE = Pattern.compile("`([^`\n]+)`");
  private static final Pattern FENCED = Pattern.compile("(?s)```[a-z]*\n(.*?)```");
  private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--[a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?![\\w-])");
  private static final Pattern MAKE = Pattern.compile("^(?:\\$ )?(?:heavy )?make ([a-z][a-z-]*)");
  /** A class named by a suffix of this project's roles that no JDK class named in the docs has, alone or with a member. */
  private static final Pattern PROJECT_CLASS = Pattern.compile(
      "([A-Z][A-Za-z0-9]*[a-z0-9](?:IT|Tests|Options|Writer|Runtime|Library|Expectation))"
          + "(?:[.#][a-z][A-Za-z0-9]*(?:\\(\\))?)?");
  private static final Pattern TARGET = Pattern.compile("(?m)^([a-z][a-z-]*):");

  @Test
  void everyRepositoryPathTheDocsNameExists() throws IOException {
    Set<String> top = new TreeSet<>();
    try (Stream<Path> entries = Files.list(REPO)) {
      entries.forEach(p -> top.add(p.getFileName().toString()));
    }
    List<String> missing = new ArrayList<>();
    for (Path doc : docs()) {
      for (String token : inlineCode(doc)) {
        String path = token.split("\\s+")[0].replaceAll("[.,:;)]+$", "");
        boolean repositoryPath = path.contains("/") && top.contains(path.substring(0, path.indexOf('/')));
        boolean placeholder = path.matches(".*[<*…{].*") || path.contains("...") || path.contains("target/")
            || path.contains("/" + EXAMPLE_EXERCISE + "/") || path.contains("/" + EXAMPLE_EXERCISE + ".");
        if (repositoryPath && !placeholder && !Files.exists(REPO.resolve(path))) {
          missing.add(REPO.relativize(doc) + ": `" + path + "`");
        }
      }
    }
    assertEquals(List.of(), missing, "paths the docs name that the repository does not have");
  }

  @Test
  void everyProjectClassTheDocsNameExists() throws IOException {
    Set<String> classes = new TreeSet<>();
    try (Stream<Path> files = Files.walk(REPO)) {
      files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/"))
          .forEach(p -> classes.add(p.getFileName().toString().replace(".java", "")));
    }
    List<String> missing = new ArrayList<>();
    for (Path doc : docs()) {
      for (String token : inlineCode(doc)) {
        Matcher name = PROJECT_CLASS.matcher(token);
        if (name.matches() && !classes.contains(name.group(1))) {
          missing.add(REPO.relativize(doc) + ": `" + token + "`");
        }
      }
    }
    assertEquals(List.of(), missing, "classes the docs name that no source file declares");
  }

  @Test
  void everyMakeTargetTheDocsNameExists() throws IOException {
    // The kit's targets (make run, make table) are documented where students read about the kit.
    Set<String> targets = new TreeSet<>();
    for (Path makefile : List.of(REPO.resolve("Makefile"), REPO.resolve("kit/template/Makefile"))) {
      Matcher target = TARGET.matcher(Files.readString(makefile));
      while (target.find()) {
        targets.add(target.group(1));
      }
    }
    List<String> unknown = new ArrayList<>();
    for (Path doc : docs()) {
      List<String> commands = new ArrayList<>(inlineCode(doc));
      commands.addAll(fencedLines(doc));
      for (String command : commands) {
        Matcher make = MAKE.matcher(command.strip());
        if (make.find() && !targets.contains(make.group(1))) {
          unknown.add(REPO.relativize(doc) + ": make " + make.group(1));
        }
      }
    }
    assertEquals(List.of(), unknown, "make targets the docs name that neither Makefile has (" + targets + ")");
  }

  @Test
  void theReadmesTableHasEveryTargetMakeLists() throws IOException {
    String readme = Files.readString(REPO.resolve("README.md"));
    List<String> absent = new ArrayList<>();
    Matcher listed = Pattern.compile("(?m)^([a-z][a-z-]*):.*## ").matcher(Files.readString(REPO.resolve("Makefile")));
    while (listed.find()) {
      String target = listed.group(1);
      if (!target.equals("help") && !Pattern.compile("(?m)^\\| `make " + target + "[` ]").matcher(readme).find()) {
        absent.add(target);
      }
    }
    assertEquals(List.of(), absent, "targets `make` lists that the README's table of targets leaves out");
  }

  @Test
  void everyGraderOptionTheDocsNameIsDeclared() throws IOException {
    Set<String> declared = new TreeSet<>(Set.of("--help", "--version"));
    Set<String> commands = new TreeSet<>();
    for (Command command : Main.commands()) {
      commands.add(Main.name(command));
      Main.parser(command).getCommandSpec().options().forEach(option -> declared.addAll(List.of(option.names())));
    }
    List<String> undeclared = new ArrayList<>();
    for (Path doc : docs()) {
      List<String> named = new ArrayList<>();
      for (String token : inlineCode(doc)) {
        String first = token.split("\\s+")[0];
        if (first.startsWith("--") && !first.matches("[-rwx]{9,10}")) {
          named.add(first.split("=")[0]);
        } else if (token.contains("grader.jar")) {
          named.addAll(options(token.substring(token.indexOf("grader.jar"))));
        } else if (commands.contains(first)) {
          named.addAll(options(token));
        }
      }
      for (String line : fencedLines(doc)) {
        if (line.contains("grader.jar")) {
          // What follows grader.jar is the grader's; a wrapper's options (sbatch --wrap) come before.
          named.addAll(options(line.substring(line.indexOf("grader.jar"))));
        }
      }
      for (String option : named) {
        if (!declared.contains(option) && !OTHER_TOOLS_OPTIONS.contains(option)) {
          undeclared.add(REPO.relativize(doc) + ": " + option);
        }
      }
    }
    assertEquals(List.of(), undeclared, "options the docs name that no command declares (" + declared + ")");
  }

  /** README, CONTRIBUTING, docs/, the student guide (also the kit's README), the bundle's and the fixtures' READMEs. */
  private static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(REPO.resolve("README.md"), REPO.resolve("CONTRIBUTING.md"),
        REPO.resolve("exercises/README.md"), REPO.resolve("kit/bundle/README.md")));
    try (Stream<Path> pages = Files.list(REPO.resolve("docs"))) {
      pages.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    try (Stream<Path> kinds = Files.list(REPO.resolve("grader/src/test/fixtures"))) {
      kinds.map(k -> k.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(docs::add);
    }
    return docs;
  }

  private static List<String> inlineCode(Path doc) throws IOException {
    String prose = FENCED.matcher(Files.readString(doc)).replaceAll("");
    List<String> tokens = new ArrayList<>();
    Matcher code = INLINE.matcher(prose);
    while (code.find()) {
      tokens.add(code.group(1));
    }
    return tokens;
  }

  private static List<String> fencedLines(Path doc) throws IOException {
    List<String> lines = new ArrayList<>();
    Matcher block = FENCED.matcher(Files.readString(doc));
    while (block.find()) {
      lines.addAll(block.group(1).lines().toList());
    }
    return lines;
  }

  private static List<String> options(String text) {
    List<String> options = new ArrayList<>();
    Matcher option = OPTION.matcher(text);
    while (option.find()) {
      options.add(option.group(1));
    }
    return options;
  }
}
