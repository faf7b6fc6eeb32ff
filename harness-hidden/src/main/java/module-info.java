/**
 * The instructor's hidden suites: tests marked {@code "visibility": "hidden"} in the rubric, graded by
 * the instructor's installation only. The test of exercise {@code <id>} lives in package {@code
 * grader.suites.<id>.hidden} of this module (the rubric loader refuses one elsewhere), and each such
 * package is exported to JUnit exactly as the harness exports its suites:
 *
 * <pre>{@code
 * exports grader.suites.threads.hidden to org.junit.platform.commons, org.junit.jupiter.engine;
 * }</pre>
 *
 * <p>Why a module of its own: the student bundle ({@code make dist}) leaves this module's jar out
 * whole, while the harness module ships unchanged. Dropping packages from the harness jar instead
 * would leave a module descriptor that names packages it lacks, which the JVM refuses to start.
 *
 * <p>This repository ships no hidden test (see docs/COURSE.md, "Hidden tests"): its readers include
 * students, so a check worth making belongs in a public suite, where it also gives feedback. A
 * course's own repository adds its hidden suites here.
 */
module grader.harness.hidden {
  requires grader.harness; // grader.suites.support and the suite packages are exported to this module
  requires org.junit.jupiter.api;
  requires org.junit.jupiter.params;
}
