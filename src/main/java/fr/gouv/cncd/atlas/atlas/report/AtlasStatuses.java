package fr.gouv.cncd.atlas.atlas.report;

import fr.gouv.cncd.atlas.atlas.AtlasHistory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Whether a collectivité's Atlas counts as up to date for co-financing calls: its last version
 * validated by the collectivité itself (published by an update, not a correction of the DAECT)
 * is recent enough (atlas.attestation.up-to-date-for, 12 months by default).
 */
@Service
public class AtlasStatuses {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** The status; the last validated version and its date are null when the collectivité never validated one. */
  public record Status(boolean upToDate, String statusLabel, Integer lastValidatedVersion, Instant lastValidatedAt,
      LocalDate upToDateUntil, String rule) {}

  private final AtlasHistory history;
  private final AttestationProperties properties;
  private final Clock clock;

  AtlasStatuses(AtlasHistory history, AttestationProperties properties, Clock clock) {
    this.history = history;
    this.properties = properties;
    this.clock = clock;
  }

  public Status of(String localAuthorityId) {
    String rule = "Un Atlas est à jour pendant " + inFrench(properties.upToDateFor())
        + " après la validation d'une mise à jour par la collectivité.";
    Optional<AtlasHistory.Version> last = history.versions(localAuthorityId).stream()
        .filter(version -> version.updateId() != null)
        .max(Comparator.comparingInt(AtlasHistory.Version::number));
    if (last.isEmpty()) {
      return new Status(false, "pas à jour", null, null, null, rule);
    }
    LocalDate validated = last.get().publishedAt().atZone(PARIS).toLocalDate();
    LocalDate until = validated.plus(properties.upToDateFor());
    boolean upToDate = !LocalDate.now(clock.withZone(PARIS)).isAfter(until);
    return new Status(upToDate, upToDate ? "à jour" : "pas à jour", last.get().number(), last.get().publishedAt(),
        until, rule);
  }

  private static String inFrench(java.time.Period period) {
    if (period.getYears() == 0 && period.getDays() == 0) {
      return period.getMonths() + " mois";
    }
    if (period.getMonths() == 0 && period.getDays() == 0) {
      return period.getYears() + (period.getYears() > 1 ? " ans" : " an");
    }
    return period.toTotalMonths() + " mois et " + period.getDays() + " jours";
  }
}
