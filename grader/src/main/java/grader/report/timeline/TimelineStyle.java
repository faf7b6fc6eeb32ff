package grader.report.timeline;

/**
 * How each timeline kind is drawn: Okabe–Ito colours (told apart by readers with any common colour
 * vision deficiency), and for spans a fill pattern as well, and for points a distinct marker shape,
 * so that colour is never the only cue. The legend repeats the words.
 */
enum TimelineStyle {
  CALL("call", "the student's call running", "calls", "#BBBBBB", Pattern.NONE, Marker.NONE),
  SLEEP("sleep", "asleep in Thread.sleep", "sleeps", "#0072B2", Pattern.NONE, Marker.NONE),
  IN_SERVER("in_server", "inside the test server", "requests inside the server", "#009E73", Pattern.DOTS,
      Marker.NONE),
  ALIVE("alive", "worker JVM alive, from its start to its end", "workers alive", "#56B4E9",
      Pattern.STRIPES, Marker.NONE),
  PRINTED("printed", "printed its line", "lines", "#D55E00", Pattern.NONE, Marker.DIAMOND),
  STARTED("started", "worker JVM started", "worker JVM starts", "#E69F00", Pattern.NONE, Marker.TRIANGLE),
  SENT("sent", "request arrived at the server", "arrivals", "#E69F00", Pattern.NONE, Marker.TRIANGLE),
  ANSWERED("answered", "response sent", "responses", "#CC79A7", Pattern.NONE, Marker.SQUARE),
  RETURNED("returned", "the call returned", "returns", "#000000", Pattern.NONE, Marker.LINE);

  /** A span's fill pattern on top of its colour. */
  enum Pattern {
    NONE, STRIPES, DOTS
  }

  /** A point's marker. */
  enum Marker {
    NONE, DIAMOND, TRIANGLE, SQUARE, LINE
  }

  private final String kind;
  private final String legend;
  private final String plural;
  private final String colour;
  private final Pattern pattern;
  private final Marker marker;

  TimelineStyle(String kind, String legend, String plural, String colour, Pattern pattern, Marker marker) {
    this.kind = kind;
    this.legend = legend;
    this.plural = plural;
    this.colour = colour;
    this.pattern = pattern;
    this.marker = marker;
  }

  static TimelineStyle of(String kind) {
    for (TimelineStyle style : values()) {
      if (style.kind.equals(kind)) {
        return style;
      }
    }
    throw new IllegalArgumentException("no style for timeline kind \"" + kind + "\"");
  }

  String kind() {
    return kind;
  }

  String legend() {
    return legend;
  }

  String plural() {
    return plural;
  }

  String colour() {
    return colour;
  }

  Pattern pattern() {
    return pattern;
  }

  Marker marker() {
    return marker;
  }
}
