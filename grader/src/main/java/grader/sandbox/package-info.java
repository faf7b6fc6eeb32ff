/** Containment of student code: namespaces where possible, limits always, and a clean kill. */
package grader.sandbox;
