package fr.gouv.cncd.atlas.monitoring;

import fr.gouv.cncd.atlas.monitoring.InstanceFact.Status;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.referential.LocalAuthority;
import fr.gouv.cncd.atlas.web.FrenchDates;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What a process manager asks of the account requests and Atlas updates: how many were started
 * this week and this year, per région, and where they stand; and the instances of a collectivité
 * found by its name.
 */
@Service
public class Monitoring {

  /** The processes counted, in the order shown, with their French names. */
  static final Map<String, String> PROCESSES = Map.of("AccountRequest", "Demandes de compte",
      "AtlasUpdate", "Mises à jour de l'Atlas");
  static final List<String> PROCESS_ORDER = List.of("AccountRequest", "AtlasUpdate");
  static final String NO_REGION = "Hors région (collectivités d'outre-mer, autres)";
  private static final int SEARCH_LIMIT = 50;

  private final ProcessFacts facts;
  private final LocalAuthorities authorities;
  private final Clock clock;

  public Monitoring(ProcessFacts facts, LocalAuthorities authorities, Clock clock) {
    this.facts = facts;
    this.authorities = authorities;
    this.clock = clock;
  }

  /** Counts of one région (or of all): started in the period, and where those stand now. */
  public record Counts(String region, int started, int open, int incident, int finished, int abandoned) {

    static Counts of(String region, List<InstanceFact> facts) {
      Map<Status, Integer> by = new EnumMap<>(Status.class);
      facts.forEach(f -> by.merge(f.status(), 1, Integer::sum));
      return new Counts(region, facts.size(), by.getOrDefault(Status.OPEN, 0), by.getOrDefault(Status.INCIDENT, 0),
          by.getOrDefault(Status.FINISHED, 0), by.getOrDefault(Status.ABANDONED, 0));
    }
  }

  /** One process in one period: a row per région that had any, then the total. */
  public record ProcessCounts(String processKey, String label, List<Counts> regions, Counts total) {}

  /** « Cette semaine », since Monday 00:00 in Paris. */
  public record Period(String key, String label, String since, List<ProcessCounts> processes) {}

  public record Summary(String generatedAt, List<Period> periods) {}

  /** One instance found by a search. */
  public record Found(String processKey, String process, String instanceId, String businessKey, String localAuthority,
      String status, String statusLabel, String startedAt, String endedAt, boolean running) {}

  public Summary summary() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, FrenchDates.PARIS);
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate newYear = today.withDayOfYear(1);
    List<InstanceFact> year = facts.startedSince(newYear.atStartOfDay(FrenchDates.PARIS).toInstant());
    Instant weekStart = monday.atStartOfDay(FrenchDates.PARIS).toInstant();
    List<InstanceFact> week = year.stream().filter(f -> !f.startedAt().isBefore(weekStart)).toList();
    return new Summary(FrenchDates.dayAndTime(now), List.of(
        new Period("week", "Cette semaine", FrenchDates.weekdayAndDay(monday), counts(week)),
        new Period("year", "Cette année", FrenchDates.weekdayAndDay(newYear), counts(year))));
  }

  private List<ProcessCounts> counts(List<InstanceFact> started) {
    List<ProcessCounts> processes = new ArrayList<>();
    for (String key : PROCESS_ORDER) {
      List<InstanceFact> ofProcess = started.stream().filter(f -> f.processKey().equals(key)).toList();
      Map<String, List<InstanceFact>> byRegion = new LinkedHashMap<>();
      for (InstanceFact fact : ofProcess) {
        byRegion.computeIfAbsent(regionOf(fact), r -> new ArrayList<>()).add(fact);
      }
      List<Counts> regions = byRegion.entrySet().stream().map(e -> Counts.of(e.getKey(), e.getValue()))
          .sorted(Comparator.comparing((Counts c) -> c.region().equals(NO_REGION)).thenComparing(Counts::region))
          .toList();
      processes.add(new ProcessCounts(key, PROCESSES.get(key), regions, Counts.of("Total", ofProcess)));
    }
    return processes;
  }

  private String regionOf(InstanceFact fact) {
    Optional<String> regionCode = authorities.find(fact.localAuthorityId())
        .or(() -> Optional.ofNullable(fact.departmentCode()).flatMap(d -> authorities.find("department-" + d)))
        .map(LocalAuthority::getRegionCode);
    return regionCode.flatMap(code -> authorities.find("region-" + code)).map(LocalAuthority::getName)
        .orElse(NO_REGION);
  }

  /**
   * The instances of the collectivités whose name matches {@code query} (as the referential search
   * reads it: accents and case aside), and those whose business key holds it (a collectivité absent
   * from the referential, a requester's name); the most recent first.
   */
  public List<Found> search(String query) {
    List<LocalAuthority> matching = authorities.search(query, null, null, 20);
    // A set: an instance found both ways is listed once.
    LinkedHashSet<InstanceFact> found = new LinkedHashSet<>(facts.ofLocalAuthorities(
        matching.stream().map(LocalAuthority::getId).toList(), SEARCH_LIMIT));
    found.addAll(facts.withBusinessKeyContaining(query.strip(), SEARCH_LIMIT));
    return found.stream()
        .sorted(Comparator.comparing(InstanceFact::startedAt).reversed())
        .limit(SEARCH_LIMIT)
        .map(this::found)
        .toList();
  }

  private Found found(InstanceFact fact) {
    String authority = authorities.find(fact.localAuthorityId()).map(authorities::label).orElse(null);
    return new Found(fact.processKey(), PROCESSES.get(fact.processKey()), fact.instanceId(), fact.businessKey(),
        authority, fact.status().name(), fact.status().label(), FrenchDates.dayAndTime(fact.startedAt()),
        fact.endedAt() == null ? null : FrenchDates.dayAndTime(fact.endedAt()), fact.endedAt() == null);
  }
}
