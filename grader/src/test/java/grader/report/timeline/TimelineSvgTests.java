package grader.report.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.Golden;
import grader.scorecard.TimelineItem;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class TimelineSvgTests {
  private static List<TimelineItem> sample(String name) {
    switch (name) {
      case "threads-overlapping": return SampleTimelines.threadsOverlapping();
      case "threads-staircase": return SampleTimelines.threadsStaircase();
      case "requests-together": return SampleTimelines.requestsTogether();
      case "requests-one-by-one": return SampleTimelines.requestsOneByOne();
      case "workers-together": return SampleTimelines.workersTogether();
      case "workers-one-by-one": return SampleTimelines.workersOneByOne();
      case "pool-too-small": return SampleTimelines.poolTooSmall();
      default: throw new IllegalArgumentException(name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "threads-overlapping, sleepsAllThreadsAtTheSameTime",
      "threads-staircase, sleepsAllThreadsAtTheSameTime",
      "requests-together, sendsAllRequestsBeforeAwaitingAny",
      "requests-one-by-one, sendsAllRequestsBeforeAwaitingAny",
      "workers-together, startsAllWorkersBeforeWaitingForAny",
      "workers-one-by-one, startsAllWorkersBeforeWaitingForAny",
      "pool-too-small, threadsKeepExactlyThePoolSizeInFlight"})
  void picturesMatchTheirGoldenFiles(String name, String testId) throws Exception {
    String svg = new TimelineSvg("t").render(name, sample(name), TimelineReference.forTest(testId));
    Golden.assertMatches("timeline/" + name + ".svg", svg);
    Document document = parse(svg);
    assertEquals("svg", document.getDocumentElement().getTagName());
    assertEquals("800", document.getDocumentElement().getAttribute("width"));
  }

  @Test
  void theShapeTellsSideBySideFromAStaircase() {
    assertEquals(new TimelineShape(List.of("Thread 1", "Thread 2", "Thread 3", "Thread 4", "Thread 5", "Thread 6"),
        "sleep", 6, 6), TimelineShape.of(SampleTimelines.threadsOverlapping()));
    assertEquals(1, TimelineShape.of(SampleTimelines.threadsStaircase()).maxOverlap());
    assertTrue(TimelineShape.of(SampleTimelines.requestsTogether()).allOverlap());
    assertEquals(1, TimelineShape.of(SampleTimelines.requestsOneByOne()).maxOverlap());
    assertEquals(1, TimelineShape.of(SampleTimelines.poolTooSmall()).maxOverlap());
    assertEquals(null, TimelineShape.of(SampleTimelines.workersTogether()).keyKind(), "worker starts are points");
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
