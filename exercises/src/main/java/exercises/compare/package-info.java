/** Exercise 4: download the same files with threads, processes and async I/O, then compare them. */
package exercises.compare;
