package exercises.threads;

import java.io.PrintStream;
import java.util.Objects;
import java.util.Random;

/**
 * Starts a batch of platform threads that sleep for random times and each report when done.
 *
 * <p>All threads are started before any is joined, so they sleep at the same time and the
 * whole batch takes about as long as its longest sleep, not the sum of them.
 */
public final class SleepyThreads {

    private SleepyThreads() {}

    /**
     * Runs {@code count} threads that each sleep a random time in {@code [minMillis, maxMillis]}
     * and then print {@code Thread <i> slept <d> ms} to {@code out}.
     *
     * <p>Returns once every thread has printed its line.
     *
     * @throws IllegalArgumentException if {@code count < 1}, {@code minMillis < 0} or
     *     {@code maxMillis < minMillis}
     * @throws InterruptedException if the calling thread is interrupted while waiting; the
     *     sleeping threads are then interrupted too and have ended when this is thrown
     */
    public static void run(int count, int minMillis, int maxMillis, Random random, PrintStream out)
            throws InterruptedException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        if (minMillis < 0) {
            throw new IllegalArgumentException("minMillis must not be negative, was " + minMillis);
        }
        if (maxMillis < minMillis) {
            throw new IllegalArgumentException(
                    "maxMillis must be at least minMillis (" + minMillis + "), was " + maxMillis);
        }
        Objects.requireNonNull(random, "random must not be null");
        Objects.requireNonNull(out, "out must not be null");

        Thread[] threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            int number = i + 1;
            // Draw on the calling thread: a seeded Random then gives the same durations in
            // the same order on every run, whatever the scheduler does.
            long millis = drawMillis(random, minMillis, maxMillis);
            threads[i] = new Thread(() -> sleepThenReport(number, millis, out), "sleepy-" + number);
        }
        // Start them all first: joining inside this loop would make the sleeps run one by one.
        for (Thread thread : threads) {
            thread.start();
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            // Our caller wants us to stop: stop the sleepers too, and wait for them so that
            // none of them prints after run has returned.
            for (Thread thread : threads) {
                thread.interrupt();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            throw e;
        }
    }

    /** Runs the lesson's example: five threads sleeping between 100 and 2000 ms. */
    public static void main(String[] args) throws InterruptedException {
        run(5, 100, 2000, new Random(), System.out);
        System.out.println("All threads completed");
    }

    /** Draws uniformly from {@code [minMillis, maxMillis]}. */
    private static long drawMillis(Random random, int minMillis, int maxMillis) {
        // long arithmetic: for [0, Integer.MAX_VALUE] the span is 2^31, one more than an int holds.
        long span = (long) maxMillis - minMillis + 1;
        return minMillis + random.nextLong(span);
    }

    private static void sleepThenReport(int number, long millis, PrintStream out) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // Cancelled by run(): this thread did not sleep its full time, so it has nothing
            // true to report. Returning ends the thread, which is what the interrupt asked for.
            return;
        }
        out.println("Thread " + number + " slept " + millis + " ms");
    }
}
