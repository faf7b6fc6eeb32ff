package grader.report.timeline;

import grader.scorecard.TestResult;
import grader.scorecard.TimelineItem;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Draws a test's timeline as an SVG picture 800 px wide: a lane per thread, request or worker, time
 * on the x axis in milliseconds with ticks, spans as bars and point events as markers in the
 * {@link TimelineStyle} of their kind, the moment the student's call returned as a dashed line, a
 * legend of the kinds shown, and under it the shape in words with the reference shape, where the
 * test has one. Self-contained: no script, no external font or link; every text goes through the
 * StAX writer, which escapes it.
 */
public final class TimelineSvg {
  public static final int WIDTH = 800;
  private static final String SVG_NS = "http://www.w3.org/2000/svg";
  private static final int PLOT_LEFT = 110;
  private static final int PLOT_RIGHT = WIDTH - 24;
  private static final int TOP = 48;
  private static final int LANE_HEIGHT = 20;
  private static final int BAR_HEIGHT = 12;
  /**
   * The narrowest a bar or the overlap band is drawn: a span of zero length (a request in and out of
   * the server within a tenth of a millisecond) is still a span, counted in the caption, so it must
   * show as one, also past the arrival marker at its start (which reaches 5 px to the right).
   */
  static final double MIN_BAR_PX = 8;
  private static final int LEGEND_ROW = 18;
  private static final String FONT = "font-family:sans-serif;fill:#111111";

  private final String idPrefix;

  /**
   * @param idPrefix makes the ids of the picture's patterns unique within a page holding many
   *     pictures; letters, digits and dashes only
   */
  public TimelineSvg(String idPrefix) {
    if (!idPrefix.matches("[A-Za-z][A-Za-z0-9-]*")) {
      throw new IllegalArgumentException("idPrefix must be letters, digits and dashes, was \"" + idPrefix + "\"");
    }
    this.idPrefix = idPrefix;
  }

  /**
   * The picture of a test's timeline as an {@code <svg>} element to put into a page, with ids unique
   * to the exercise and test; empty if the test recorded no timeline.
   */
  public static Optional<String> of(String exerciseId, TestResult test) {
    if (test.timeline().isEmpty()) {
      return Optional.empty();
    }
    String prefix = ("tl-" + exerciseId + "-" + test.id()).replaceAll("[^A-Za-z0-9-]", "-");
    return Optional.of(new TimelineSvg(prefix).render(test.name(), test.timeline(), TimelineReference.forTest(test.id())));
  }

  /** A standalone SVG document. */
  public String render(String title, List<TimelineItem> timeline, Optional<TimelineReference> reference) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      write(xml, title, timeline, reference);
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write an SVG into a string", e);
    }
    // One element per line, so that a golden file's diff shows what changed; text is escaped, so
    // "><" only ever stands between two tags, where whitespace means nothing in SVG.
    return out.toString().replace("><", ">\n<") + "\n";
  }

  /** Writes the {@code <svg>} element into {@code xml}, e.g. inline in an HTML page. */
  public void write(XMLStreamWriter xml, String title, List<TimelineItem> timeline,
      Optional<TimelineReference> reference) throws XMLStreamException {
    List<String> lanes = lanes(timeline);
    TimelineShape shape = TimelineShape.of(timeline);
    double span = TimeAxis.niceEnd(timeline.stream().mapToDouble(TimelineItem::endMs).max().orElse(0));
    TimeAxis axis = new TimeAxis(span, PLOT_LEFT, PLOT_RIGHT);
    List<TimelineStyle> kinds = kindsShown(timeline);
    int plotBottom = TOP + lanes.size() * LANE_HEIGHT;
    int axisBottom = plotBottom + 30;
    int legendRows = (kinds.size() + 2) / 3;
    int captionTop = axisBottom + legendRows * LEGEND_ROW + 8;
    int height = captionTop + (reference.isPresent() ? 36 : 18);

    xml.writeStartElement("svg");
    xml.writeDefaultNamespace(SVG_NS);
    xml.writeAttribute("width", Integer.toString(WIDTH));
    xml.writeAttribute("height", Integer.toString(height));
    xml.writeAttribute("viewBox", "0 0 " + WIDTH + " " + height);
    xml.writeAttribute("role", "img");
    xml.writeAttribute("aria-label", title + ": " + shape.summary(timeline));
    element(xml, "title", title + ": " + shape.summary(timeline));
    patterns(xml);
    rect(xml, 0, 0, WIDTH, height, "#FFFFFF", null);
    text(xml, 8, 18, "start", "font-size:14px;font-weight:bold", title);
    text(xml, 8, 36, "start", "font-size:12px;fill:#333333", "time in ms since the test called your code");

    for (int i = 0; i < lanes.size(); i++) {
      int y = TOP + i * LANE_HEIGHT;
      if (i % 2 == 0) {
        rect(xml, PLOT_LEFT, y, PLOT_RIGHT - PLOT_LEFT, LANE_HEIGHT, "#F4F4F4", null);
      }
      // Clear of a marker at time zero, which reaches 5 px to the left of the plot.
      text(xml, PLOT_LEFT - 10, y + 14, "end", "font-size:12px", lanes.get(i));
    }
    if (reference.isPresent() && reference.get().allOverlap() && shape.keyKind() != null) {
      overlapBand(xml, timeline, shape, axis, plotBottom);
    }
    for (TimelineItem item : timeline) {
      if (!item.isPoint()) {
        bar(xml, axis, TOP + lanes.indexOf(item.lane()) * LANE_HEIGHT, item);
      }
    }
    for (TimelineItem item : timeline) {
      if (item.isPoint()) {
        point(xml, axis, TOP + lanes.indexOf(item.lane()) * LANE_HEIGHT, plotBottom, item);
      }
    }
    ticks(xml, axis, plotBottom);
    legend(xml, kinds, axisBottom);
    text(xml, 8, captionTop + 12, "start", "font-size:12px", "Seen: " + shape.summary(timeline) + ".");
    if (reference.isPresent()) {
      text(xml, 8, captionTop + 30, "start", "font-size:12px", "Reference: " + reference.get().text() + ".");
    }
    xml.writeEndElement();
  }

  /** The call's lane first, then the others in order of first appearance. */
  private static List<String> lanes(List<TimelineItem> timeline) {
    Set<String> lanes = new LinkedHashSet<>();
    if (timeline.stream().anyMatch(i -> i.lane().equals("call"))) {
      lanes.add("call");
    }
    timeline.forEach(i -> lanes.add(i.lane()));
    return new ArrayList<>(lanes);
  }

  private static List<TimelineStyle> kindsShown(List<TimelineItem> timeline) {
    List<TimelineStyle> shown = new ArrayList<>();
    for (TimelineStyle style : TimelineStyle.values()) {
      if (timeline.stream().anyMatch(i -> i.kind().equals(style.kind()))) {
        shown.add(style);
      }
    }
    return shown;
  }

  private void patterns(XMLStreamWriter xml) throws XMLStreamException {
    xml.writeStartElement("defs");
    xml.writeStartElement("pattern");
    xml.writeAttribute("id", idPrefix + "-stripes");
    xml.writeAttribute("width", "6");
    xml.writeAttribute("height", "6");
    xml.writeAttribute("patternUnits", "userSpaceOnUse");
    xml.writeAttribute("patternTransform", "rotate(45)");
    rect(xml, 0, 0, 3, 6, "#FFFFFF", "0.6");
    xml.writeEndElement();
    xml.writeStartElement("pattern");
    xml.writeAttribute("id", idPrefix + "-dots");
    xml.writeAttribute("width", "5");
    xml.writeAttribute("height", "5");
    xml.writeAttribute("patternUnits", "userSpaceOnUse");
    xml.writeEmptyElement("circle");
    xml.writeAttribute("cx", "2.5");
    xml.writeAttribute("cy", "2.5");
    xml.writeAttribute("r", "1.2");
    xml.writeAttribute("fill", "#FFFFFF");
    xml.writeAttribute("fill-opacity", "0.7");
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private void bar(XMLStreamWriter xml, TimeAxis axis, int laneTop, TimelineItem item) throws XMLStreamException {
    TimelineStyle style = TimelineStyle.of(item.kind());
    double x = axis.x(item.startMs());
    double width = Math.max(MIN_BAR_PX, axis.x(item.endMs()) - x);
    double y = laneTop + (LANE_HEIGHT - BAR_HEIGHT) / 2.0;
    xml.writeStartElement("rect");
    attributes(xml, "x", x, "y", y, "width", width, "height", BAR_HEIGHT);
    xml.writeAttribute("fill", style.colour());
    element(xml, "title", item.lane() + ": " + label(item) + " (" + ms(item.startMs()) + " to " + ms(item.endMs())
        + " ms)");
    xml.writeEndElement();
    if (style.pattern() != TimelineStyle.Pattern.NONE) {
      xml.writeEmptyElement("rect");
      attributes(xml, "x", x, "y", y, "width", width, "height", BAR_HEIGHT);
      xml.writeAttribute("fill", "url(#" + idPrefix + "-"
          + (style.pattern() == TimelineStyle.Pattern.STRIPES ? "stripes" : "dots") + ")");
    }
  }

  private static void point(XMLStreamWriter xml, TimeAxis axis, int laneTop, int plotBottom, TimelineItem item)
      throws XMLStreamException {
    TimelineStyle style = TimelineStyle.of(item.kind());
    double x = axis.x(item.startMs());
    double cy = laneTop + LANE_HEIGHT / 2.0;
    String tip = item.lane() + ": " + label(item) + " at " + ms(item.startMs()) + " ms";
    switch (style.marker()) {
      case LINE:
        xml.writeStartElement("line");
        attributes(xml, "x1", x, "y1", TOP - 4, "x2", x, "y2", plotBottom);
        xml.writeAttribute("stroke", style.colour());
        xml.writeAttribute("stroke-width", "1.5");
        xml.writeAttribute("stroke-dasharray", "5 3");
        element(xml, "title", tip);
        xml.writeEndElement();
        return;
      case DIAMOND:
        polygon(xml, style, tip, x, cy - 6, x + 5, cy, x, cy + 6, x - 5, cy);
        return;
      case TRIANGLE:
        polygon(xml, style, tip, x - 5, cy + 5, x + 5, cy + 5, x, cy - 6);
        return;
      default:
        polygon(xml, style, tip, x - 4, cy - 4, x + 4, cy - 4, x + 4, cy + 4, x - 4, cy + 4);
    }
  }

  private static void polygon(XMLStreamWriter xml, TimelineStyle style, String tip, double... xy)
      throws XMLStreamException {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < xy.length; i += 2) {
      points.append(i == 0 ? "" : " ").append(number(xy[i])).append(',').append(number(xy[i + 1]));
    }
    xml.writeStartElement("polygon");
    xml.writeAttribute("points", points.toString());
    xml.writeAttribute("fill", style.colour());
    xml.writeAttribute("stroke", "#000000");
    xml.writeAttribute("stroke-width", "0.6");
    element(xml, "title", tip);
    xml.writeEndElement();
  }

  /** Shades the moments when every lane's key span overlaps (the reference shape), if there are any. */
  private static void overlapBand(XMLStreamWriter xml, List<TimelineItem> timeline, TimelineShape shape,
      TimeAxis axis, int plotBottom) throws XMLStreamException {
    if (!shape.allOverlap()) {
      return;
    }
    List<TimelineItem> spans = TimelineShape.spans(timeline, shape.keyKind());
    double from = Double.NEGATIVE_INFINITY;
    double to = Double.POSITIVE_INFINITY;
    for (String lane : spans.stream().map(TimelineItem::lane).distinct().toList()) {
      // Each lane's key spans as one stretch: from its first start to its last end.
      double laneFrom = spans.stream().filter(s -> s.lane().equals(lane)).mapToDouble(TimelineItem::startMs).min()
          .orElseThrow();
      double laneTo = spans.stream().filter(s -> s.lane().equals(lane)).mapToDouble(TimelineItem::endMs).max()
          .orElseThrow();
      from = Math.max(from, laneFrom);
      to = Math.min(to, laneTo);
    }
    if (to < from) {
      return;
    }
    xml.writeStartElement("rect");
    attributes(xml, "x", axis.x(from), "y", TOP, "width", Math.max(MIN_BAR_PX, axis.x(to) - axis.x(from)), "height",
        plotBottom - TOP);
    xml.writeAttribute("fill", "#F0E442");
    xml.writeAttribute("fill-opacity", "0.45");
    element(xml, "title", "all " + shape.keyLanes() + " overlap from " + ms(from) + " to " + ms(to) + " ms");
    xml.writeEndElement();
  }

  private static void ticks(XMLStreamWriter xml, TimeAxis axis, int plotBottom) throws XMLStreamException {
    xml.writeEmptyElement("line");
    attributes(xml, "x1", PLOT_LEFT, "y1", plotBottom, "x2", PLOT_RIGHT, "y2", plotBottom);
    xml.writeAttribute("stroke", "#333333");
    for (double tick : axis.ticks()) {
      double x = axis.x(tick);
      xml.writeEmptyElement("line");
      attributes(xml, "x1", x, "y1", plotBottom, "x2", x, "y2", plotBottom + 5);
      xml.writeAttribute("stroke", "#333333");
      text(xml, x, plotBottom + 18, "middle", "font-size:11px", ms(tick));
    }
    text(xml, PLOT_RIGHT, plotBottom + 18 + 11, "end", "font-size:11px;fill:#333333", "ms");
  }

  private static void legend(XMLStreamWriter xml, List<TimelineStyle> kinds, int top) throws XMLStreamException {
    for (int i = 0; i < kinds.size(); i++) {
      TimelineStyle style = kinds.get(i);
      int x = 8 + (i % 3) * 262;
      int y = top + (i / 3) * LEGEND_ROW;
      if (style.marker() == TimelineStyle.Marker.NONE) {
        rect(xml, x, y + 2, 18, 10, style.colour(), null);
      } else if (style.marker() == TimelineStyle.Marker.LINE) {
        xml.writeEmptyElement("line");
        attributes(xml, "x1", x + 9, "y1", y, "x2", x + 9, "y2", y + 14);
        xml.writeAttribute("stroke", style.colour());
        xml.writeAttribute("stroke-dasharray", "5 3");
      } else {
        point(xml, new TimeAxis(1, x + 9, x + 10), y - LANE_HEIGHT / 2 + 7, y + 14,
            new TimelineItem("call", style.kind(), 0, 0, style.legend()));
      }
      text(xml, x + 24, y + 11, "start", "font-size:11px", style.legend());
    }
  }

  private static String label(TimelineItem item) {
    return item.label().isEmpty() ? TimelineStyle.of(item.kind()).legend() : item.label();
  }

  private static void rect(XMLStreamWriter xml, double x, double y, double width, double height, String fill,
      String opacity) throws XMLStreamException {
    xml.writeEmptyElement("rect");
    attributes(xml, "x", x, "y", y, "width", width, "height", height);
    xml.writeAttribute("fill", fill);
    if (opacity != null) {
      xml.writeAttribute("fill-opacity", opacity);
    }
  }

  private static void text(XMLStreamWriter xml, double x, double y, String anchor, String style, String text)
      throws XMLStreamException {
    xml.writeStartElement("text");
    attributes(xml, "x", x, "y", y);
    xml.writeAttribute("text-anchor", anchor);
    xml.writeAttribute("style", FONT + ";" + style);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private static void attributes(XMLStreamWriter xml, Object... namesAndValues) throws XMLStreamException {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      xml.writeAttribute((String) namesAndValues[i], number(((Number) namesAndValues[i + 1]).doubleValue()));
    }
  }

  /** One decimal at most, the same on every machine. */
  static String number(double value) {
    String text = String.format(Locale.ROOT, "%.1f", value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }

  private static String ms(double value) {
    return number(value);
  }
}
