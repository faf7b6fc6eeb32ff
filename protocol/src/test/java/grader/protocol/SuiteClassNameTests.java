package grader.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SuiteClassNameTests {
  @Test
  void aSuiteClassIsNamedRelativeToTheSuitePackageWithoutItsNestedClasses() {
    assertEquals("ReportSuite", SuiteClassName.relative("grader.suites.compare", "grader.suites.compare.ReportSuite"));
    assertEquals("ReportSuite",
        SuiteClassName.relative("grader.suites.compare", "grader.suites.compare.ReportSuite$Table$Row"));
    assertEquals("hidden.ExtraSuite",
        SuiteClassName.relative("grader.suites.compare", "grader.suites.compare.hidden.ExtraSuite"));
    assertEquals("grader.suites.comparex.Suite",
        SuiteClassName.relative("grader.suites.compare", "grader.suites.comparex.Suite"));
  }
}
