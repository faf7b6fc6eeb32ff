/** Runs one exercise's graded suite in sandboxed child JVMs and collects what each test did, whatever the child does. */
package grader.run;
