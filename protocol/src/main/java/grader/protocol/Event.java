package grader.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One record of the child's event stream. {@code seq} numbers the events of one child from 0, so the
 * parent can reject replayed or reordered lines.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PlanEvent.class, name = "plan"),
  @JsonSubTypes.Type(value = StartedEvent.class, name = "started"),
  @JsonSubTypes.Type(value = FinishedEvent.class, name = "finished"),
  @JsonSubTypes.Type(value = RestartEvent.class, name = "restart"),
  @JsonSubTypes.Type(value = DoneEvent.class, name = "done")
})
public sealed interface Event permits PlanEvent, StartedEvent, FinishedEvent, RestartEvent, DoneEvent {
  long seq();
}
