package grader.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which part of a batch one machine grades: shard {@code index} of {@code count}, 1-based like
 * {@code --shard 2/4}.
 *
 * <p>Students are sorted by id and dealt out round-robin: the student at position {@code k}
 * (0-based) goes to shard {@code k mod count + 1}. Shards differ in size by at most one, and every
 * shard that sees the same submissions folder computes the same split.
 */
public record ShardSpec(int index, int count) {
  /** The whole batch on one machine. */
  public static final ShardSpec ALL = new ShardSpec(1, 1);

  private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

  public ShardSpec {
    if (count < 1) {
      throw new IllegalArgumentException("shard count must be at least 1, was " + count);
    }
    if (index < 1 || index > count) {
      throw new IllegalArgumentException(
          "shard index must be between 1 and " + count + ", was " + index
              + (index == 0 ? " (shards are numbered from 1: add 1 to a 0-based JOB_COMPLETION_INDEX)" : ""));
    }
  }

  /** Parses {@code "i/N"}. */
  public static ShardSpec parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("shard must look like i/N, e.g. 2/4 (the 2nd of 4 shards), was '" + text + "'");
    }
    return new ShardSpec(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** This shard's part of {@code sorted}, which must already be in id order. */
  public <T> List<T> select(List<T> sorted) {
    List<T> mine = new ArrayList<>();
    for (int k = index - 1; k < sorted.size(); k += count) {
      mine.add(sorted.get(k));
    }
    return List.copyOf(mine);
  }

  public boolean isWhole() {
    return count == 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
