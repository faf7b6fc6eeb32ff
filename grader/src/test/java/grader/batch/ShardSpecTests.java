package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardSpecTests {
  @Test
  void parsesAndPrints() {
    assertEquals(new ShardSpec(2, 4), ShardSpec.parse("2/4"));
    assertEquals(new ShardSpec(2, 4), ShardSpec.parse(" 2 / 4 "));
    assertEquals("2/4", ShardSpec.parse("2/4").toString());
  }

  @Test
  void rejectsNonsenseWithAClearMessage() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ShardSpec.parse("0/4")).getMessage().contains("add 1"));
    assertThrows(IllegalArgumentException.class, () -> ShardSpec.parse("5/4"));
    assertThrows(IllegalArgumentException.class, () -> ShardSpec.parse("1/0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ShardSpec.parse("two")).getMessage().contains("i/N"));
  }

  @Test
  void shardsPartitionTheSortedListRoundRobinAndDifferByAtMostOne() {
    List<Integer> all = IntStream.range(0, 31).boxed().toList();
    for (int n = 1; n <= 7; n++) {
      List<Integer> union = new ArrayList<>();
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (int i = 1; i <= n; i++) {
        List<Integer> mine = new ShardSpec(i, n).select(all);
        union.addAll(mine);
        min = Math.min(min, mine.size());
        max = Math.max(max, mine.size());
      }
      union.sort(null);
      assertEquals(all, union, "shards of " + n);
      assertTrue(max - min <= 1, "sizes of " + n + " shards differ by " + (max - min));
    }
    assertEquals(List.of(1, 5, 9), new ShardSpec(2, 4).select(IntStream.range(0, 12).boxed().toList()));
  }
}
