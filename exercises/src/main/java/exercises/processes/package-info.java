/** Exercise 2: split a sum of squares across child JVMs started with ProcessBuilder. */
package exercises.processes;
