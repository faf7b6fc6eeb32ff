package grader.report;

import grader.scorecard.Diagnostic;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.Scorecard;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A scorecard as the JUnit XML that CI tools read (the Ant/Surefire shape, valid against the
 * Jenkins xUnit plugin's {@code junit-10.xsd}): one {@code testsuite} per exercise, one {@code
 * testcase} per test with a {@code failure} (failed, timed out), {@code error} or {@code skipped}
 * (not run) element carrying the feedback. An exercise that could not be graded normally gets one
 * more test case, in error, saying why. Written with the JDK's StAX writer, which escapes markup;
 * characters XML 1.0 cannot hold at all (control characters, lone surrogates) are replaced first.
 * No timestamps or host names, so the same scorecard always gives the same file.
 */
public final class JUnitXmlReport implements ScorecardRenderer {

  @Override
  public String render(Scorecard scorecard) {
    StringWriter out = new StringWriter();
    try {
      // The JDK's own writer: a StAX implementation on the class path (e.g. shaded into a library) is not asked.
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      Counts total = new Counts();
      List<Counts> perExercise = new ArrayList<>();
      for (ExerciseResult exercise : scorecard.exercises()) {
        Counts counts = count(exercise);
        perExercise.add(counts);
        total.tests += counts.tests;
        total.failures += counts.failures;
        total.errors += counts.errors;
      }
      xml.writeStartElement("testsuites");
      // junit-10.xsd allows no "skipped" here (each testsuite carries its own).
      attribute(xml, "name", "concurrency-grader");
      attribute(xml, "tests", Integer.toString(total.tests));
      attribute(xml, "failures", Integer.toString(total.failures));
      attribute(xml, "errors", Integer.toString(total.errors));
      attribute(xml, "time", Points.seconds(scorecard.durationMs()));
      xml.writeCharacters("\n");
      for (int i = 0; i < scorecard.exercises().size(); i++) {
        suite(xml, scorecard.exercises().get(i), perExercise.get(i));
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private static final class Counts {
    int tests;
    int failures;
    int errors;
    int skipped;
    long millis;
  }

  private static Counts count(ExerciseResult exercise) {
    Counts counts = new Counts();
    if (exercise.status() != ExerciseStatus.GRADED) {
      counts.tests++;
      counts.errors++;
    }
    for (TestResult test : exercise.tests()) {
      counts.tests++;
      counts.millis += test.durationMs();
      if (test.status() == TestStatus.FAILED || test.status() == TestStatus.TIMED_OUT) {
        counts.failures++;
      } else if (test.status() == TestStatus.ERROR) {
        counts.errors++;
      } else if (test.status() == TestStatus.NOT_RUN) {
        counts.skipped++;
      }
    }
    return counts;
  }

  private static void suite(XMLStreamWriter xml, ExerciseResult exercise, Counts counts) throws XMLStreamException {
    xml.writeCharacters("  ");
    xml.writeStartElement("testsuite");
    attribute(xml, "name", exercise.id());
    attribute(xml, "tests", Integer.toString(counts.tests));
    attribute(xml, "failures", Integer.toString(counts.failures));
    attribute(xml, "errors", Integer.toString(counts.errors));
    attribute(xml, "skipped", Integer.toString(counts.skipped));
    attribute(xml, "time", Points.seconds(counts.millis));
    xml.writeCharacters("\n    ");
    xml.writeStartElement("properties");
    xml.writeCharacters("\n");
    property(xml, "title", exercise.title());
    property(xml, "status", exercise.status().id());
    property(xml, "score", Points.format(exercise.score()));
    property(xml, "max_score", Points.format(exercise.maxScore()));
    xml.writeCharacters("    ");
    xml.writeEndElement();
    xml.writeCharacters("\n");
    if (exercise.status() != ExerciseStatus.GRADED) {
      StringBuilder detail = new StringBuilder(exercise.message() == null ? "" : exercise.message());
      for (Diagnostic d : exercise.diagnostics()) {
        detail.append('\n').append(ReportText.location(d)).append(d.kind()).append(": ").append(d.message());
      }
      testcase(xml, exercise.id(), exercise.id() + ": " + ReportText.label(exercise.status()), "0.000");
      xml.writeCharacters("\n      ");
      xml.writeStartElement("error");
      attribute(xml, "type", exercise.status().id());
      attribute(xml, "message", firstLine(exercise.message()));
      text(xml, detail.toString());
      xml.writeEndElement();
      xml.writeCharacters("\n    ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
    }
    for (TestResult test : exercise.tests()) {
      boolean hasOutput = test.output() != null && !test.output().isEmpty();
      if (test.status() == TestStatus.PASSED && !hasOutput) {
        xml.writeCharacters("    ");
        xml.writeEmptyElement("testcase");
        testcaseAttributes(xml, exercise.id(), test.name(), Points.seconds(test.durationMs()));
        xml.writeCharacters("\n");
        continue;
      }
      testcase(xml, exercise.id(), test.name(), Points.seconds(test.durationMs()));
      String detail = detail(test);
      if (test.status() == TestStatus.FAILED || test.status() == TestStatus.TIMED_OUT) {
        outcome(xml, "failure", test.status().id(), test.message(), detail);
      } else if (test.status() == TestStatus.ERROR) {
        outcome(xml, "error", "error", test.message(), detail);
      } else if (test.status() == TestStatus.NOT_RUN) {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("skipped");
        attribute(xml, "message", firstLine(test.message()));
      }
      if (hasOutput) {
        xml.writeCharacters("\n      ");
        xml.writeStartElement("system-out");
        text(xml, test.output());
        xml.writeEndElement();
      }
      xml.writeCharacters("\n    ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
    }
    xml.writeCharacters("  ");
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  private static void testcase(XMLStreamWriter xml, String classname, String name, String time)
      throws XMLStreamException {
    xml.writeCharacters("    ");
    xml.writeStartElement("testcase");
    testcaseAttributes(xml, classname, name, time);
  }

  private static void testcaseAttributes(XMLStreamWriter xml, String classname, String name, String time)
      throws XMLStreamException {
    attribute(xml, "classname", classname);
    attribute(xml, "name", name);
    attribute(xml, "time", time);
  }

  private static void outcome(XMLStreamWriter xml, String element, String type, String message, String detail)
      throws XMLStreamException {
    xml.writeCharacters("\n      ");
    xml.writeStartElement(element);
    attribute(xml, "type", type);
    attribute(xml, "message", firstLine(message));
    text(xml, detail);
    xml.writeEndElement();
  }

  private static String detail(TestResult test) {
    StringBuilder detail = new StringBuilder(test.message() == null ? "" : test.message().strip());
    if (!test.measurements().isEmpty()) {
      detail.append(detail.length() == 0 ? "" : "\n").append("measured: ").append(ReportText.measurements(test.measurements()));
    }
    return detail.toString();
  }

  private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeCharacters("      ");
    xml.writeEmptyElement("property");
    attribute(xml, "name", name);
    attribute(xml, "value", value);
    xml.writeCharacters("\n");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String stripped = message.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }

  private static void text(XMLStreamWriter xml, String value) throws XMLStreamException {
    xml.writeCharacters(legal(value));
  }

  /** An attribute; line breaks and tabs become spaces, since a parser would normalise them anyway. */
  private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeAttribute(name, legal(value).replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
  }

  /** Keeps what XML 1.0 allows (tab, line breaks, and no other control characters); the rest becomes {@code ?}. */
  static String legal(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().forEach(c -> {
      boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
      out.appendCodePoint(allowed ? c : '?');
    });
    return out.toString();
  }
}
