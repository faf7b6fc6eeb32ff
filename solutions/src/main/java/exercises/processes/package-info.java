/** Exercise 2, reference solution: a sum of squares split across child JVMs started with ProcessBuilder. */
package exercises.processes;
