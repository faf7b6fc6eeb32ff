package grader.suites.compare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.fail;

import grader.suites.support.Feedback;
import grader.suites.support.StubServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The binary files the compare suites serve, and the check that a downloader saved them byte for
 * byte where the contract says, returning the paths in the order of the URLs.
 *
 * <p>The bodies are seeded random bytes that start with the sequences text handling breaks: NUL,
 * CR LF, and bytes that are not valid UTF-8. Decoding a body to a {@code String} and writing it
 * back changes its length and its SHA-256, so a downloader that treats files as text is caught.
 * Each file is served at {@code /<scenario>/files/<name>} for any scenario, so every test uses
 * its own URLs (and its own gate prefix) for the same bytes.
 */
final class ServedFiles {

  /** Eight names; a test uses the first few. */
  static final List<String> NAMES = List.of(
      "alpha.bin", "bravo.bin", "charlie.bin", "delta.bin", "echo.bin", "foxtrot.bin", "golf.bin", "hotel.bin");

  /** The file no scenario has: it answers 404. */
  static final String MISSING = "missing.bin";

  private static final byte[] NASTY_PREFIX = {
      0x00, '\r', '\n', (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0x80, '\r', '\n',
      (byte) 0xE2, (byte) 0x82, 0x00, (byte) 0xF0, (byte) 0x9F, '\n', '\r'
  };

  private final Map<String, byte[]> contents;

  private ServedFiles(Map<String, byte[]> contents) {
    this.contents = contents;
  }

  /** The same files every run: sizes from 16 KiB to about 130 KiB. */
  static ServedFiles generate() {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    for (int i = 0; i < NAMES.size(); i++) {
      byte[] bytes = new byte[16 * 1024 + i * 16 * 1024 + 37 * i];
      new Random(4_2025L + i).nextBytes(bytes);
      System.arraycopy(NASTY_PREFIX, 0, bytes, 0, NASTY_PREFIX.length);
      contents.put(NAMES.get(i), bytes);
    }
    return new ServedFiles(contents);
  }

  /** Serves every file under {@code /<any scenario>/files/} at once, and 404 for {@link #MISSING}. */
  void stubAll(StubServer server) {
    contents.forEach((name, bytes) -> server.stubMatching("/[^/]+/files/" + name.replace(".", "\\."),
        aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream").withBody(bytes)));
    server.stubMatching("/[^/]+/files/" + MISSING.replace(".", "\\."),
        aResponse().withStatus(404).withHeader("Content-Type", "text/plain").withBody("no such file here"));
  }

  /** Serves the first {@code count} files under {@code /<scenario>/files/}, each after {@code delayMillis}. */
  void stubDelayed(StubServer server, String scenario, int count, int delayMillis) {
    for (String name : NAMES.subList(0, count)) {
      server.stubBytes("/" + scenario + "/files/" + name, contents.get(name), delayMillis);
    }
  }

  /**
   * Serves the first {@code count} files under {@code /<scenario>/files/} slowly: each body in
   * {@code chunks} pieces spread over {@code totalMillis}, so for that long a client that streams
   * the body to disk has part of the file there while the response is still open.
   */
  void stubDribbled(StubServer server, String scenario, int count, int chunks, int totalMillis) {
    for (String name : NAMES.subList(0, count)) {
      server.stub("/" + scenario + "/files/" + name, aResponse().withStatus(200)
          .withHeader("Content-Type", "application/octet-stream").withBody(contents.get(name))
          .withChunkedDribbleDelay(chunks, totalMillis));
    }
  }

  /** The size of each of the first {@code count} files, by name. */
  Map<String, Long> sizes(int count) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    NAMES.subList(0, count).forEach(name -> sizes.put(name, (long) contents.get(name).length));
    return sizes;
  }

  /** The URLs of the first {@code count} files under {@code /<scenario>/files/}. */
  static List<URI> urls(StubServer server, String scenario, int count) {
    return NAMES.subList(0, count).stream().map(name -> url(server, scenario, name)).toList();
  }

  static URI url(StubServer server, String scenario, String name) {
    return server.uri("/" + scenario + "/files/" + name);
  }

  static String lastSegment(URI url) {
    String path = url.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * Fails unless {@code returned} lists {@code dir/<last segment>} for each URL in order and each
   * file holds exactly the served bytes.
   */
  void assertSaved(String call, List<URI> urls, Path dir, List<Path> returned) throws IOException {
    if (returned == null) {
      fail(Feedback.of(call + " returns the saved files", "it returned null",
          "return the list of files, one per URL, in the order of the URLs."));
    }
    List<Path> expected = urls.stream().map(u -> dir.resolve(lastSegment(u))).toList();
    List<Path> actual = new ArrayList<>();
    for (Path path : returned) {
      actual.add(path == null ? null : path.toAbsolutePath().normalize());
    }
    List<Path> expectedAbsolute = expected.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    if (!expectedAbsolute.equals(actual)) {
      fail(Feedback.of(
          call + " returns " + expectedAbsolute,
          "it returned " + returned,
          "save each URL to dir.resolve(<last segment of the URL's path>) and return those paths in the "
              + "order of the URLs, not in the order the downloads finished."));
    }
    for (int i = 0; i < urls.size(); i++) {
      String name = lastSegment(urls.get(i));
      Path file = expected.get(i);
      byte[] served = contents.get(name);
      if (!Files.isRegularFile(file)) {
        fail(Feedback.of(call + " saves " + urls.get(i) + " as " + file,
            "there is no such file", "write each body to dir/<last segment of the URL's path>."));
      }
      byte[] saved = Files.readAllBytes(file);
      if (!MessageDigest.isEqual(sha256(served), sha256(saved))) {
        fail(Feedback.of(
            file.getFileName() + " holds the " + served.length + " bytes the server sent (SHA-256 "
                + hex(sha256(served)) + ")",
            "it holds " + saved.length + " bytes (SHA-256 " + hex(sha256(saved)) + "), first difference at "
                + difference(served, saved),
            "the files are binary: keep the body as bytes from the socket to the disk (BodyHandlers.ofFile, "
                + "or ofByteArray/ofInputStream and Files.write/copy). Decoding to a String (ofString, "
                + "new String(bytes), readers and writers) replaces bytes that are not valid UTF-8."));
      }
    }
  }

  private static String difference(byte[] expected, byte[] actual) {
    int length = Math.min(expected.length, actual.length);
    for (int i = 0; i < length; i++) {
      if (expected[i] != actual[i]) {
        return "byte " + i + " (expected 0x" + HexFormat.of().toHexDigits(expected[i]) + ", found 0x"
            + HexFormat.of().toHexDigits(actual[i]) + ")";
      }
    }
    return "byte " + length + " (one file ends there)";
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest).substring(0, 16) + "...";
  }
}
