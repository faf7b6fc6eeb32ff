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
 * <p>The rule (documented for instructors in docs/BATCH.md):
 *
 * <ol>
 *   <li>drop a trailing {@code .zip};
 *   <li>Blackboard {@code <assignment>_<user>_attempt_<date>...}: keep {@code <user>};
 *   <li>Moodle {@code <Full Name>_<digits>_assignsubmission_file_} and Canvas {@code
 *       <name>_[LATE_]<digits>_...}: keep what precedes the first {@code _} + 3 or more digits;
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
  private static final Pattern BLACKBOARD = Pattern.compile("^.*?_([^_]+)_attempt_\\d[\\d-]*(?:_.*)?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern LMS_NUMBER = Pattern.compile("^(.+?)_(?:late_)?\\d{3,}(?:_.*)?$", Pattern.CASE_INSENSITIVE);
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

  private static String personPart(String name) {
    Matcher blackboard = BLACKBOARD.matcher(name);
    if (blackboard.matches()) {
      return blackboard.group(1);
    }
    Matcher numbered = LMS_NUMBER.matcher(name);
    if (numbered.matches()) {
      name = numbered.group(1);
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
