package graderprobe.async;

import exercises.async.ConcurrentFetcher; // contract(exercises.async.ConcurrentFetcher): public final class exercises.async.ConcurrentFetcher
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Compiles only against a submission that keeps the async contract (the Javadoc of its skeleton classes). Never run:
 * the grader compiles it against the student's classes and turns each error into "expected ...".
 * One checked signature per line, named by the contract comment at the end of that line.
 */
final class Contract {
  CompletableFuture<List<String>> fetchAll(HttpClient client, List<URI> uris) {
    CompletableFuture<List<String>> bodies = ConcurrentFetcher.fetchAll(client, uris); // contract(exercises.async.ConcurrentFetcher): public static CompletableFuture<List<String>> fetchAll(HttpClient client, List<URI> uris)
    return bodies;
  }

  void main(String[] args) throws Exception {
    ConcurrentFetcher.main(args); // contract(exercises.async.ConcurrentFetcher): public static void main(String[] args) throws Exception
  }
}
