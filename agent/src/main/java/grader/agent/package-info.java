/** A Java agent that lets graded tests observe and synchronise the JVMs that student code starts. */
package grader.agent;
