/** Graded suite of exercise 1, {@code threads}: sleepy threads that must sleep at the same time. */
package grader.suites.threads;
