/** The grading engine every entry point uses: intake, compile, run and score one submission into a scorecard. */
package grader.grading;
