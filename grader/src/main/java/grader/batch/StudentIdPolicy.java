package grader.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives a stable, file-system-safe student id from the name of a folder or zip that an LMS wrote.
 *
 * <p>Only the part of the name the LMS itself writes may decide the id: an LMS appends the file
 * name the student chose, so a pattern that could match inside that tail would let a student pick
 * another student's id. The rule (documented for instructors in docs/BATCH.md):
 *
 * <ol>
 *   <li>drop a trailing {@code .zip};
 *   <li>recognise the LMS download formats, each anchored at the start of the name, where the LMS
 *       writes:
 *       <ul>
 *         <li>Moodle {@code <Full Name>_<participant id>_assignsubmission_<plugin>_[<file>]}: the full name;
 *         <li>Canvas {@code <lastfirst>_[LATE_]<user id>_<attachment id>[_<file>]} (lastfirst has no
 *             {@code _}): lastfirst;
 *         <li>Blackboard {@code <assignment>_<user>_attempt_<yyyy-mm-dd-hh-mm-ss>[_<file>]}: the user
 *             in front of the first {@code _attempt_<timestamp>};
 *         <li>Gradescope {@code submission_<id>}: the whole name (the student is in the export's
 *             metadata, not in the folder name);
 *       </ul>
 *       when two formats match with different ids, the name is <em>ambiguous</em>: the whole name
 *       is kept and {@link #ambiguity} says so for the batch row;
 *   <li>Brightspace-like {@code 123-456 - Alice Smith - Nov 20, 2026 1234 PM} and {@code Alice Smith
 *       - 2026-11-20}: split on {@code " - "} and keep the first part that is neither a number nor a
 *       date;
 *   <li>normalise: accents removed (NFKD), lower case, every run of characters other than {@code
 *       a-z 0-9 _} becomes one {@code -}, no {@code -} or {@code _} at either end, at most 64
 *       characters;
 *   <li>a name with nothing left (e.g. written only in a non-Latin script) becomes {@code student-}
 *       + the first 8 hex digits of the SHA-256 of the name.
 * </ol>
 *
 * Entries whose ids collide are sorted by their original names: the first keeps the id, the next
 * ones get {@code -2}, {@code -3}, ... (skipping ids that are taken).
 */
public final class StudentIdPolicy {
  static final int MAX_LENGTH = 64;
  private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?");
  private static final Pattern ZIP_SUFFIX = Pattern.compile("(?i)\\.zip$");
  /** The LMS download formats; group 1 is the person (or the whole name for Gradescope). */
  private static final List<LmsFormat> FORMATS = List.of(
      new LmsFormat("Moodle", Pattern.compile("^(.+?)_\\d+_assignsubmission_[a-z]+_.*$", Pattern.CASE_INSENSITIVE)),
      new LmsFormat("Canvas", Pattern.compile("^([^_]+)_(?:late_)?\\d+_\\d+(?:_.*)?$", Pattern.CASE_INSENSITIVE)),
      new LmsFormat("Blackboard", Pattern.compile(
          "^.+?_([^_]+)_attempt_\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}(?:_.*)?$", Pattern.CASE_INSENSITIVE)),
      new LmsFormat("Gradescope", Pattern.compile("^(submission_\\d+)$", Pattern.CASE_INSENSITIVE)));
  private static final Pattern DASH_SEPARATOR = Pattern.compile("\\s+-\\s+");
  private static final Pattern NUMBERS_ONLY = Pattern.compile("^[\\d\\s:.,_/-]*$");
  private static final Pattern DATE_WITH_MONTH =
      Pattern.compile("(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d.*$");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_SAFE = Pattern.compile("[^a-z0-9_]+");
  private static final Set<String> WINDOWS_RESERVED =
      Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
          "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  /** Whether {@code id} is something this policy can produce: safe as a folder name anywhere. */
  public static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches() && !WINDOWS_RESERVED.contains(id);
  }

  /** The id for one entry name, before collisions are resolved. */
  public String derive(String entryName) {
    String name = ZIP_SUFFIX.matcher(entryName.strip()).replaceFirst("").strip();
    String person = personPart(name);
    String id = normalise(person);
    if (id.isEmpty() && !person.equals(name)) {
      id = normalise(name);
    }
    if (id.isEmpty()) {
      id = "student-" + sha256Hex(entryName).substring(0, 8);
    }
    if (WINDOWS_RESERVED.contains(id)) {
      id = id + "-student";
    }
    return id;
  }

  /**
   * Assigns ids to all entry names at once, resolving collisions deterministically.
   *
   * @return entry name -> id, in order of the original names
   */
  public Map<String, String> assign(List<String> entryNames) {
    List<String> sorted = new ArrayList<>(entryNames);
    sorted.sort(Comparator.naturalOrder());
    Map<String, String> derived = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String name : sorted) {
      if (derived.containsKey(name)) {
        throw new IllegalArgumentException("entry name '" + name + "' appears twice");
      }
      String id = derive(name);
      derived.put(name, id);
      counts.merge(id, 1, Integer::sum);
    }
    Set<String> taken = new HashSet<>(derived.values());
    Set<String> firstSeen = new HashSet<>();
    Map<String, String> assigned = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : derived.entrySet()) {
      String id = entry.getValue();
      if (firstSeen.add(id)) {
        assigned.put(entry.getKey(), id);
        continue;
      }
      int suffix = 2;
      String candidate = withSuffix(id, suffix);
      while (taken.contains(candidate)) {
        candidate = withSuffix(id, ++suffix);
      }
      taken.add(candidate);
      assigned.put(entry.getKey(), candidate);
    }
    return assigned;
  }

  private static String withSuffix(String id, int suffix) {
    String tail = "-" + suffix;
    String head = id.length() + tail.length() > MAX_LENGTH ? trimEnds(id.substring(0, MAX_LENGTH - tail.length())) : id;
    return head + tail;
  }

  private record LmsFormat(String lms, Pattern pattern) {}

  /** One LMS format that a name fits, and the person it names. */
  record LmsMatch(String lms, String person) {}

  /** Every LMS format {@code name} (without {@code .zip}) fits, in the order of {@link #FORMATS}. */
  static List<LmsMatch> lmsMatches(String name) {
    List<LmsMatch> found = new ArrayList<>();
    for (LmsFormat format : FORMATS) {
      Matcher matcher = format.pattern().matcher(name);
      if (matcher.matches()) {
        found.add(new LmsMatch(format.lms(), matcher.group(1)));
      }
    }
    return found;
  }

  /**
   * Why the id of {@code entryName} is its whole name although it looks like an LMS download: it
   * fits two formats that would give different ids. Empty when the name is not ambiguous.
   */
  public java.util.Optional<String> ambiguity(String entryName) {
    String name = ZIP_SUFFIX.matcher(entryName.strip()).replaceFirst("").strip();
    List<LmsMatch> matches = lmsMatches(name);
    if (matches.stream().map(m -> normalise(m.person())).distinct().count() < 2) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("the name fits " + matches.stream().map(m -> m.lms() + " (id '" + normalise(m.person())
        + "')").collect(java.util.stream.Collectors.joining(" and ")) + ", so the whole name is the id; check who it is");
  }

  private static String personPart(String name) {
    List<LmsMatch> matches = lmsMatches(name);
    if (matches.stream().map(m -> normalise(m.person())).distinct().count() > 1) {
      return name;
    }
    if (!matches.isEmpty()) {
      return matches.get(0).person();
    }
    String[] parts = DASH_SEPARATOR.split(name);
    if (parts.length > 1) {
      for (String part : parts) {
        String p = part.strip();
        if (!p.isEmpty() && !NUMBERS_ONLY.matcher(p).matches() && !DATE_WITH_MONTH.matcher(p).matches()) {
          return p;
        }
      }
    }
    return name;
  }

  static String normalise(String text) {
    String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    String lower = ascii.toLowerCase(Locale.ROOT).replace("ß", "ss");
    String safe = NOT_SAFE.matcher(lower).replaceAll("-");
    safe = trimEnds(safe);
    if (safe.length() > MAX_LENGTH) {
      safe = trimEnds(safe.substring(0, MAX_LENGTH));
    }
    return safe;
  }

  private static String trimEnds(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == '-' || s.charAt(start) == '_')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == '-' || s.charAt(end - 1) == '_')) {
      end--;
    }
    return s.substring(start, end);
  }

  private static String sha256Hex(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
