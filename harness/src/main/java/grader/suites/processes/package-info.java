/** Graded suite of exercise 2, {@code processes}: a sum of squares split across worker JVMs. */
package grader.suites.processes;
