/** Exercise 1: start several platform threads that sleep at the same time, then report. */
package exercises.threads;
