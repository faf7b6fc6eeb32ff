/** Observation tools the graded suites share: recorders, gates, samplers and feedback. */
package grader.suites.support;
