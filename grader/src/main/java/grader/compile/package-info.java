/** Compiles a submission in the grader's JVM with javax.tools and checks each exercise's contract. */
package grader.compile;
