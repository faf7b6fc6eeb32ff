package grader.suites.support;

/** A main class for {@link LaunchGateIT}'s child JVMs: says it ran, with its arguments. */
public final class LaunchGateProbe {
  private LaunchGateProbe() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && args[0].equals("linger")) {
      // Stays alive, unreported, for a forged report to name it.
      Thread.sleep(30_000);
    }
    System.out.println("probe ran with " + args.length + " arguments: " + String.join("|", args));
  }
}
