package grader.suites.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Markdown table {@code DownloadBenchmark} prints (and {@code REPORT.md} contains):
 * {@code | model | median ms | min ms | max ms |} with rows {@code threads}, {@code processes}
 * and {@code async}.
 *
 * <p>Lenient in form: cells may carry "ms", bold or code marks and thousands separators; a header
 * row that names median, min and max in another order is followed. Strict in content: a row
 * counts only with three numbers.
 */
final class BenchmarkTable {

  /** The three models, in the order the contract lists them. */
  static final List<String> MODELS = List.of("threads", "processes", "async");

  /** One model's row. */
  record Row(String model, double median, double min, double max) {
    Row {
      Objects.requireNonNull(model, "model must not be null");
    }

    boolean ordered() {
      return min <= median && median <= max;
    }

    @Override
    public String toString() {
      return model + " (median " + format(median) + ", min " + format(min) + ", max " + format(max) + ")";
    }
  }

  private static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?");

  private BenchmarkTable() {}

  /** The first row found for each model, in the order of {@link #MODELS}. */
  static Map<String, Row> rows(String markdown) {
    Map<String, Row> found = new LinkedHashMap<>();
    int[] columns = {1, 2, 3};
    for (String line : markdown.split("\\R")) {
      if (!isTableLine(line)) {
        continue;
      }
      List<String> cells = cells(line);
      int[] header = headerColumns(cells);
      if (header != null) {
        columns = header;
        continue;
      }
      Optional<String> model = model(cells.isEmpty() ? "" : cells.get(0));
      if (model.isEmpty() || found.containsKey(model.get())) {
        continue;
      }
      OptionalDouble median = number(cells, columns[0]);
      OptionalDouble min = number(cells, columns[1]);
      OptionalDouble max = number(cells, columns[2]);
      if (median.isPresent() && min.isPresent() && max.isPresent()) {
        found.put(model.get(), new Row(model.get(), median.getAsDouble(), min.getAsDouble(), max.getAsDouble()));
      }
    }
    Map<String, Row> ordered = new LinkedHashMap<>();
    for (String name : MODELS) {
      if (found.containsKey(name)) {
        ordered.put(name, found.get(name));
      }
    }
    return ordered;
  }

  /** The text outside tables: what the report says in words. */
  static String prose(String markdown) {
    List<String> lines = new ArrayList<>();
    for (String line : markdown.split("\\R")) {
      if (!isTableLine(line)) {
        lines.add(line);
      }
    }
    return String.join("\n", lines);
  }

  static boolean isTableLine(String line) {
    return line.strip().startsWith("|");
  }

  private static List<String> cells(String line) {
    String text = line.strip();
    if (text.startsWith("|")) {
      text = text.substring(1);
    }
    if (text.endsWith("|")) {
      text = text.substring(0, text.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    for (String cell : text.split("\\|", -1)) {
      cells.add(cell.strip());
    }
    return cells;
  }

  /** Column indexes of median, min and max if {@code cells} is a header row naming all three. */
  private static int[] headerColumns(List<String> cells) {
    int median = -1;
    int min = -1;
    int max = -1;
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i).toLowerCase(Locale.ROOT);
      if (cell.contains("median")) {
        median = i;
      } else if (cell.contains("min")) {
        min = i;
      } else if (cell.contains("max")) {
        max = i;
      }
    }
    return median > 0 && min > 0 && max > 0 ? new int[] {median, min, max} : null;
  }

  private static Optional<String> model(String cell) {
    String name = cell.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (name.startsWith("thread")) {
      return Optional.of("threads");
    }
    if (name.startsWith("process")) {
      return Optional.of("processes");
    }
    if (name.startsWith("async")) {
      return Optional.of("async");
    }
    return Optional.empty();
  }

  private static OptionalDouble number(List<String> cells, int index) {
    if (index >= cells.size()) {
      return OptionalDouble.empty();
    }
    String cell = cells.get(index).toLowerCase(Locale.ROOT).replaceAll("[*`_~]", "").replace("ms", "").strip();
    Matcher matcher = NUMBER.matcher(cell);
    if (!matcher.matches()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Double.parseDouble(cell.replace(",", "")));
  }

  static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
