/**
 * The harness inside the child JVM: runs one graded suite with the JUnit Platform Launcher and
 * streams sealed events to the parent. Depends only on the JUnit Platform, the protocol and the
 * suites' support code (no JSON library: see {@code grader.protocol.EventJson}), because everything
 * here shares the JVM with untrusted student code; not exported from module {@code grader.harness}.
 */
package grader.child;
