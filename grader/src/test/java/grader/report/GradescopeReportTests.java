package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class GradescopeReportTests {

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches("gradescope-results.json", new GradescopeReport().render(SampleScorecards.mixed()));
  }

  @Test
  void theEntriesAddUpToTheScorecard() throws Exception {
    JsonNode results = new ObjectMapper().readTree(new GradescopeReport().render(SampleScorecards.mixed()));

    BigDecimal score = BigDecimal.ZERO;
    BigDecimal max = BigDecimal.ZERO;
    for (JsonNode test : results.get("tests")) {
      score = score.add(test.get("score").decimalValue());
      max = max.add(test.get("max_score").decimalValue());
    }
    assertEquals(0, score.compareTo(new BigDecimal("37.5")));
    assertEquals(0, max.compareTo(new BigDecimal("100")));
    assertEquals(0, results.get("score").decimalValue().compareTo(new BigDecimal("37.5")));
  }
}
