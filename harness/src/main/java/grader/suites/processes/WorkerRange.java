package grader.suites.processes;

import grader.suites.support.LaunchGate.Launch;
import java.util.List;
import java.util.Optional;

/** The range {@code first..last} a worker JVM was started for: the two arguments after its main class. */
record WorkerRange(long first, long last) implements Comparable<WorkerRange> {

  /** The range in a launch's arguments, if its first two arguments are integers. */
  static Optional<WorkerRange> of(Launch launch) {
    List<String> arguments = launch.arguments();
    if (arguments.size() < 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new WorkerRange(Long.parseLong(arguments.get(0).strip()), Long.parseLong(arguments.get(1).strip())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  long size() {
    return last - first + 1;
  }

  boolean contains(long number) {
    return first <= number && number <= last;
  }

  @Override
  public int compareTo(WorkerRange other) {
    return first != other.first ? Long.compare(first, other.first) : Long.compare(last, other.last);
  }

  @Override
  public String toString() {
    return first + ".." + last;
  }
}
