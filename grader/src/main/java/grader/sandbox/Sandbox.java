package grader.sandbox;

import grader.scorecard.Isolation;
import java.io.IOException;

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
}
