// HiddenTestsIT's stand-in for a course's harness-hidden/ module: compiled by the test (it is no test
// source), so it is built exactly as an instructor's hidden suites are and run from lib/harness/.
module grader.harness.hidden {
  requires grader.harness;
  requires org.junit.jupiter.api;

  exports grader.suites.threads.hidden to org.junit.platform.commons, org.junit.jupiter.engine;
}
