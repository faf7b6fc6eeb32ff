/** Exercise 4, reference solution: the same downloads with a thread pool, child JVMs and asynchronous I/O. */
package exercises.compare;
