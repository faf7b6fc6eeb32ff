package grader.protocol;

import java.util.Objects;

/** What the parent made of one line of the results file: an authentic event, or a rejected line. */
public sealed interface DecodedLine permits DecodedLine.Accepted, DecodedLine.Rejected {

  /** A well-formed line sealed with the run's nonce. */
  record Accepted(Event event) implements DecodedLine {
    public Accepted {
      Objects.requireNonNull(event, "event must not be null");
    }
  }

  /** A line that is garbled, too long, or not sealed with the run's nonce: ignored and counted. */
  record Rejected(String reason) implements DecodedLine {
    public Rejected {
      Objects.requireNonNull(reason, "reason must not be null");
    }
  }
}
