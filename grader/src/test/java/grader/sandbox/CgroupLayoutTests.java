package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.sandbox.CgroupLayout.Controller;
import grader.sandbox.CgroupLayout.Hierarchy;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CgroupLayoutTests {

  /** The project's Debian VM: v1 controllers plus an empty cgroup2 "unified" hierarchy. */
  private static final List<String> HYBRID_MOUNTS = List.of(
      "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
      "32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu",
      "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
      "39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids",
      "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw");
  private static final List<String> HYBRID_MEMBERSHIP = List.of("8:pids:/", "4:memory:/process_api/abc", "1:cpu:/",
      "0::/");

  @Test
  void hybridNestsUnderOwnGroupsAndKillsThroughUnified() {
    CgroupLayout layout = CgroupLayout.parse(HYBRID_MOUNTS, HYBRID_MEMBERSHIP);
    assertEquals(List.of(
        new Hierarchy(Path.of("/sys/fs/cgroup/memory/process_api/abc"), false, Set.of(Controller.MEMORY)),
        new Hierarchy(Path.of("/sys/fs/cgroup/pids"), false, Set.of(Controller.PIDS)),
        new Hierarchy(Path.of("/sys/fs/cgroup/cpu"), false, Set.of(Controller.CPU)),
        new Hierarchy(Path.of("/sys/fs/cgroup/unified"), true, Set.of())), layout.hierarchies());
    assertTrue(layout.limitsMemory() && layout.limitsTasks() && layout.sharesCpu());
  }

  @Test
  void pureV2UsesABaseGroupAtTheTop() {
    CgroupLayout layout = CgroupLayout.parse(
        List.of("30 23 0:27 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate"),
        List.of("0::/user.slice/user-1000.slice/session-2.scope"));
    assertEquals(List.of(new Hierarchy(Path.of("/sys/fs/cgroup/grader-sandbox"), true,
        Set.of(Controller.MEMORY, Controller.PIDS, Controller.CPU))), layout.hierarchies());
  }

  @Test
  void withoutCpuKeepsEveryOtherLimit() {
    CgroupLayout layout = CgroupLayout.parse(HYBRID_MOUNTS, HYBRID_MEMBERSHIP).withoutCpu();
    assertTrue(layout.limitsMemory() && layout.limitsTasks() && !layout.sharesCpu());
    assertEquals(3, layout.hierarchies().size());
  }

  @Test
  void readOnlyCgroupFileSystemsAreNotUsed() {
    CgroupLayout layout = CgroupLayout.parse(
        List.of("30 23 0:27 / /sys/fs/cgroup ro,nosuid,nodev,noexec,relatime - cgroup2 cgroup2 rw"), List.of("0::/"));
    assertFalse(layout.available());
  }

  @Test
  void noCgroupsAtAll() {
    CgroupLayout layout = CgroupLayout.parse(List.of("22 1 0:21 / /proc rw - proc proc rw"), List.of());
    assertFalse(layout.available());
    assertTrue(layout.description().contains("no cgroup"), layout.description());
  }

  @Test
  void groupsOutsideTheMountedSubtreeAreUnusable() {
    CgroupLayout layout = CgroupLayout.parse(
        List.of("35 31 0:32 /docker/x /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory"),
        List.of("4:memory:/elsewhere"));
    assertFalse(layout.available());
  }
}
