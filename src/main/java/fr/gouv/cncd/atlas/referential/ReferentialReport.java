package fr.gouv.cncd.atlas.referential;

import java.time.Duration;
import java.util.Map;

/** What the referential holds after start-up, per type, and whether this start loaded it. */
public record ReferentialReport(String dataset, boolean loadedNow, Duration duration,
    Map<LocalAuthorityType, Long> countsByType) {

  public long total() {
    return countsByType.values().stream().mapToLong(Long::longValue).sum();
  }
}
