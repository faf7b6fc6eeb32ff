/**
 * Graded suites of exercise 4 (compare): downloads with threads, processes and async I/O, the
 * benchmark and the report.
 */
package grader.suites.compare;
