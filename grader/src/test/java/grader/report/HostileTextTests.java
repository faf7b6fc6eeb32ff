package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import grader.scorecard.Scorecard;
import grader.scorecard.ScorecardJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * One hostile string ({@link SampleScorecards#HOSTILE}) through every renderer: whatever a student
 * writes stays text in each format and cannot steer a terminal, a job summary, a CI tool or a
 * spreadsheet.
 */
class HostileTextTests {
  private static final Scorecard CARD = SampleScorecards.hostile();
  /** The grader's own styling: SGR sequences only. */
  private static final Pattern GRADER_SGR = Pattern.compile("\u001b\\[[0-9;]*m");

  @Test
  void theTerminalGetsNoControlCharacterFromTheStudent() {
    for (boolean colour : List.of(false, true)) {
      String text = new TerminalReport(colour).render(CARD);
      String withoutStyling = GRADER_SGR.matcher(text).replaceAll("");
      assertNoTerminalControls(withoutStyling);
      assertFalse(text.contains("\u001b[31mred"), "the student's own colour is gone");
      assertTrue(text.contains("?[31mred?[0m"), "shown, neutralised:\n" + text);
    }
  }

  @Test
  void sanitizeKeepsLineBreaksTabsAndRealCharacters() {
    assertEquals("a\tb\nc?d?e\uD83D\uDE00 ü ?", TerminalText.sanitize("a\tb\r\nc\u001bd\u202Ee\uD83D\uDE00 ü \uD800"));
    assertEquals("a b", TerminalText.line("a\nb"));
  }

  @Test
  void markdownShowsStudentTextLiterallyAsGitHubWouldRenderIt() {
    String markdown = new MarkdownReport().render(CARD);
    assertNoTerminalControls(markdown);
    var gfm = List.of(TablesExtension.create(), AutolinkExtension.create());
    String html = HtmlRenderer.builder().extensions(gfm).build().render(Parser.builder().extensions(gfm).build()
        .parse(markdown));
    String outsideCode = html.replaceAll("(?s)<pre>.*?</pre>", "").replaceAll("(?s)<code>.*?</code>", "");
    for (String forbidden : List.of("<a ", "<img", "<script", "<strong>bold", "<em>em", "<del>", "@octocat",
        "\\|")) {
      assertFalse(outsideCode.contains(forbidden), forbidden + " outside code in:\n" + html);
    }
    // Every table row keeps its columns: the student's pipes did not add cells.
    Matcher rows = Pattern.compile("(?s)<tr>(.*?)</tr>").matcher(html);
    int checked = 0;
    while (rows.find()) {
      int cells = rows.group(1).split("<t[dh]", -1).length - 1;
      assertTrue(cells == 3, "a row of 3 cells, was " + cells + ": " + rows.group(1));
      checked++;
    }
    assertTrue(checked >= 4, "tables were rendered:\n" + html);
    assertTrue(html.contains("<code>" + "eve **bold**"), "the id is shown literally:\n" + html);
  }

  @Test
  void literalSpansOutlastAnyBackticksInside() {
    assertEquals("````a ``` b````", MarkdownReport.literal("a ``` b"));
    assertEquals("`` `x` ``", MarkdownReport.literal("`x`"));
    assertEquals("`a | b`", MarkdownReport.literal("a | b"));
    assertEquals("", MarkdownReport.literal(null));
  }

  @Test
  void junitXmlIsValidAndKeepsTheText() throws Exception {
    String xml = new JUnitXmlReport().render(CARD);
    JUnitSchema.assertValid(xml);
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    String name = ((org.w3c.dom.Element) document.getElementsByTagName("testcase").item(2)).getAttribute("name");
    assertTrue(name.startsWith("**bold** _em_ [link](https://evil.example) <img src=x onerror=alert(1)>"), name);
    assertTrue(name.contains("]]> &amp; \"q\""), name);
    assertFalse(xml.contains("]]>"), "CDATA's end never appears raw");
  }

  @Test
  void jsonExportsAreValidWhateverTheText() throws Exception {
    JsonNode gradescope = new ObjectMapper().readTree(new GradescopeReport().render(CARD));
    assertTrue(gradescope.get("tests").size() > 0);
    String json = ScorecardJson.toJson(CARD);
    new ObjectMapper().readTree(json);
    assertFalse(json.contains("\u001b"), "control characters are \\u-escaped in JSON");
  }

  /** No C0 control but line feed and tab, no DEL or C1, no bidi control, no lone surrogate. */
  static void assertNoTerminalControls(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        i++;
        continue;
      }
      boolean bad = (Character.isISOControl(c) && c != '\n' && c != '\t') || Character.isSurrogate(c)
          || TerminalText.isBidiControl(c);
      assertFalse(bad, String.format("U+%04X at %d in:%n%s", (int) c, i, text));
    }
  }
}
