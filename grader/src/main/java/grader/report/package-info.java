/** Renders a scorecard for people and tools: terminal, Markdown, JUnit XML and Gradescope. */
package grader.report;
