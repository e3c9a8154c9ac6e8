package fr.gouv.cncd.atlas.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountNotificationsTest {

  @Test
  void datesAreWrittenInFrenchInParisTime() {
    assertThat(AccountNotifications.frenchDate(Instant.parse("2026-12-08T10:00:00Z"))).isEqualTo("8 décembre 2026");
    assertThat(AccountNotifications.frenchDate(Instant.parse("2026-11-30T23:30:00Z")))
        .as("already the 1st in Paris").isEqualTo("1er décembre 2026");
  }
}
