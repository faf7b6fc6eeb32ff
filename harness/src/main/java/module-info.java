/**
 * Everything the harness JVM runs besides the student's classes: the harness ({@code grader.child})
 * and the graded suites ({@code grader.suites.*}). It runs on the
 * module path while the student's classes are on the class path (the unnamed module): nothing here
 * is {@code opens}, and the suites' packages are exported only to the JUnit modules that invoke
 * their public test methods (and to the instructor's hidden suites, {@code grader.harness.hidden}),
 * so the student's code can neither name these classes nor reflect into them, and JUnit's public reflection helpers see only public members (test methods). The harness
 * package itself, which holds the results writer, is not exported at all.
 *
 * <p>The suites call the student's classes: the grader adds {@code --add-reads
 * grader.harness=ALL-UNNAMED} when it compiles and runs this module.
 */
module grader.harness {
  requires grader.protocol;
  requires java.management; // ThreadMXBean: the suites' thread sampler and the stuck-thread dump
  requires java.net.http;
  requires org.junit.platform.launcher;
  requires org.junit.jupiter.api;
  requires org.junit.jupiter.params;
  requires awaitility;
  requires wiremock.standalone;

  uses org.junit.platform.engine.TestEngine;

  // JUnit's commons module invokes the public test methods; the Jupiter engine (which exports
  // nothing a student could call) injects @TempDir fields. The hidden suites' module
  // (grader.harness.hidden, in the instructor's installation only) builds on the suites and their
  // support; a qualified export to a module that is absent (the student bundle) is simply void.

  exports grader.suites.threads to org.junit.platform.commons, org.junit.jupiter.engine, grader.harness.hidden;
  exports grader.suites.processes to org.junit.platform.commons, org.junit.jupiter.engine, grader.harness.hidden;
  exports grader.suites.async to org.junit.platform.commons, org.junit.jupiter.engine, grader.harness.hidden;
  exports grader.suites.compare to org.junit.platform.commons, org.junit.jupiter.engine, grader.harness.hidden;
  exports grader.suites.support to grader.harness.hidden;
  exports grader.child.warmup to org.junit.platform.commons, org.junit.jupiter.engine;
}
