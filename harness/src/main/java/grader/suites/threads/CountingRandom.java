package grader.suites.threads;

import java.util.Random;

/**
 * A seeded {@link Random} that counts how often the student's code drew from it, and makes every
 * draw atomic.
 *
 * <p>Every {@code Random} method gets its bits from {@link #next(int)}, so counting there counts
 * every draw, whichever method the student used. Methods that call {@code next} more than once
 * ({@code nextLong}, {@code nextDouble}, ...) are made {@code synchronized}: students who draw
 * inside their threads then still get, as a multiset, exactly the values of a single-threaded run
 * with the same seed, because two draws can no longer interleave their calls to {@code next}.
 */
final class CountingRandom extends Random {
  private static final long serialVersionUID = 1L;

  private int calls;

  CountingRandom(long seed) {
    super(seed);
  }

  /** How many times {@link #next(int)} has run: at least one per value drawn. */
  synchronized int calls() {
    return calls;
  }

  @Override
  protected synchronized int next(int bits) {
    calls++;
    return super.next(bits);
  }

  @Override
  public synchronized int nextInt() {
    return super.nextInt();
  }

  @Override
  public synchronized int nextInt(int bound) {
    return super.nextInt(bound);
  }

  @Override
  public synchronized int nextInt(int origin, int bound) {
    return super.nextInt(origin, bound);
  }

  @Override
  public synchronized long nextLong() {
    return super.nextLong();
  }

  @Override
  public synchronized long nextLong(long bound) {
    return super.nextLong(bound);
  }

  @Override
  public synchronized long nextLong(long origin, long bound) {
    return super.nextLong(origin, bound);
  }

  @Override
  public synchronized boolean nextBoolean() {
    return super.nextBoolean();
  }

  @Override
  public synchronized float nextFloat() {
    return super.nextFloat();
  }

  @Override
  public synchronized float nextFloat(float bound) {
    return super.nextFloat(bound);
  }

  @Override
  public synchronized float nextFloat(float origin, float bound) {
    return super.nextFloat(origin, bound);
  }

  @Override
  public synchronized double nextDouble() {
    return super.nextDouble();
  }

  @Override
  public synchronized double nextDouble(double bound) {
    return super.nextDouble(bound);
  }

  @Override
  public synchronized double nextDouble(double origin, double bound) {
    return super.nextDouble(origin, bound);
  }

  @Override
  public synchronized double nextGaussian() {
    return super.nextGaussian();
  }

  @Override
  public synchronized double nextGaussian(double mean, double stddev) {
    return super.nextGaussian(mean, stddev);
  }

  @Override
  public synchronized double nextExponential() {
    return super.nextExponential();
  }

  @Override
  public synchronized void nextBytes(byte[] bytes) {
    super.nextBytes(bytes);
  }
}
