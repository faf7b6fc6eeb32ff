/**
 * The bytecode policy: before an exercise runs, its compiled classes are read (never loaded) and
 * every reference to JDK API outside an allow-list becomes a finding that keeps it from running.
 */
package grader.policy;
