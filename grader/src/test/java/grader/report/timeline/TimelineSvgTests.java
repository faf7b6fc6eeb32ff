package grader.report.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.scorecard.TimelineItem;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class TimelineSvgTests {
  @Test
  void theShapeTellsSideBySideFromAStaircase() {
    assertEquals(new TimelineShape(List.of("Thread 1", "Thread 2", "Thread 3", "Thread 4", "Thread 5", "Thread 6"),
        "sleep", 6, 6), TimelineShape.of(SampleTimelines.threadsOverlapping()));
    assertEquals(1, TimelineShape.of(SampleTimelines.threadsStaircase()).maxOverlap());
    assertTrue(TimelineShape.of(SampleTimelines.requestsTogether()).allOverlap());
    assertEquals(1, TimelineShape.of(SampleTimelines.requestsOneByOne()).maxOverlap());
    assertEquals(1, TimelineShape.of(SampleTimelines.poolTooSmall()).maxOverlap());
    assertEquals(new TimelineShape(List.of("worker 1", "worker 2", "worker 3", "worker 4"), "alive", 4, 4),
        TimelineShape.of(SampleTimelines.workersTogether()));
    assertEquals(1, TimelineShape.of(SampleTimelines.workersOneByOne()).maxOverlap());
    assertEquals("at most 1 of 4 workers alive at the same moment",
        TimelineShape.of(SampleTimelines.workersOneByOne()).summary());
  }

  @Test
  void aRequestInAndOutWithinOneMillisecondIsABarAndCountedTheSameWay() throws Exception {
    List<TimelineItem> timeline = new java.util.ArrayList<>(List.of(new TimelineItem("call", "call", 0, 2.3, "fetchAll"),
        new TimelineItem("call", "returned", 2.3, 2.3, "fetchAll returned")));
    for (int i = 1; i <= 4; i++) {
      timeline.add(new TimelineItem("request " + i, "in_server", 4.5 + i, 12.7, "inside the server"));
    }
    // Recorded by a real grading of solutions/: the last request arrived as the gate opened.
    timeline.add(new TimelineItem("request 5", "sent", 12.7, 12.7, "arrived at the server"));
    timeline.add(new TimelineItem("request 5", "in_server", 12.7, 12.7, "inside the server 0 ms"));

    TimelineShape shape = TimelineShape.of(timeline);
    assertEquals(5, shape.keyLanes());
    assertEquals(5, shape.maxOverlap());
    assertTrue(TimelineProfile.line(timeline).orElseThrow().endsWith("at most 5 of 5"));
    String svg = new TimelineSvg("t").render("x", timeline, TimelineReference.forTest(
        "sendsAllRequestsBeforeAwaitingAny"));
    assertTrue(svg.contains("Seen: at most 5 of 5 requests inside the server at the same moment."), svg);
    org.w3c.dom.NodeList rects = parse(svg).getElementsByTagName("rect");
    int greenBars = 0;
    for (int i = 0; i < rects.getLength(); i++) {
      org.w3c.dom.Element rect = (org.w3c.dom.Element) rects.item(i);
      if (rect.getAttribute("fill").equals("#009E73") && rect.getAttribute("height").equals("12")) { // not the legend
        greenBars++;
        assertTrue(Double.parseDouble(rect.getAttribute("width")) >= TimelineSvg.MIN_BAR_PX, "visible: " + svg);
      }
    }
    assertEquals(5, greenBars, "a bar per request the caption counts");
    assertTrue(svg.contains("#F0E442"), "the moment all five overlap is shaded, however short");
  }

  @Test
  void theOverlapIsShadedOnlyWhenAllBarsOverlap() {
    Optional<TimelineReference> all = TimelineReference.forTest("sleepsAllThreadsAtTheSameTime");
    assertTrue(new TimelineSvg("t").render("x", SampleTimelines.threadsOverlapping(), all).contains("#F0E442"));
    assertFalse(new TimelineSvg("t").render("x", SampleTimelines.threadsStaircase(), all).contains("#F0E442"));
  }

  @Test
  void everyTextIsEscapedAndNothingIsFetched() throws Exception {
    String hostile = "<script>alert(1)</script> & \"quotes\" <a href=\"http://evil.example\">";
    String svg = new TimelineSvg("t").render(hostile, SampleTimelines.threadsOverlapping(), Optional.empty());
    assertFalse(svg.contains("<script"), svg);
    assertFalse(svg.contains("<a "), svg);
    org.w3c.dom.NodeList all = parse(svg).getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      org.w3c.dom.NamedNodeMap attributes = all.item(i).getAttributes();
      for (int j = 0; j < attributes.getLength(); j++) {
        assertFalse(attributes.item(j).getNodeName().endsWith("href"), "no link of any kind");
      }
    }
    assertEquals(svg.split("url\\(", -1).length, svg.split("url\\(#", -1).length, "patterns only from inside");
    assertFalse(svg.contains("@import") || svg.contains("<image") || svg.contains("<foreignObject"));
    assertTrue(parse(svg).getDocumentElement().getTextContent().contains(hostile));
  }

  @Test
  void theProfileIsAPlateauForOverlapAndFlatForAStaircase() {
    assertEquals("sleeps at once ▕█████████████▇▇▆▆▄▄▄▃▃▃▂▏ at most 6 of 6",
        TimelineProfile.line(SampleTimelines.threadsOverlapping()).orElseThrow());
    assertEquals("sleeps at once ▕▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▏ at most 1 of 6",
        TimelineProfile.line(SampleTimelines.threadsStaircase()).orElseThrow());
    assertTrue(TimelineProfile.line(List.of()).isEmpty());
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }
}
