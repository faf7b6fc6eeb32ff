/** Graded suite of exercise 3 (async): concurrent HTTP requests with HttpClient.sendAsync. */
package grader.suites.async;
