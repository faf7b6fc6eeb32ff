package grader.cli;

import java.util.List;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Words picocli's parse errors as this command line always has: "unknown option --quiet",
 * "--out needs a value", "--force takes no value"; anything else keeps picocli's own message.
 */
final class UsageMessages {
  private UsageMessages() {}

  static String of(ParameterException e) {
    if (e instanceof UnmatchedArgumentException) {
      List<String> unmatched = ((UnmatchedArgumentException) e).getUnmatched();
      if (!unmatched.isEmpty()) {
        String first = unmatched.get(0);
        // --flag=value for a flag arrives unmatched as a whole: name the flag.
        String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
        OptionSpec flag = e.getCommandLine().getCommandSpec().findOption(name);
        if (flag != null && flag.arity().max() == 0) {
          return name + " takes no value";
        }
        return first.startsWith("-") ? "unknown option " + first : "unexpected argument " + first;
      }
    }
    if (e instanceof MissingParameterException) {
      for (ArgSpec missing : ((MissingParameterException) e).getMissing()) {
        if (missing.isOption()) {
          return ((OptionSpec) missing).longestName() + " needs a value";
        }
      }
    }
    ArgSpec argument = e.getArgSpec();
    if (argument != null && argument.isOption() && ((OptionSpec) argument).arity().max() == 0) {
      return ((OptionSpec) argument).longestName() + " takes no value";
    }
    String message = e.getMessage();
    return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }
}
