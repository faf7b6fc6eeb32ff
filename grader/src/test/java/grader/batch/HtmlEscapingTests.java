package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch's pages through {@link Html#escape}, their one escaping, with text a student controls. */
class HtmlEscapingTests {
  private static final String HOSTILE = "<img src=x onerror=alert(1)> <script>alert(2)</script> \"q\" 'a' & "
      + "\u001b[31mred \u0007 \u009b \u202Egnp.exe \uD800 \u0000 =1+1;";

  @Test
  void escapesMarkupAndReplacesWhatWouldMakeThePageInvalidOrMisleading() {
    assertEquals("&lt;b&gt; &amp; &quot;q&quot; &#39;a&#39; \uFFFD[31m \uFFFD \uFFFD \uFFFDx \uFFFD \uD83D\uDE00\nok",
        Html.escape("<b> & \"q\" 'a' \u001b[31m \u0007 \u009b \u202Ex \uD800 \uD83D\uDE00\nok"));
  }

  @Test
  void studentAndGradebookPagesKeepHostileTextInert() {
    StudentOutcome eve = StudentOutcome.error(new StudentSubmission("eve", HOSTILE, Path.of("eve"), null), "in", "fp",
        HOSTILE, 0);
    String student = new StudentPageWriter().render(eve, HOSTILE + "\n" + HOSTILE);
    String gradebook = new GradebookPageWriter().render(BatchSummary.of(List.of(eve), List.of("threads")));
    for (String page : List.of(student, gradebook)) {
      assertFalse(page.contains("<img"), page);
      assertFalse(page.contains("<script>alert"), page);
      assertTrue(page.chars().noneMatch(c -> (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || (c >= 0x7f && c <= 0x9f)
          || c == 0x202E || Character.isSurrogate((char) c)), "no control, bidi or lone surrogate in the page");
    }
  }
}
