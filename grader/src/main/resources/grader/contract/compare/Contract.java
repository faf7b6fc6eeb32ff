package graderprobe.compare;

import exercises.compare.AsyncDownloader; // contract(exercises.compare.AsyncDownloader): public final class exercises.compare.AsyncDownloader implements Downloader
import exercises.compare.DownloadBenchmark; // contract(exercises.compare.DownloadBenchmark): public final class exercises.compare.DownloadBenchmark
import exercises.compare.DownloadWorker; // contract(exercises.compare.DownloadWorker): public final class exercises.compare.DownloadWorker
import exercises.compare.Downloader; // contract(exercises.compare.Downloader): public interface exercises.compare.Downloader (provided: do not change)
import exercises.compare.ProcessDownloader; // contract(exercises.compare.ProcessDownloader): public final class exercises.compare.ProcessDownloader implements Downloader
import exercises.compare.ThreadDownloader; // contract(exercises.compare.ThreadDownloader): public final class exercises.compare.ThreadDownloader implements Downloader
import java.net.http.HttpClient;

/**
 * Compiles only against a submission that keeps the compare contract (the Javadoc of its skeleton classes). Never run:
 * the grader compiles it against the student's classes and turns each error into "expected ...".
 * One checked signature per line, named by the contract comment at the end of that line.
 */
final class Contract {
  Downloader threads() {
    Downloader downloader = new ThreadDownloader(4); // contract(exercises.compare.ThreadDownloader): public ThreadDownloader(int threads), in a class that implements Downloader
    return downloader;
  }

  Downloader processes() {
    Downloader downloader = new ProcessDownloader(); // contract(exercises.compare.ProcessDownloader): public ProcessDownloader(), in a class that implements Downloader
    return downloader;
  }

  Downloader async(HttpClient client) {
    Downloader downloader = new AsyncDownloader(client); // contract(exercises.compare.AsyncDownloader): public AsyncDownloader(HttpClient client), in a class that implements Downloader
    return downloader;
  }

  void worker(String[] args) {
    DownloadWorker.main(args); // contract(exercises.compare.DownloadWorker): public static void main(String[] args)
  }

  void benchmark(String[] args) throws Exception {
    DownloadBenchmark.main(args); // contract(exercises.compare.DownloadBenchmark): public static void main(String[] args) throws Exception
  }
}
