package grader.child;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The display names of a suite's tests, found by JUnit discovery without running anything. Called by
 * the grader (through an isolated class loader over the harness's jars: the grader does not compile
 * against the suites) for exercises whose suite never ran.
 */
public final class SuiteNames {
  private SuiteNames() {}

  /** Test id (method name) to display name for the suite in {@code suitePackage} under {@code roots}. */
  public static Map<String, String> of(String suitePackage, List<Path> roots) {
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableTestEngineAutoRegistration(false)
        .enableLauncherSessionListenerAutoRegistration(false)
        .enableLauncherDiscoveryListenerAutoRegistration(false)
        .enablePostDiscoveryFilterAutoRegistration(false)
        .enableTestExecutionListenerAutoRegistration(false)
        .addTestEngines(SuiteLauncher.jupiter())
        .build());
    TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
        .enableImplicitConfigurationParameters(false)
        .selectors(selectClasspathRoots(new LinkedHashSet<>(roots)))
        .filters(PackageNameFilter.includePackageNames(suitePackage))
        .build());
    Map<String, String> found = new LinkedHashMap<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier test : plan.getDescendants(root)) {
        boolean method = test.getSource().orElse(null) instanceof MethodSource;
        Optional<TestIdentifier> parent = plan.getParent(test);
        boolean underMethod = parent.flatMap(TestIdentifier::getSource).orElse(null) instanceof MethodSource;
        if (method && !underMethod) {
          found.putIfAbsent(((MethodSource) test.getSource().get()).getMethodName(), test.getDisplayName());
        }
      }
    }
    return Collections.unmodifiableMap(found);
  }
}
