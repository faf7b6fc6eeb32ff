package grader.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The allow-list of JDK API, parsed from its text form (see {@code grader/policy/allowed-api.txt}
 * for the format): decides whether a JDK type may be used, whether one of its members is refused,
 * and which bootstrap methods an {@code invokedynamic} may name. Immutable, thread-safe.
 */
final class ApiRules {
  static final String RESOURCE = "/grader/policy/allowed-api.txt";

  private final List<ApiRule> rules;
  // Decisions are pure functions of the rules; remembered because every check asks the same few.
  private final ConcurrentMap<String, TypeDecision> types = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Optional<ApiRule>> members = new ConcurrentHashMap<>();

  private ApiRules(List<ApiRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The grader's own allow-list. */
  static ApiRules standard() {
    try (InputStream in = ApiRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the grader's resource " + RESOURCE + " is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the grader's resource " + RESOURCE, e);
    }
  }

  /**
   * Parses the text form.
   *
   * @throws IllegalArgumentException naming the line of a malformed rule
   */
  static ApiRules parse(String text) {
    List<ApiRule> rules = new ArrayList<>();
    RuleBuilder open = null;
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        if (open == null) {
          throw new IllegalArgumentException("line " + (i + 1) + ": an indented line continues no rule");
        }
        open.continueWith(stripped, i + 1);
        continue;
      }
      if (open != null) {
        rules.add(open.build());
      }
      String[] words = stripped.split("\\s+");
      ApiRule.Kind kind = switch (words[0]) {
        case "allow" -> ApiRule.Kind.ALLOW;
        case "deny" -> ApiRule.Kind.DENY;
        case "only" -> ApiRule.Kind.ONLY;
        case "bootstrap" -> ApiRule.Kind.BOOTSTRAP;
        default -> throw new IllegalArgumentException("line " + (i + 1) + ": unknown rule '" + words[0]
            + "' (known: allow, deny, only, bootstrap)");
      };
      open = new RuleBuilder(kind, i + 1);
      open.patterns.addAll(Arrays.asList(words).subList(1, words.length));
    }
    if (open != null) {
      rules.add(open.build());
    }
    return new ApiRules(rules);
  }

  /** Whether a JDK type may be used, and the rule that decided it ({@code null}: no rule covers it). */
  record TypeDecision(boolean allowed, ApiRule rule) {}

  /** The decision on a JDK type, by its binary name ({@code java.lang.Thread$State}). */
  TypeDecision decideType(String binaryName) {
    return types.computeIfAbsent(binaryName, this::decide);
  }

  private TypeDecision decide(String binaryName) {
    ApiRule best = null;
    int bestScore = -1;
    for (ApiRule rule : rules) {
      if (rule.kind() != ApiRule.Kind.ALLOW && rule.kind() != ApiRule.Kind.DENY) {
        continue;
      }
      for (String pattern : rule.patterns()) {
        if (pattern.contains("#")) {
          continue;
        }
        int score = ApiRule.typeSpecificity(pattern, binaryName);
        if (score > bestScore || (score == bestScore && score >= 0 && rule.kind() == ApiRule.Kind.DENY)) {
          best = rule;
          bestScore = score;
        }
      }
    }
    return best == null ? new TypeDecision(false, null) : new TypeDecision(best.kind() == ApiRule.Kind.ALLOW, best);
  }

  /**
   * The rule that refuses member {@code member} declared by JDK type {@code binaryName}: a deny
   * rule naming it, or an only rule of that type that does not list it.
   */
  Optional<ApiRule> refusalOf(String binaryName, String member) {
    return members.computeIfAbsent(binaryName + "#" + member, key -> refusal(binaryName, member));
  }

  private Optional<ApiRule> refusal(String binaryName, String member) {
    for (ApiRule rule : rules) {
      if (rule.kind() == ApiRule.Kind.DENY) {
        for (String pattern : rule.patterns()) {
          int hash = pattern.indexOf('#');
          if (hash > 0 && pattern.substring(0, hash).equals(binaryName)
              && ApiRule.globMatches(pattern.substring(hash + 1), member)) {
            return Optional.of(rule);
          }
        }
      }
    }
    for (ApiRule rule : rules) {
      if (rule.kind() == ApiRule.Kind.ONLY) {
        String first = rule.patterns().get(0);
        int hash = first.indexOf('#');
        if (first.substring(0, hash).equals(binaryName)) {
          List<String> allowed = new ArrayList<>(rule.patterns().subList(1, rule.patterns().size()));
          allowed.add(first.substring(hash + 1));
          if (allowed.stream().noneMatch(glob -> ApiRule.globMatches(glob, member))) {
            return Optional.of(rule);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code binaryName#method} may bootstrap an invokedynamic or a dynamic constant. */
  boolean isBootstrap(String binaryName, String method) {
    String wanted = binaryName + "#" + method;
    return rules.stream().filter(r -> r.kind() == ApiRule.Kind.BOOTSTRAP)
        .anyMatch(r -> r.patterns().contains(wanted));
  }

  List<ApiRule> rules() {
    return rules;
  }

  /** A rule being read: its first line, then its indented continuation lines. */
  private static final class RuleBuilder {
    final ApiRule.Kind kind;
    final int line;
    final List<String> patterns = new ArrayList<>();
    String why;
    String instead;

    RuleBuilder(ApiRule.Kind kind, int line) {
      this.kind = kind;
      this.line = line;
    }

    void continueWith(String text, int at) {
      if (text.startsWith("why:")) {
        why = join(why, text.substring(4).strip());
      } else if (text.startsWith("instead:")) {
        instead = join(instead, text.substring(8).strip());
      } else if (why == null && instead == null) {
        patterns.addAll(Arrays.asList(text.split("\\s+")));
      } else {
        throw new IllegalArgumentException("line " + at + ": patterns must come before why: and instead:");
      }
    }

    private static String join(String before, String more) {
      return before == null ? more : before + " " + more;
    }

    ApiRule build() {
      return new ApiRule(kind, patterns, why, instead, line);
    }
  }
}
