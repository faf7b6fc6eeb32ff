package grader.report;

import grader.scorecard.Scorecard;

/**
 * Turns a scorecard into one output format. Renderers are pure: the same scorecard always gives
 * the same text, so their output is checked against golden files.
 */
@FunctionalInterface
public interface ScorecardRenderer {
  String render(Scorecard scorecard);
}
