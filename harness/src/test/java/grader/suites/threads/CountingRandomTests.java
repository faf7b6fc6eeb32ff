package grader.suites.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.random.RandomGenerator;
import java.util.stream.BaseStream;
import org.junit.jupiter.api.Test;

class CountingRandomTests {

  @Test
  void everyDrawingMethodOfRandomIsOverriddenAndSynchronized() throws Exception {
    // A drawing method the class does not override would let two threads interleave their calls
    // to next(): then the same seed could give different durations and fail a correct student.
    List<String> missing = new ArrayList<>();
    for (Class<?> type : List.of(Random.class, RandomGenerator.class)) {
      for (Method method : type.getMethods()) {
        if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class
            || BaseStream.class.isAssignableFrom(method.getReturnType())
            || Set.of("setSeed", "isDeprecated").contains(method.getName())) {
          continue;
        }
        Method own = CountingRandom.class.getMethod(method.getName(), method.getParameterTypes());
        if (own.getDeclaringClass() != CountingRandom.class || !Modifier.isSynchronized(own.getModifiers())) {
          missing.add(method.toString());
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void countsEveryCallToNext() {
    CountingRandom random = new CountingRandom(1);
    random.nextInt(10);
    random.nextLong(5, 10);
    random.nextDouble();
    random.ints(3, 0, 10).toArray();
    assertEquals(1 + 2 + 2 + 3, random.calls());
  }

  @Test
  void drawsLikeAPlainRandomWithTheSameSeed() {
    CountingRandom counting = new CountingRandom(42);
    Random plain = new Random(42);
    for (int i = 0; i < 100; i++) {
      assertEquals(plain.nextLong(150, 401), counting.nextLong(150, 401));
    }
  }

  @Test
  void drawsFromManyThreadsGiveTheSameMultisetAsOneThread() throws Exception {
    int threads = 16;
    List<Double> expected = new ArrayList<>();
    Random plain = new Random(7);
    for (int i = 0; i < threads * 50; i++) {
      expected.add(plain.nextDouble());
    }
    CountingRandom random = new CountingRandom(7);
    List<Double> drawn = Collections.synchronizedList(new ArrayList<>());
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        for (int i = 0; i < 50; i++) {
          drawn.add(random.nextDouble());
        }
      });
      thread.start();
      started.add(thread);
    }
    for (Thread thread : started) {
      thread.join();
    }
    Collections.sort(expected);
    List<Double> sorted = new ArrayList<>(drawn);
    Collections.sort(sorted);
    assertEquals(expected, sorted);
    assertTrue(random.calls() == threads * 50 * 2, Arrays.toString(new int[] {random.calls()}));
  }
}
