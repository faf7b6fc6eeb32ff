/** Exercise 1, reference solution: platform threads that sleep at the same time and report afterwards. */
package exercises.threads;
