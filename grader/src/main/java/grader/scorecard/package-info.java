/** The scorecard: the values every entry point produces and every exporter reads. */
package grader.scorecard;
