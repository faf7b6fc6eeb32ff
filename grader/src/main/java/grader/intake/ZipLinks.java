package grader.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the entries of a zip that are symbolic links. {@link java.util.zip.ZipEntry} does not expose
 * the Unix mode, so this reads the central directory itself (APPNOTE 4.3.12): an entry made on Unix
 * whose external attributes carry {@code S_IFLNK} is a link. A zip this cannot parse yields no links,
 * which stays safe: intake never creates links, it would only copy the link's target text.
 */
final class ZipLinks {
  private static final int END_SIGNATURE = 0x06054b50;
  private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
  private static final int ZIP64_END_SIGNATURE = 0x06064b50;
  private static final int HEADER_SIGNATURE = 0x02014b50;
  private static final int UNIX = 3;
  private static final int FILE_TYPE_MASK = 0170000;
  private static final int SYMBOLIC_LINK = 0120000;
  private static final long MAX_DIRECTORY_BYTES = 64L * 1024 * 1024;

  private ZipLinks() {}

  /** The raw names of the link entries, decoded as UTF-8 (as {@link java.util.zip.ZipFile} does by default). */
  static Set<String> read(Path zip) {
    try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
      return read(channel);
    } catch (IOException | RuntimeException e) {
      return Set.of();
    }
  }

  private static Set<String> read(FileChannel channel) throws IOException {
    long size = channel.size();
    int tail = (int) Math.min(size, 22 + 65535);
    ByteBuffer end = readAt(channel, size - tail, tail);
    int eocd = -1;
    for (int i = tail - 22; i >= 0; i--) {
      if (end.getInt(i) == END_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      return Set.of();
    }
    long entries = Short.toUnsignedLong(end.getShort(eocd + 10));
    long directorySize = Integer.toUnsignedLong(end.getInt(eocd + 12));
    long directoryOffset = Integer.toUnsignedLong(end.getInt(eocd + 16));
    if ((entries == 0xffff || directorySize == 0xffffffffL || directoryOffset == 0xffffffffL) && eocd >= 20
        && end.getInt(eocd - 20) == ZIP64_LOCATOR_SIGNATURE) {
      ByteBuffer zip64 = readAt(channel, end.getLong(eocd - 20 + 8), 56);
      if (zip64.getInt(0) != ZIP64_END_SIGNATURE) {
        return Set.of();
      }
      directorySize = zip64.getLong(40);
      directoryOffset = zip64.getLong(48);
    }
    if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > size) {
      return Set.of();
    }
    ByteBuffer directory = readAt(channel, directoryOffset, (int) directorySize);
    Set<String> links = new HashSet<>();
    int at = 0;
    while (at + 46 <= directorySize && directory.getInt(at) == HEADER_SIGNATURE) {
      int madeBy = Short.toUnsignedInt(directory.getShort(at + 4)) >>> 8;
      int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
      int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
      int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
      int mode = directory.getInt(at + 38) >>> 16;
      if (madeBy == UNIX && (mode & FILE_TYPE_MASK) == SYMBOLIC_LINK && at + 46 + nameLength <= directorySize) {
        byte[] name = new byte[nameLength];
        directory.get(at + 46, name);
        links.add(new String(name, StandardCharsets.UTF_8));
      }
      at += 46 + nameLength + extraLength + commentLength;
    }
    return links;
  }

  private static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("unexpected end of zip");
      }
    }
    return buffer.flip();
  }
}
