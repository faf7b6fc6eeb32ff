package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitXmlReportTests {

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches("junit.xml", new JUnitXmlReport().render(SampleScorecards.mixed()));
  }

  @Test
  void isWellFormedWithTheCountsCiToolsRead() throws Exception {
    String xml = new JUnitXmlReport().render(SampleScorecards.mixed());

    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element root = document.getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    assertEquals("13", root.getAttribute("tests"));
    assertEquals("2", root.getAttribute("failures"));
    assertEquals("3", root.getAttribute("errors"));
    assertEquals("", root.getAttribute("skipped"), "junit-10.xsd allows no skipped on testsuites");
    assertEquals(4, document.getElementsByTagName("testsuite").getLength());
    assertEquals("a bad status <500> & its URI | \"quoted\"",
        ((Element) document.getElementsByTagName("testcase").item(11)).getAttribute("name"));
  }

  @Test
  void validatesAgainstTheJenkinsXunitSchema() {
    JUnitSchema.assertValid(new JUnitXmlReport().render(SampleScorecards.mixed()));
  }

  @Test
  void controlCharactersAndLoneSurrogatesNeverMakeTheXmlInvalid() {
    assertEquals("a?b & <c> ?", JUnitXmlReport.legal("a\u0000b & <c> \uD800"));
  }

  @Test
  void showsBytecodePolicyFindingsLikeCompileErrors() throws Exception {
    String report = new JUnitXmlReport().render(SampleScorecards.policyRefusal());

    Golden.assertMatches("policy/junit.xml", report);
    assertTrue(report.contains("SleepyThreads.java:14: policy: java.lang.Class.forName is not allowed"), report);
  }
}
