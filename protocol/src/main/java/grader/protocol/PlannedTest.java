package grader.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One graded test the child discovered: the id (the test method's name, which the rubric uses), the
 * name students read (its display name) and the class that declares it.
 */
public record PlannedTest(String id, String name, @JsonProperty("class") String className) {
  public PlannedTest {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(className, "className must not be null");
  }
}
