package grader.report;

import grader.report.timeline.TimelineReference;
import grader.report.timeline.TimelineSvg;
import grader.scorecard.ExerciseResult;
import grader.scorecard.Scorecard;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.io.StringWriter;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The whole report as one self-contained HTML page ({@code target/report.html}): every exercise and
 * test with its feedback and measurements, and the timeline picture of each test that recorded one,
 * inline. No script, no stylesheet, font or image from elsewhere; every text the scorecard holds
 * (some of it quotes student code) goes through the StAX writer, which escapes it.
 */
public final class HtmlReport implements ScorecardRenderer {
  private static final String CSS = String.join("\n",
      "body{font-family:sans-serif;max-width:62em;margin:1em auto;padding:0 1em;color:#111}",
      "h2{border-bottom:1px solid #ccc;padding-bottom:.2em}",
      ".score{float:right;font-weight:normal}",
      "ul.tests{list-style:none;padding-left:0}",
      "li.test{margin:.6em 0}",
      ".passed{color:#006d4f}.failed,.error{color:#b23c00}.timed_out{color:#8a6d00}.not_run{color:#666}",
      "pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em;margin:.3em 0 0 1.8em}",
      ".measured{color:#444;font-size:90%;margin-left:1.8em}",
      "figure{margin:.5em 0 0 1.8em;max-width:100%;overflow-x:auto}",
      "svg{max-width:100%;height:auto}");

  @Override
  public String render(Scorecard scorecard) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeDTD("<!DOCTYPE html>");
      xml.writeStartElement("html");
      xml.writeAttribute("lang", "en");
      xml.writeStartElement("head");
      xml.writeEmptyElement("meta");
      xml.writeAttribute("charset", "utf-8");
      xml.writeEmptyElement("meta");
      xml.writeAttribute("name", "viewport");
      xml.writeAttribute("content", "width=device-width, initial-scale=1");
      element(xml, "title", "Grading report: " + scorecard.submission().id());
      element(xml, "style", CSS);
      xml.writeEndElement();
      xml.writeStartElement("body");
      element(xml, "h1", "Grading report: " + scorecard.submission().id());
      element(xml, "p", "Total: " + Points.of(scorecard.score(), scorecard.maxScore()) + " · isolation: "
          + scorecard.isolation().id() + " · graded in " + Points.duration(scorecard.durationMs()));
      int picture = 0;
      for (ExerciseResult exercise : scorecard.exercises()) {
        picture = exercise(xml, exercise, picture);
      }
      if (!scorecard.warnings().isEmpty()) {
        element(xml, "h2", "Warnings");
        xml.writeStartElement("ul");
        for (String warning : scorecard.warnings()) {
          element(xml, "li", warning);
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndElement();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the HTML report into a string", e);
    }
    return out + "\n";
  }

  private static int exercise(XMLStreamWriter xml, ExerciseResult exercise, int picture) throws XMLStreamException {
    xml.writeStartElement("section");
    xml.writeAttribute("id", "exercise-" + exercise.id());
    xml.writeStartElement("h2");
    xml.writeCharacters(exercise.id() + " · " + exercise.title());
    xml.writeStartElement("span");
    xml.writeAttribute("class", "score");
    xml.writeCharacters(Points.of(exercise.score(), exercise.maxScore()) + " " + exercise.status().id());
    xml.writeEndElement();
    xml.writeEndElement();
    if (exercise.message() != null && !exercise.message().isBlank()) {
      element(xml, "pre", exercise.message());
    }
    xml.writeStartElement("ul");
    xml.writeAttribute("class", "tests");
    for (TestResult test : exercise.tests()) {
      xml.writeStartElement("li");
      xml.writeAttribute("class", "test");
      xml.writeStartElement("span");
      xml.writeAttribute("class", test.status().id());
      xml.writeCharacters(TerminalReport.symbol(test.status()) + " " + Points.of(test.score(), test.maxScore()));
      xml.writeEndElement();
      xml.writeCharacters(" " + test.name());
      if (test.status() != TestStatus.PASSED && test.message() != null && !test.message().isBlank()
          && !test.message().equals(exercise.message())) {
        element(xml, "pre", test.message());
      }
      if (test.status() != TestStatus.PASSED && !test.measurements().isEmpty()) {
        xml.writeStartElement("div");
        xml.writeAttribute("class", "measured");
        xml.writeCharacters("measured: " + measurements(test.measurements()));
        xml.writeEndElement();
      }
      if (!test.timeline().isEmpty()) {
        xml.writeStartElement("figure");
        new TimelineSvg("t" + ++picture).write(xml, test.name(), test.timeline(),
            TimelineReference.forTest(test.id()));
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    return picture;
  }

  private static String measurements(Map<String, String> measurements) {
    return measurements.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }

  private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }
}
