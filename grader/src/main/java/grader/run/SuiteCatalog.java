package grader.run;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The names students read for a suite's tests (their display names), for exercises whose suite never
 * ran (a compile error, missing classes, an unreadable submission). The grader does not compile
 * against the suites: it reads them as data, running the harness's own JUnit discovery ({@code
 * grader.child.SuiteNames}) in a class loader of its own over the harness's jars. Nothing runs, no
 * student class is there, and a suite class that cannot even be inspected simply keeps its test ids
 * as names. Cached; thread-safe.
 */
public final class SuiteCatalog {
  private static final String SUITE_NAMES = "grader.child.SuiteNames";

  private final GraderInstallation installation;
  private final ConcurrentMap<String, Map<String, String>> names = new ConcurrentHashMap<>();

  public SuiteCatalog(GraderInstallation installation) {
    this.installation = installation;
  }

  /** Test id to display name for the suite in {@code suitePackage}; empty if discovery fails. */
  public Map<String, String> namesOf(String suitePackage) {
    return names.computeIfAbsent(suitePackage, this::discover);
  }

  private Map<String, String> discover(String suitePackage) {
    List<Path> roots = new ArrayList<>(installation.modulePath());
    roots.addAll(installation.extraSuitePath());
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader("grader-suite-names", urls(roots),
        ClassLoader.getPlatformClassLoader())) {
      thread.setContextClassLoader(loader); // JUnit loads the classes it scans through this
      Object found = Class.forName(SUITE_NAMES, true, loader).getMethod("of", String.class, List.class)
          .invoke(null, suitePackage, installation.suitePath());
      Map<String, String> copy = new LinkedHashMap<>();
      ((Map<?, ?>) found).forEach((id, name) -> copy.put(String.valueOf(id), String.valueOf(name)));
      return Collections.unmodifiableMap(copy);
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException | InvocationTargetException
        | IOException | RuntimeException | LinkageError e) {
      return Map.of(); // names are a courtesy: the ids still identify the tests
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static URL[] urls(List<Path> roots) throws MalformedURLException {
    URL[] urls = new URL[roots.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = roots.get(i).toUri().toURL();
    }
    return urls;
  }
}
