package grader.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zips for intake tests, including what no honest tool writes (links, {@code ..}, bombs). */
final class Zips {
  private final Map<String, byte[]> entries = new LinkedHashMap<>();
  private final Set<String> links = new java.util.HashSet<>();

  Zips add(String name, String content) {
    entries.put(name, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  Zips add(String name, byte[] content) {
    entries.put(name, content);
    return this;
  }

  /** An entry marked as a Unix symbolic link whose target is {@code target}. */
  Zips link(String name, String target) {
    links.add(name);
    return add(name, target);
  }

  Path writeTo(Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    byte[] zip = bytes.toByteArray();
    markLinks(zip);
    Files.write(file, zip);
    return file;
  }

  /** Sets "made by Unix" and mode {@code S_IFLNK|0777} in the central directory headers of the links. */
  private void markLinks(byte[] zip) {
    ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    for (int at = 0; at + 46 < zip.length; at++) {
      if (buffer.getInt(at) != 0x02014b50) {
        continue;
      }
      int nameLength = Short.toUnsignedInt(buffer.getShort(at + 28));
      String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
      if (links.contains(name)) {
        buffer.putShort(at + 4, (short) ((3 << 8) | 20));
        buffer.putInt(at + 38, 0120777 << 16);
      }
    }
  }
}
