package fr.gouv.cncd.atlas.atlas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A list of entries read from a data file whose first column is the code, one column the label
 * and the last column the {@code active} flag; in file order, codes unique.
 */
record Catalogue(String version, List<CatalogueEntry> entries, Map<String, CatalogueEntry> byCode) {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
  private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * @param labelColumn index of the label column
   * @param versioned whether the file must carry a {@code # version: YYYY-MM-DD} header
   */
  static Catalogue of(DataFile file, int labelColumn, boolean versioned) {
    String version = file.header("version").orElse(null);
    if (versioned && (version == null || !VERSION.matcher(version).matches())) {
      throw new IllegalStateException(file.name() + ": expected a « # version: YYYY-MM-DD » header, found "
          + (version == null ? "none" : "« " + version + " »"));
    }
    Map<String, CatalogueEntry> byCode = new LinkedHashMap<>();
    for (DataFile.Row row : file.rows()) {
      String code = file.matching(row, 0, CODE, "an UPPER_SNAKE code");
      CatalogueEntry entry = new CatalogueEntry(code, row.field(labelColumn),
          file.flag(row, row.fields().size() - 1));
      if (byCode.putIfAbsent(code, entry) != null) {
        throw file.error(row, "code " + code + " appears twice");
      }
    }
    return new Catalogue(version, List.copyOf(byCode.values()), Map.copyOf(byCode));
  }

  List<CatalogueEntry> active() {
    return entries.stream().filter(CatalogueEntry::active).toList();
  }

  /** Any entry, retired ones included; the code is compared in upper case. */
  Optional<CatalogueEntry> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code.strip().toUpperCase(Locale.ROOT)));
  }
}
