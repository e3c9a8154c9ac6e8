package fr.gouv.cncd.atlas.atlas.process;

import java.util.LinkedHashMap;

/** Helpers for what forms list: table rows and select options, as plain JSON-serializable maps. */
final class Rows {

  private Rows() {}

  /** A row of strings (form-js tables show strings only): alternating keys and values. */
  static LinkedHashMap<String, String> row(String... keysAndValues) {
    LinkedHashMap<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put(keysAndValues[i], keysAndValues[i + 1] == null ? "" : keysAndValues[i + 1]);
    }
    return row;
  }

  static LinkedHashMap<String, String> option(String label, String value) {
    return row("label", label, "value", value);
  }
}
