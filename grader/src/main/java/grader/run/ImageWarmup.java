package grader.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Scanner;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

/**
 * What a JVM the student starts typically does, run once on the run-time image while
 * {@link RuntimeImage} records the JDK classes it loads: those go into the image's default
 * class-data archive, so every worker JVM maps them instead of parsing them from the modules file.
 * The JDK's own class list has none of the HTTP client and TLS set-up a download worker needs
 * (about 1,100 classes, a quarter of such a worker's CPU measured). Only JDK classes are kept from
 * the list, so nothing of this class, and nothing of any student, is in the archive.
 *
 * <p>Loopback only: a one-connection-at-a-time HTTP server on 127.0.0.1 that answers every request
 * with a few bytes.
 */
final class ImageWarmup {
  private static final String BODY = "hello";
  private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
      + "Content-Length: " + BODY.length() + "\r\nConnection: close\r\n\r\n" + BODY)
      .getBytes(StandardCharsets.US_ASCII);
  /** Each request gives up after this long, so a warm-up that goes wrong ends long before its build's limit. */
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private ImageWarmup() {}

  public static void main(String[] args) throws Exception {
    Path folder = Files.createTempDirectory("image-warmup-");
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread answering = new Thread(() -> answer(server), "image-warmup-server");
      answering.setDaemon(true);
      answering.start();
      download(server.getLocalPort(), folder);
      compute(folder);
    } finally {
      WorkDirectory.delete(folder);
    }
  }

  /** The ways a worker fetches a URL: the HTTP client, blocking and asynchronous, and URL streams. */
  private static void download(int port, Path folder) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + port + "/file");
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(PATIENCE).GET().build();
    HttpResponse<Path> saved = client.send(request, HttpResponse.BodyHandlers.ofFile(folder.resolve("one")));
    check(saved.statusCode() == 200 && Files.size(saved.body()) == BODY.length(), "HTTP client download");
    CompletableFuture<HttpResponse<String>> text = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    check(text.join().body().equals(BODY), "asynchronous download");
    HttpResponse<byte[]> bytes = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request, HttpResponse.BodyHandlers.ofByteArray());
    check(bytes.body().length == BODY.length(), "byte array download");
    URLConnection connection = uri.toURL().openConnection();
    connection.setConnectTimeout((int) PATIENCE.toMillis());
    connection.setReadTimeout((int) PATIENCE.toMillis());
    try (InputStream in = connection.getInputStream()) {
      Files.copy(in, folder.resolve("two"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Threads, pools, futures, streams, text and files, as a square-sum worker or its parent uses them. */
  private static void compute(Path folder) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Long>> parts = List.of(() -> LongStream.rangeClosed(1, 1_000).map(x -> x * x).sum(),
          () -> LongStream.rangeClosed(1_001, 2_000).map(x -> x * x).sum());
      long sum = 0;
      for (Future<Long> part : pool.invokeAll(parts)) {
        sum += part.get();
      }
      CountDownLatch done = new CountDownLatch(1);
      pool.execute(done::countDown);
      done.await();
      long total = CompletableFuture.supplyAsync(() -> 1L, pool).thenCombine(CompletableFuture.completedFuture(sum),
          Long::sum).get();
      Path numbers = Files.writeString(folder.resolve("numbers.txt"), String.format("%d%n%s%n", total, "1 2 3"));
      try (Scanner scanner = new Scanner(numbers)) {
        check(scanner.nextLong() == total, "scanner");
      }
      check(Files.readAllLines(numbers).size() == 2, "lines");
    } finally {
      pool.shutdown();
    }
  }

  /** Answers every connection, one at a time, until the server is closed. */
  private static void answer(ServerSocket server) {
    while (true) {
      Socket accepted;
      try {
        accepted = server.accept();
      } catch (IOException e) {
        return; // closed: the warm-up is over
      }
      try (Socket socket = accepted) {
        socket.setSoTimeout((int) PATIENCE.toMillis());
        InputStream in = socket.getInputStream();
        // Reads the request head up to its blank line; the warm-up's requests have no body.
        int matched = 0;
        while (matched < 4) {
          int b = in.read();
          if (b < 0) {
            break;
          }
          matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        OutputStream out = socket.getOutputStream();
        out.write(RESPONSE);
        out.flush();
      } catch (IOException e) {
        // Only this request fails; the client's side of it reports that.
      }
    }
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("image warm-up: " + what + " failed");
    }
  }

  /** Whether a line of a loaded-class list names a JDK class: not this package's, nor a lambda of it. */
  static boolean isJdkLine(String line) {
    return !line.contains("grader/") && !line.contains("grader.");
  }
}
