/** Draws what a test saw happen over time: SVG pictures and one-line text profiles of a timeline. */
package grader.report.timeline;
