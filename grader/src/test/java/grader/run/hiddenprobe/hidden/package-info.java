/** The hidden tests of the test-only suite {@code grader.run.hiddenprobe}. */
package grader.run.hiddenprobe.hidden;
