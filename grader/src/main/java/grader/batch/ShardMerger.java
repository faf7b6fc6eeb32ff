package grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Combines the outputs of {@code grader batch --shard i/N} runs into one batch output: the
 * students' folders side by side and one summary (csv, json, gradebook), exactly as one unsharded
 * run would have written them.
 *
 * <p>Refuses shards that saw different submissions folders, a shard missing from 1..N, or one
 * student in two shards with different results; a shard given twice counts once.
 */
public final class ShardMerger {
  private final List<String> exerciseOrder;

  public ShardMerger(List<String> exerciseOrder) {
    this.exerciseOrder = List.copyOf(exerciseOrder);
  }

  /** What a merge produced; {@code pending} lists students without a result in their shard. */
  public record MergeResult(BatchSummary summary, List<String> pending) {}

  /**
   * Merges the shard outputs in {@code shardDirs} into {@code outDir}.
   *
   * @throws BatchInputException if the shard outputs do not belong together or one is missing
   */
  public MergeResult merge(List<Path> shardDirs, Path outDir) throws BatchInputException, IOException {
    if (shardDirs.isEmpty()) {
      throw new BatchInputException("merge needs at least one shard output folder");
    }
    Path out = outDir.toAbsolutePath().normalize();
    Map<Integer, Path> shards = new TreeMap<>();
    BatchManifest first = null;
    Map<Path, BatchManifest> manifests = new LinkedHashMap<>();
    for (Path dir : shardDirs) {
      Path shardDir = dir.toAbsolutePath().normalize();
      BatchManifest manifest = new BatchOutput(shardDir).readManifest();
      if (shardDir.equals(out) && shardDirs.size() > 1) {
        throw new BatchInputException("--out " + outDir + " is one of the shard outputs: merge into a new folder");
      }
      ShardSpec spec = manifest.shardSpec();
      if (first == null) {
        first = manifest;
      } else if (!first.listingSha256().equals(manifest.listingSha256())) {
        throw new BatchInputException("shard outputs " + shardDirs.get(0) + " and " + dir
            + " graded different submissions folders (" + first.listingCount() + " vs " + manifest.listingCount()
            + " students, listings differ): give every shard the same folder");
      } else if (first.shardSpec().count() != spec.count()) {
        throw new BatchInputException("shard outputs disagree on the number of shards: " + first.shard() + " in "
            + shardDirs.get(0) + ", " + manifest.shard() + " in " + dir);
      }
      Path previous = shards.putIfAbsent(spec.index(), shardDir);
      if (previous != null && !previous.equals(shardDir) && !sameFiles(previous, shardDir, manifest)) {
        throw new BatchInputException("shard " + spec + " is given twice with different results: " + previous + " and " + dir);
      }
      manifests.putIfAbsent(shardDir, manifest);
    }
    int count = first.shardSpec().count();
    List<Integer> missing = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      if (!shards.containsKey(i)) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      throw new BatchInputException("missing shard output(s) " + missing.stream().map(i -> i + "/" + count).toList()
          + ": merge needs all " + count + " shards");
    }

    BatchOutput output = new BatchOutput(out);
    Files.createDirectories(out);
    List<StudentOutcome> outcomes = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    List<String> allIds = new ArrayList<>();
    for (Path shardDir : shards.values()) {
      BatchManifest manifest = manifests.get(shardDir);
      BatchOutput shard = new BatchOutput(shardDir);
      for (String id : manifest.ids()) {
        allIds.add(id);
        StudentFolder source = shard.student(id);
        var outcome = source.read();
        if (outcome.isEmpty()) {
          pending.add(id);
          outcomes.add(new StudentOutcome(
              new StudentEntry(null, id, "", "", "", StudentStatus.PENDING, "not graded: shard " + manifest.shard()
                  + " has no complete result for this student", 0), null));
          continue;
        }
        if (!shardDir.equals(out)) {
          copyFolder(source.dir(), output.student(id).dir());
        }
        outcomes.add(outcome.get());
      }
    }
    allIds.sort(null);
    output.writeManifest(new BatchManifest(null, first.listingSha256(), first.listingCount(), ShardSpec.ALL.toString(), allIds));
    BatchSummary summary = BatchSummary.of(outcomes, exerciseOrder);
    output.writeSummary(summary);
    return new MergeResult(summary, List.copyOf(pending));
  }

  private static boolean sameFiles(Path a, Path b, BatchManifest manifest) throws IOException {
    for (String id : manifest.ids()) {
      Path entryA = a.resolve(id).resolve(StudentFolder.ENTRY);
      Path entryB = b.resolve(id).resolve(StudentFolder.ENTRY);
      if (Files.exists(entryA) != Files.exists(entryB)
          || (Files.exists(entryA) && Files.mismatch(entryA, entryB) != -1)) {
        return false;
      }
    }
    return true;
  }

  /** Copies a student's folder file by file (atomically each, entry last); no links followed. */
  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    Files.deleteIfExists(to.resolve(StudentFolder.ENTRY));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Path entry = null;
    for (Path file : files) {
      Path relative = from.relativize(file);
      if (relative.toString().equals(StudentFolder.ENTRY)) {
        entry = file;
        continue;
      }
      AtomicFileWriter.write(to.resolve(relative), Files.readAllBytes(file));
    }
    if (entry != null) {
      AtomicFileWriter.write(to.resolve(StudentFolder.ENTRY), Files.readAllBytes(entry));
    }
  }
}
