package grader.cli;

import grader.batch.JobsPolicy;
import grader.report.Golden;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The usage texts, word for word: every option's name, value label, help text and default, in the
 * order {@code --help} shows them, so moving a declaration (into a mixin) cannot change what users
 * read. The lines that depend on the machine or the rubric index are written as placeholders, so
 * neither another core count nor a new exercise changes these files.
 */
class UsageGoldenTests {
  @Test
  void eachCommandsUsageIsAsWritten() throws IOException {
    for (Command command : Main.commands()) {
      Golden.assertMatches("usage/" + Main.name(command) + ".txt", placeholders(Main.usage(Main.parser(command))));
    }
  }

  @Test
  void theOverviewIsAsWritten() throws IOException {
    Golden.assertMatches("usage/overview.txt", placeholders(Main.help()));
  }

  private static String placeholders(String text) {
    return text.replace(String.join(", ", Main.exerciseIds()), "<the exercises of the rubric index>")
        .replace("here " + JobsPolicy.defaultJobs() + ")", "here <default jobs>)");
  }
}
