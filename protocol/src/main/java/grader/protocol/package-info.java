/** The child-to-parent event stream: sealed JSON lines, one event per line, as the harness JVM reports its tests. */
package grader.protocol;
