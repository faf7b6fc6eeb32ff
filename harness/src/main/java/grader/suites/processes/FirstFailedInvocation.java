package grader.suites.processes;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Ends a parameterized test at its first failed invocation: the later ones are skipped. A test earns
 * its points only if every invocation passes, so once one has failed the others cannot change the
 * verdict, and the student reads the first failure only ("Failed for ..."); each of them may still
 * cost a JVM start (a worker with bad arguments, an untouched skeleton's worker). An invocation that
 * is skipped adds nothing to the test's outcome (the harness folds only the invocations that ran).
 *
 * <p>In this package, which JUnit may instantiate from, not in the support package, which is
 * exported to no JUnit module: JUnit's public reflection helpers reach whatever JUnit can, and the
 * support holds the gates and recorders. Nothing here helps a student who calls it that way: at
 * most it skips the rest of a test that then earns nothing.
 */
public final class FirstFailedInvocation implements ExecutionCondition, AfterTestExecutionCallback {
  private static final Namespace NAMESPACE = Namespace.create(FirstFailedInvocation.class);
  private static final String FAILED = "failed invocation";

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      template(context).ifPresent(test -> test.getStore(NAMESPACE).put(FAILED, context.getDisplayName()));
    }
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String failed = template(context).map(test -> test.getStore(NAMESPACE).get(FAILED, String.class)).orElse(null);
    return failed == null ? ConditionEvaluationResult.enabled("no invocation of this test has failed")
        : ConditionEvaluationResult.disabled("the test already failed for " + failed);
  }

  /** The parameterized test of which {@code context} is one invocation, if it is one. */
  private static Optional<ExtensionContext> template(ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      return Optional.empty();
    }
    return context.getParent().filter(parent -> parent.getTestMethod().isPresent());
  }
}
