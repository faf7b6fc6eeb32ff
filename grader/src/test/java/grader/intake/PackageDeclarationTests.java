package grader.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PackageDeclarationTests {

  @Test
  void readsAPlainDeclaration() {
    assertEquals("exercises.threads", PackageDeclaration.of("package exercises.threads;\n\nclass A {}"));
  }

  @Test
  void skipsCommentsAnnotationsAndWhitespaceBetweenNames() {
    String source = "/* licence\n package fake; */\n// package fake2;\n@Deprecated @SuppressWarnings(\"x)\")\n"
        + "package grader . suites /* hidden */ .support;";
    assertEquals("grader.suites.support", PackageDeclaration.of(source));
  }

  @Test
  void seesThroughUnicodeEscapes() {
    assertEquals("grader.x", PackageDeclaration.of("\\u0070ackage grader\\u002ex;"));
    assertEquals("grader.x", PackageDeclaration.of("\\uuu0070ackage grader.x;"));
  }

  @Test
  void anEscapedBackslashIsNoEscape() {
    assertEquals("\\\\u0070", PackageDeclaration.translateUnicodeEscapes("\\\\u0070"));
  }

  @Test
  void noDeclarationIsTheUnnamedPackage() {
    assertEquals("", PackageDeclaration.of("import java.util.List;\nclass A {}"));
    assertEquals("", PackageDeclaration.of(""));
  }
}
