package grader.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.lang.reflect.InvocationTargetException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The names students read for a suite's tests (their display names), for exercises whose suite never
 * ran (a compile error, missing classes, an unreadable submission). Found by JUnit discovery in the
 * grader's own JVM: nothing runs, no student class is on this class path, and a suite class that
 * cannot even be inspected here simply keeps its test ids as names. Cached; thread-safe.
 */
public final class SuiteCatalog {
  private static final String JUPITER_ENGINE = "org.junit.jupiter.engine.JupiterTestEngine";

  private final ConcurrentMap<String, Map<String, String>> names = new ConcurrentHashMap<>();

  /** Test id to display name for the suite in {@code suitePackage}; empty if discovery fails. */
  public Map<String, String> namesOf(String suitePackage) {
    return names.computeIfAbsent(suitePackage, SuiteCatalog::discover);
  }

  private static Map<String, String> discover(String suitePackage) {
    try {
      Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
          .enableTestEngineAutoRegistration(false)
          .enableLauncherSessionListenerAutoRegistration(false)
          .enableLauncherDiscoveryListenerAutoRegistration(false)
          .enablePostDiscoveryFilterAutoRegistration(false)
          .enableTestExecutionListenerAutoRegistration(false)
          .addTestEngines((TestEngine) Class.forName(JUPITER_ENGINE).getDeclaredConstructor().newInstance())
          .build());
      TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
          .enableImplicitConfigurationParameters(false)
          .selectors(selectPackage(suitePackage))
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
    } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
        | InvocationTargetException | RuntimeException | LinkageError e) {
      return Map.of(); // names are a courtesy: the ids still identify the tests
    }
  }
}
