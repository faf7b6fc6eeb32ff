package grader.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a batch output folder covers, kept as {@code OUT/batch.json}: which shard of which listing
 * of the submissions folder, and the ids of its students. {@code grader merge} uses it to check
 * that the shards belong together and that none is missing.
 *
 * @param listingSha256 SHA-256 over every discovered student's id and source name, in id order:
 *     equal on every shard that saw the same submissions folder
 * @param listingCount how many students the whole folder holds
 * @param shard {@code i/N} of this output ({@code 1/1} for an unsharded or merged one)
 * @param ids the students of this output, in id order
 */
public record BatchManifest(String schema, String listingSha256, int listingCount, String shard, List<String> ids) {
  public static final String SCHEMA = "concurrency-grader/batch/v1";
  public static final String FILE = "batch.json";

  public BatchManifest {
    schema = schema == null ? SCHEMA : schema;
    Objects.requireNonNull(listingSha256, "listing_sha256 must not be null");
    Objects.requireNonNull(shard, "shard must not be null");
    ids = List.copyOf(ids);
  }

  public static String listingSha256(List<StudentSubmission> all) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (StudentSubmission s : all) {
        digest.update((s.id() + "\t" + s.source() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  public ShardSpec shardSpec() {
    return ShardSpec.parse(shard);
  }
}
