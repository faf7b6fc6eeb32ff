/**
 * The harness inside the child JVM: runs one graded suite with the JUnit Platform Launcher and
 * streams sealed events to the parent. Depends only on the JUnit Platform, Jackson, the protocol and
 * the suites' support code, because everything here shares the JVM with untrusted student code.
 */
package grader.child;
