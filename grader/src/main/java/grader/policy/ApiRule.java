package grader.policy;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rule of the allow-list ({@code grader/policy/allowed-api.txt}): which types or members it
 * covers, what it decides, and the sentence the student reads when it refuses.
 *
 * @param kind what the rule decides
 * @param patterns type patterns ({@code java.util.**}, {@code java.lang.*Exception}, {@code
 *     java.lang.Thread}) or member patterns ({@code java.lang.Thread#stop}); for {@link Kind#ONLY}
 *     one {@code TYPE#member} and then plain member names
 * @param why why the grader refuses it (deny and only rules)
 * @param instead what to use instead, or {@code ""}
 * @param line the rule's line in the file, for error messages
 */
record ApiRule(Kind kind, List<String> patterns, String why, String instead, int line) {

  /** What a rule decides. */
  enum Kind {
    /** The types may be used. */
    ALLOW,
    /** The types or members are refused. */
    DENY,
    /** Only the listed members of one type may be used. */
    ONLY,
    /** The methods may be invokedynamic or constant-dynamic bootstraps. */
    BOOTSTRAP
  }

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.(\\*\\*|[\\w$*]+)");
  private static final Pattern MEMBER = Pattern.compile("[a-z][\\w.$]*#[\\w<>$*]+");

  ApiRule {
    Objects.requireNonNull(kind, "kind must not be null");
    patterns = List.copyOf(patterns);
    why = why == null ? "" : why;
    instead = instead == null ? "" : instead;
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("line " + line + ": a rule needs at least one pattern");
    }
    if ((kind == Kind.DENY || kind == Kind.ONLY) && why.isBlank()) {
      throw new IllegalArgumentException("line " + line + ": a " + kind.name().toLowerCase() + " rule needs a why: line");
    }
    for (int i = 0; i < patterns.size(); i++) {
      String pattern = patterns.get(i);
      boolean member = kind == Kind.BOOTSTRAP || (kind == Kind.ONLY && i == 0)
          || (kind == Kind.DENY && pattern.contains("#"));
      boolean plainName = kind == Kind.ONLY && i > 0;
      boolean valid = plainName ? pattern.matches("[\\w<>$*]+")
          : member ? MEMBER.matcher(pattern).matches() : TYPE.matcher(pattern).matches();
      if (!valid) {
        throw new IllegalArgumentException("line " + line + ": '" + pattern + "' is not a valid "
            + (plainName ? "member name" : member ? "TYPE#member pattern" : "type pattern"));
      }
    }
  }

  /** How closely {@code pattern} (a type pattern) matches {@code binaryName}; -1 if it does not. */
  static int typeSpecificity(String pattern, String binaryName) {
    int dot = pattern.lastIndexOf('.');
    String packagePart = pattern.substring(0, dot);
    String last = pattern.substring(dot + 1);
    int nameDot = binaryName.lastIndexOf('.');
    String packageName = nameDot < 0 ? "" : binaryName.substring(0, nameDot);
    String simpleName = binaryName.substring(nameDot + 1);
    if (last.equals("**")) {
      return packageName.equals(packagePart) || packageName.startsWith(packagePart + ".")
          ? packagePart.length() : -1;
    }
    if (!packageName.equals(packagePart)) {
      return -1;
    }
    if (last.equals("*")) {
      return 1_000 + packagePart.length();
    }
    if (last.contains("*")) {
      return globMatches(last, simpleName) ? 2_000 + last.length() : -1;
    }
    return last.equals(simpleName) ? 3_000 : -1;
  }

  /** Whether a glob ({@code *} for any characters) matches {@code text} in full. */
  static boolean globMatches(String glob, String text) {
    StringBuilder regex = new StringBuilder();
    String[] parts = glob.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      regex.append(i > 0 ? ".*" : "").append(Pattern.quote(parts[i]));
    }
    return Pattern.matches(regex.toString(), text);
  }

  /** The sentence shown for a refusal: why, and what to use instead where the rule says. */
  String explanation() {
    return why + (instead.isBlank() ? "" : "; instead: " + instead);
  }
}
