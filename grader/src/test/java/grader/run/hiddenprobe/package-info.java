/** A test-only graded suite with a hidden part, for the hidden-test mechanism's own tests. */
package grader.run.hiddenprobe;
