package grader.suites.support;

/** A main class for {@link LaunchGateIT}'s child JVMs: says it ran, with its arguments. */
public final class LaunchGateProbe {
  private LaunchGateProbe() {}

  public static void main(String[] args) {
    System.out.println("probe ran with " + args.length + " arguments: " + String.join("|", args));
  }
}
