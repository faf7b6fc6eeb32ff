package exercises.threads;

import java.io.PrintStream;
import java.util.Random;

/**
 * Exercise 1: start several threads that each sleep a random time and then say so.
 *
 * <h2>What to build</h2>
 *
 * <p>{@link #run} runs {@code count} new threads that sleep at the same time and waits for all
 * of them. Thread number {@code i} (1 to {@code count}) sleeps {@code d} milliseconds and only
 * then prints {@code Thread <i> slept <d> ms} to {@code out}. Because the threads sleep at the
 * same time, the whole run takes about as long as the longest sleep, not the sum of all sleeps.
 *
 * <p>What binds is what the contract names: the class and method names, the signatures, the
 * printed lines and the exceptions. How you get there is your choice. The lesson's way is
 * {@code count} {@link Thread} objects, all started in one loop and joined with
 * {@link Thread#join()} in a second; an {@link java.util.concurrent.ExecutorService} with
 * {@code count} threads, shut down before {@code run} returns, is just as right. Either way each
 * line must come from its own new thread, never from the thread that called {@code run}.
 *
 * <h2>Pitfalls</h2>
 *
 * <ul>
 *   <li>Calling {@code thread.run()} instead of {@code thread.start()}: {@code run()} is an
 *       ordinary method call on <em>your</em> thread, so nothing happens concurrently.
 *   <li>Calling {@code join()} inside the loop that starts the threads: each thread then
 *       finishes before the next one starts. Start them all in one loop, join them in a second.
 *   <li>Forgetting to join: {@code run} would return while threads are still sleeping, and
 *       their lines would appear after it returned.
 *   <li>Printing before sleeping: the line says the thread <em>slept</em>, so print after.
 *   <li>Using {@code System.out} instead of {@code out}: the caller decides where lines go.
 *   <li>Drawing {@code d} with {@code random.nextInt(maxMillis - minMillis)}: the bound is
 *       exclusive, so {@code maxMillis} could never be drawn; and {@code maxMillis - minMillis + 1}
 *       overflows an {@code int} when the range is {@code [0, Integer.MAX_VALUE]}.
 *   <li>Swallowing {@link InterruptedException} silently: a thread that was interrupted did not
 *       sleep its full time. Decide deliberately what it should do.
 * </ul>
 */
public final class SleepyThreads {

    private SleepyThreads() {}

    /**
     * Starts {@code count} threads that sleep at the same time, each for a random whole number
     * of milliseconds in {@code [minMillis, maxMillis]} drawn with {@code random}, and returns
     * once every one of them has printed {@code Thread <i> slept <d> ms} to {@code out}.
     *
     * <p>To do: throw {@link IllegalArgumentException} if {@code count < 1},
     * {@code minMillis < 0} or {@code maxMillis < minMillis}, before starting anything.
     *
     * @param count how many threads, numbered 1 to {@code count} in the printed lines
     * @param minMillis the shortest possible sleep, inclusive
     * @param maxMillis the longest possible sleep, inclusive
     * @param random where the durations come from (tests pass a seeded one)
     * @param out where the lines go
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public static void run(int count, int minMillis, int maxMillis, Random random, PrintStream out)
            throws InterruptedException {
        throw new UnsupportedOperationException(
                "TODO: validate the arguments, start all threads, then join them all");
    }

    /**
     * Runs the lesson's example: {@code run(5, 100, 2000, new Random(), System.out)}, then
     * prints {@code All threads completed}.
     */
    public static void main(String[] args) throws InterruptedException {
        throw new UnsupportedOperationException(
                "TODO: call run(5, 100, 2000, new Random(), System.out), then print \"All threads completed\"");
    }
}
