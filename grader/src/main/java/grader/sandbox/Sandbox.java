package grader.sandbox;

import grader.scorecard.Isolation;
import java.io.IOException;
import java.util.Map;

/**
 * Starts an untrusted command (a JVM running student code) as strongly contained as this machine
 * allows. Implementations: {@code BubblewrapSandbox} (namespaces) and {@code ProcessSandbox} (a
 * plain child process with limits: the fallback).
 */
public interface Sandbox {

  /** How strongly commands started by this sandbox are contained; goes into the scorecard. */
  Isolation isolation();

  /**
   * Starts {@code request.command()}. The returned process must be {@linkplain
   * SandboxedProcess#close() closed}: closing kills everything the command started.
   */
  SandboxedProcess start(SandboxRequest request) throws IOException;

  /**
   * The containment this sandbox adds beyond the limits themselves, as scorecard facts (for
   * example how each run's CPU is shared and how its work dir is bounded); empty when none.
   */
  default Map<String, String> facts() {
    return Map.of();
  }
}
