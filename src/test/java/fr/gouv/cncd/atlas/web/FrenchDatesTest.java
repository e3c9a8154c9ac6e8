package fr.gouv.cncd.atlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FrenchDatesTest {

  @Test
  void theFirstOfTheMonthIsPremierAndTimesAreParisTime() {
    assertThat(FrenchDates.day(LocalDate.of(2026, 12, 1))).isEqualTo("1er décembre 2026");
    assertThat(FrenchDates.day(LocalDate.of(2026, 12, 3))).isEqualTo("3 décembre 2026");
    assertThat(FrenchDates.weekdayAndDay(LocalDate.of(2026, 12, 1))).isEqualTo("mardi 1er décembre 2026");
    // 23:30 UTC on 30 November is already 1 December in Paris (UTC+1 in winter).
    assertThat(FrenchDates.day(Instant.parse("2026-11-30T23:30:00Z"))).isEqualTo("1er décembre 2026");
    assertThat(FrenchDates.dayAndTime(Instant.parse("2026-07-01T06:05:00Z"))).isEqualTo("1er juillet 2026 à 08 h 05");
  }
}
