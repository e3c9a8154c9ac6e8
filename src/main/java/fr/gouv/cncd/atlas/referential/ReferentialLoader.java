package fr.gouv.cncd.atlas.referential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the committed referential file (derived from the COG by scripts/referential/generate.sh)
 * into the database. Idempotent: a dataset already loaded (same content hash) is not loaded again;
 * a new dataset replaces the official entries and keeps those the DAECT added.
 */
@Component
class ReferentialLoader {

  private static final Logger log = LoggerFactory.getLogger(ReferentialLoader.class);
  private static final int BATCH_SIZE = 1000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ReferentialProperties properties;

  ReferentialLoader(JdbcTemplate jdbc, TransactionTemplate transaction, ReferentialProperties properties) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.properties = properties;
  }

  ReferentialReport load() {
    Instant start = Instant.now();
    Resource file = properties.file();
    String key = file.getFilename() + "#" + sha256(file);
    Boolean loadedNow = transaction.execute(status -> {
      Integer known = jdbc.queryForObject(
          "select count(*) from referential_load where dataset = ?", Integer.class, key);
      if (known != null && known > 0) {
        return false;
      }
      // Parsed only when not loaded yet: later starts just hash the file.
      List<String[]> rows = parse(file);
      jdbc.update("delete from local_authority where added_by_daect = false");
      insert(rows);
      jdbc.update("delete from referential_load");
      jdbc.update("insert into referential_load (dataset, loaded_at, entry_count) values (?, ?, ?)",
          key, Timestamp.from(Instant.now()), rows.size());
      return true;
    });
    ReferentialReport report = new ReferentialReport(key, Boolean.TRUE.equals(loadedNow),
        Duration.between(start, Instant.now()), countsByType());
    log.info("Referential of collectivités {} in {} ms: {} entries {}",
        report.loadedNow() ? "loaded" : "already loaded", report.duration().toMillis(),
        report.total(), report.countsByType());
    return report;
  }

  Map<LocalAuthorityType, Long> countsByType() {
    Map<LocalAuthorityType, Long> counts = new EnumMap<>(LocalAuthorityType.class);
    for (LocalAuthorityType type : LocalAuthorityType.values()) {
      counts.put(type, 0L);
    }
    jdbc.query("select type, count(*) from local_authority group by type",
        rs -> {
          counts.put(LocalAuthorityType.valueOf(rs.getString(1)), rs.getLong(2));
        });
    return counts;
  }

  private void insert(List<String[]> rows) {
    String sql = "insert into local_authority (id, type, nature, code, name, department_code, region_code,"
        + " postal_codes, siren, population, added_by_daect) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)";
    for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
      List<String[]> batch = rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE));
      jdbc.batchUpdate(sql, batch, batch.size(), (ps, row) -> {
        for (int i = 0; i < 9; i++) {
          String value = row[i];
          if (value.isEmpty()) {
            ps.setNull(i + 1, Types.VARCHAR);
          } else {
            ps.setString(i + 1, value);
          }
        }
        if (row[9].isEmpty()) {
          ps.setNull(10, Types.INTEGER);
        } else {
          ps.setInt(10, Integer.parseInt(row[9]));
        }
      });
    }
  }

  private static String sha256(Resource file) {
    try (InputStream in = file.getInputStream()) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot read the referential of collectivités " + file, e);
    }
  }

  private static List<String[]> parse(Resource file) {
    List<String[]> rows = new ArrayList<>(40_000);
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(file.getInputStream()), StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (header == null || !header.startsWith("id\ttype\t")) {
        throw new IllegalStateException("Unexpected referential file header in " + file);
      }
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isEmpty()) {
          String[] fields = line.split("\t", -1);
          if (fields.length != 10) {
            throw new IllegalStateException("Malformed referential line: " + line);
          }
          LocalAuthorityType.valueOf(fields[1]);
          rows.add(fields);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the referential of collectivités " + file, e);
    }
    return rows;
  }
}
