package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JobsPolicyTests {
  private static final long GIB = 1024L * 1024 * 1024;

  @Test
  void twiceTheCores() {
    assertEquals(2, JobsPolicy.defaultJobs(1, 64 * GIB));
    assertEquals(4, JobsPolicy.defaultJobs(2, 64 * GIB));
    assertEquals(6, JobsPolicy.defaultJobs(3, 64 * GIB));
    assertEquals(16, JobsPolicy.defaultJobs(8, 64 * GIB));
    assertEquals(128, JobsPolicy.defaultJobs(64, 1024 * GIB));
  }

  @Test
  void memoryCapsIt() {
    assertEquals(2, JobsPolicy.defaultJobs(16, 5 * GIB));
    assertEquals(1, JobsPolicy.defaultJobs(16, GIB));
    assertEquals(1, JobsPolicy.defaultJobs(1, GIB));
  }

  @Test
  void thisMachineGetsAtLeastOne() {
    assertTrue(JobsPolicy.defaultJobs() >= 1);
  }
}
