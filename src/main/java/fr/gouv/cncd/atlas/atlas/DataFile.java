package fr.gouv.cncd.atlas.atlas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the committed tab-separated files of {@code atlas/}: {@code # key: value} header lines
 * (a {@code # columns:} line naming the expected columns is required), other {@code #} comments,
 * then rows of exactly that many non-empty, tab-separated fields. Any other line stops the
 * application's start with the file, the line number and what is wrong.
 */
final class DataFile {

  private static final Pattern HEADER = Pattern.compile("# ([a-z_]+): (.+)");

  record Row(int number, String line, List<String> fields) {
    String field(int index) {
      return fields.get(index);
    }
  }

  private final String name;
  private final Map<String, String> headers;
  private final List<Row> rows;

  private DataFile(String name, Map<String, String> headers, List<Row> rows) {
    this.name = name;
    this.headers = headers;
    this.rows = rows;
  }

  /** Reads a UTF-8 classpath resource, such as {@code atlas/themes.tsv}. */
  static DataFile read(String resource, List<String> columns) {
    InputStream in = DataFile.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Missing Atlas referential " + resource + " on the classpath");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(resource, reader, columns);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the Atlas referential " + resource, e);
    }
  }

  static DataFile parse(String name, Reader source, List<String> columns) throws IOException {
    Map<String, String> headers = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    BufferedReader reader = new BufferedReader(source);
    int number = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        Matcher header = HEADER.matcher(line);
        if (header.matches() && headers.putIfAbsent(header.group(1), header.group(2).strip()) != null) {
          throw new IllegalStateException(name + " line " + number + ": second « # " + header.group(1)
              + ": » header");
        }
        continue;
      }
      if (!headers.containsKey("columns")) {
        throw new IllegalStateException(name + " line " + number + ": data before the « # columns: » header");
      }
      List<String> fields = List.of(line.split("\t", -1));
      if (fields.size() != columns.size()) {
        throw new IllegalStateException(name + " line " + number + ": expected " + columns.size()
            + " tab-separated fields (" + String.join(", ", columns) + "), found " + fields.size() + ": " + line);
      }
      for (int i = 0; i < fields.size(); i++) {
        String field = fields.get(i);
        if (field.isBlank() || !field.equals(field.strip())) {
          throw new IllegalStateException(name + " line " + number + ": field " + columns.get(i)
              + " is empty or has surrounding spaces: " + line);
        }
      }
      rows.add(new Row(number, line, fields));
    }
    String expected = String.join(" ", columns);
    if (!expected.equals(headers.get("columns"))) {
      throw new IllegalStateException(name + ": expected the header « # columns: " + expected + " », found "
          + (headers.containsKey("columns") ? "« # columns: " + headers.get("columns") + " »" : "none"));
    }
    return new DataFile(name, Map.copyOf(headers), List.copyOf(rows));
  }

  String name() {
    return name;
  }

  Optional<String> header(String key) {
    return Optional.ofNullable(headers.get(key));
  }

  List<Row> rows() {
    return rows;
  }

  /** A boolean field: exactly {@code true} or {@code false}. */
  boolean flag(Row row, int index) {
    return switch (row.field(index)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(row, "expected true or false, found « " + row.field(index) + " »");
    };
  }

  /** A field that must match a pattern, such as a code. */
  String matching(Row row, int index, Pattern pattern, String what) {
    String value = row.field(index);
    if (!pattern.matcher(value).matches()) {
      throw error(row, "« " + value + " » is not " + what);
    }
    return value;
  }

  IllegalStateException error(Row row, String message) {
    return new IllegalStateException(name + " line " + row.number() + ": " + message + ": " + row.line());
  }
}
