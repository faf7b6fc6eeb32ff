package grader.child;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectModule;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import grader.protocol.SuiteClassName;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one graded suite package with the JUnit Platform Launcher, configured so that nothing from the
 * submission can change how tests run: only Jupiter, no auto-registered engines, listeners or
 * filters, no {@code junit-platform.properties} from the class path, and suite classes found only in
 * the grader's own class path roots. Tests run one at a time, each under a timeout enforced from a
 * separate thread, so a test stuck in student code still ends.
 */
final class SuiteLauncher {
  private static final String JUPITER_ENGINE = "org.junit.jupiter.engine.JupiterTestEngine";

  private final HarnessArguments arguments;

  SuiteLauncher(HarnessArguments arguments) {
    this.arguments = arguments;
  }

  void run(TestExecutionListener listener) {
    LauncherConfig config = LauncherConfig.builder()
        .enableTestEngineAutoRegistration(false)
        .enableLauncherSessionListenerAutoRegistration(false)
        .enableLauncherDiscoveryListenerAutoRegistration(false)
        .enablePostDiscoveryFilterAutoRegistration(false)
        .enableTestExecutionListenerAutoRegistration(false)
        .addTestEngines(jupiter())
        .build();
    Launcher launcher = LauncherFactory.create(config);
    launcher.execute(request(), listener);
  }

  LauncherDiscoveryRequest request() {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .enableImplicitConfigurationParameters(false)
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
        .configurationParameter("junit.jupiter.execution.timeout.default",
            arguments.defaultTimeout().toSeconds() + " s")
        .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
    Module harness = SuiteLauncher.class.getModule();
    if (arguments.suitePath().isEmpty()) {
      request.selectors(selectPackage(arguments.suitePackage()));
    } else if (harness.isNamed()) {
      // The suites in this module, and in every other module of the grader's loaded from a suite
      // path jar (the instructor's hidden suites), are found through their modules (no jar file
      // system needed, and no class path entry can contribute to them); further roots are a test
      // installation's folders.
      Set<Path> folders = new LinkedHashSet<>();
      arguments.suitePath().stream().filter(Files::isDirectory).forEach(folders::add);
      request.selectors(selectModule(harness.getName()))
          .filters(PackageNameFilter.includePackageNames(arguments.suitePackage()));
      for (String module : suiteModules(harness.getLayer(), arguments.suitePath())) {
        if (!module.equals(harness.getName())) {
          request.selectors(selectModule(module));
        }
      }
      if (!folders.isEmpty()) {
        request.selectors(selectClasspathRoots(folders));
      }
    } else {
      Set<Path> roots = new LinkedHashSet<>(arguments.suitePath());
      request.selectors(selectClasspathRoots(roots))
          .filters(PackageNameFilter.includePackageNames(arguments.suitePackage()));
    }
    if (!arguments.only().isEmpty()) {
      request.filters(only(arguments.only()));
    }
    if (!arguments.except().isEmpty()) {
      request.filters(except(arguments.suitePackage(), arguments.except()));
    }
    return request.build();
  }

  /** The names of the modules in {@code layer} whose jar is one of the suite path's roots, sorted. */
  static Set<String> suiteModules(ModuleLayer layer, List<Path> suitePath) {
    Set<Path> roots = new HashSet<>();
    suitePath.forEach(p -> roots.add(p.toAbsolutePath().normalize()));
    Set<String> names = new TreeSet<>();
    for (ResolvedModule module : layer.configuration().modules()) {
      Optional<URI> location = module.reference().location();
      if (location.isPresent() && "file".equals(location.get().getScheme())
          && roots.contains(Path.of(location.get()).toAbsolutePath().normalize())) {
        names.add(module.name());
      }
    }
    return names;
  }

  /** Keeps the test methods named in {@code ids}; containers stay and are pruned when left empty. */
  private static PostDiscoveryFilter only(Set<String> ids) {
    return descriptor -> {
      if (descriptor.getSource().orElse(null) instanceof MethodSource source) {
        return ids.contains(source.getMethodName())
            ? FilterResult.included("selected for this run")
            : FilterResult.excluded("ran in an earlier JVM");
      }
      return FilterResult.included("container");
    };
  }

  /**
   * Leaves out the test methods declared in the suite classes {@code classes} (named relative to
   * {@code suitePackage}; a nested class counts as its top-level class): another JVM runs them.
   */
  private static PostDiscoveryFilter except(String suitePackage, Set<String> classes) {
    return descriptor -> {
      if (descriptor.getSource().orElse(null) instanceof MethodSource source) {
        return classes.contains(SuiteClassName.relative(suitePackage, source.getClassName()))
            ? FilterResult.excluded("runs in another part of the exercise")
            : FilterResult.included("in this part of the exercise");
      }
      return FilterResult.included("container");
    };
  }

  /**
   * Jupiter, found as a service of the named modules only when the harness runs as a module (the
   * Jupiter engine module exports nothing, and the class path, where the student's classes are, is
   * not searched); on a plain class path (the harness's unit tests, name discovery in the grader)
   * from the harness's own class loader.
   */
  static TestEngine jupiter() {
    ServiceLoader<TestEngine> engines = SuiteLauncher.class.getModule().isNamed()
        ? ServiceLoader.load(ModuleLayer.boot(), TestEngine.class)
        : ServiceLoader.load(TestEngine.class, SuiteLauncher.class.getClassLoader());
    return engines.stream().filter(p -> p.type().getName().equals(JUPITER_ENGINE)).findFirst()
        .map(ServiceLoader.Provider::get)
        .orElseThrow(() -> new IllegalStateException("the JUnit Jupiter engine (" + JUPITER_ENGINE + ") is missing"));
  }
}
