/** The student bundle: the grader installation as a reproducible zip, without hidden tests. */
package grader.bundle;
