package grader.protocol;

import java.util.List;
import java.util.Map;

/**
 * Writes an event as the JSON object the parent's databind reads ({@code type} first, then the
 * record's components in snake case). Deliberately no library: the harness JVM also runs student
 * code, and every JSON library keeps JVM-wide state (jackson-core's escape tables are public mutable
 * arrays, its buffer recyclers are shared through a {@code ThreadLocal}) that code in the same JVM
 * could poison to change what is sealed. This class uses only {@link StringBuilder} and constants.
 */
final class EventJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out = new StringBuilder(256);
  private boolean first = true;

  private EventJson(String type) {
    out.append('{');
    string("type", type);
  }

  static String of(Event event) {
    if (event instanceof PlanEvent plan) {
      EventJson json = new EventJson("plan").number("seq", plan.seq());
      json.name("tests").out.append('[');
      List<PlannedTest> tests = plan.tests();
      for (int i = 0; i < tests.size(); i++) {
        PlannedTest test = tests.get(i);
        json.out.append(i == 0 ? "" : ",");
        json.out.append("{\"id\":");
        quote(json.out, test.id());
        json.out.append(",\"name\":");
        quote(json.out, test.name());
        json.out.append(",\"class\":");
        quote(json.out, test.className());
        json.out.append('}');
      }
      json.out.append(']');
      return json.end();
    } else if (event instanceof StartedEvent started) {
      return new EventJson("started").number("seq", started.seq()).string("test_id", started.testId())
          .string("invocation", started.invocation()).number("timeout_ms", started.timeoutMs()).end();
    } else if (event instanceof FinishedEvent finished) {
      EventJson json = new EventJson("finished").number("seq", finished.seq()).string("test_id", finished.testId())
          .string("status", finished.status().id()).string("message", finished.message())
          .number("duration_ms", finished.durationMs());
      json.name("measurements").out.append('{');
      boolean firstEntry = true;
      for (Map.Entry<String, String> entry : finished.measurements().entrySet()) {
        json.out.append(firstEntry ? "" : ",");
        firstEntry = false;
        quote(json.out, entry.getKey());
        json.out.append(':');
        quote(json.out, entry.getValue());
      }
      json.out.append('}');
      json.string("output", finished.output()).string("invocation", finished.invocation());
      json.name("timeline").out.append('[');
      List<TimelineEntry> timeline = finished.timeline();
      for (int i = 0; i < timeline.size(); i++) {
        TimelineEntry entry = timeline.get(i);
        json.out.append(i == 0 ? "{\"lane\":" : ",{\"lane\":");
        quote(json.out, entry.lane());
        json.out.append(",\"kind\":");
        quote(json.out, entry.kind());
        json.out.append(",\"start_ms\":").append(entry.startMs());
        json.out.append(",\"end_ms\":").append(entry.endMs());
        json.out.append(",\"label\":");
        quote(json.out, entry.label());
        json.out.append('}');
      }
      return json.out.append("]}").toString();
    } else if (event instanceof RestartEvent restart) {
      return new EventJson("restart").number("seq", restart.seq()).string("test_id", restart.testId())
          .string("reason", restart.reason()).end();
    } else if (event instanceof DoneEvent done) {
      return new EventJson("done").number("seq", done.seq()).number("count", done.count()).end();
    }
    throw new IllegalArgumentException("unknown event " + event.getClass().getName());
  }

  private EventJson name(String name) {
    out.append(first ? "" : ",");
    first = false;
    quote(out, name);
    out.append(':');
    return this;
  }

  private EventJson string(String name, String value) {
    name(name);
    if (value == null) {
      out.append("null");
    } else {
      quote(out, value);
    }
    return this;
  }

  private EventJson number(String name, long value) {
    name(name).out.append(value);
    return this;
  }

  private String end() {
    return out.append('}').toString();
  }

  /** RFC 8259 string escaping; everything outside printable ASCII becomes {@code \\uXXXX}, so a line is ASCII. */
  static void quote(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == '\r') {
        out.append("\\r");
      } else {
        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
            .append(HEX[c & 0xf]);
      }
    }
    out.append('"');
  }
}
