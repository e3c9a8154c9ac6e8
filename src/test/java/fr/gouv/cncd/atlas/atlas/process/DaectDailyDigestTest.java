package fr.gouv.cncd.atlas.atlas.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.atlas.AtlasContent.Coordinates;
import fr.gouv.cncd.atlas.atlas.AtlasDraft;
import fr.gouv.cncd.atlas.atlas.AtlasFixtures;
import fr.gouv.cncd.atlas.atlas.AtlasPublication;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.support.Mails;
import fr.gouv.cncd.atlas.support.PostgresApplicationTest;
import fr.gouv.cncd.atlas.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The DAECT's daily digest (process DaectDailyDigest): one mail listing the day's validated updates
 * with their compte-rendu, sent once; none on a day without validations; corrections the DAECT
 * publishes itself are not validations. On PostgreSQL, the mail through real SMTP (GreenMail).
 */
@PostgresApplicationTest
class DaectDailyDigestTest {

  @Autowired ManagementService management;
  @Autowired AtlasUpdates updates;
  @Autowired AtlasPublication publication;

  @AfterEach
  void backToNow() {
    ClockUtil.reset();
  }

  @Test
  void theDaectGetsOneMailADayWithTheDaysValidations() throws Exception {
    String chateaugiron = "commune-35069";
    publication.publishDirectly(chateaugiron, AtlasFixtures.rennesLike(), "daect");
    AtlasDraft draft = updates.start(chateaugiron, "agent");
    Coordinates c = updates.content(draft.getId()).coordinates();
    updates.saveCoordinates(draft.getId(), new Coordinates(c.address(), c.postalCode(), c.town(), "02 99 37 41 69",
        c.email(), c.website(), c.internationalService()), "agent");
    updates.validate(draft.getId(), "agent");
    publication.publish(draft.getId());
    int version = updates.published(chateaugiron).version();

    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    sendDigestAt(Instant.now());
    sendDigestAt(Instant.now());
    List<MimeMessage> digests = digests();
    assertThat(digests).as("one digest a day").hasSize(1);
    assertThat(digests.get(0).getAllRecipients()[0].toString()).isEqualTo("daect@diplomatie.gouv.fr");
    assertThat(Mails.subject(digests.get(0))).contains("validée").contains(today.getYear() + "");
    assertThat(Mails.text(digests.get(0)))
        .contains("Châteaugiron — Commune — 35 Ille-et-Vilaine (INSEE 35069) — version " + version)
        .contains("/api/local-authorities/" + chateaugiron + "/atlas/versions/" + version + "/report.pdf")
        .doesNotContain("version 1,");

    // A day without validations: no mail.
    Instant later = Instant.now().plus(Duration.ofDays(400));
    sendDigestAt(later);
    assertThat(digests()).as("still the one of today").hasSize(1);
  }

  /** The digests the DAECT received (its other mails are about account requests). */
  private static List<MimeMessage> digests() {
    return TestMailServer.messagesTo("daect@diplomatie.gouv.fr").stream()
        .filter(m -> Mails.subject(m).contains("de l'Atlas validée")).toList();
  }

  private void sendDigestAt(Instant when) {
    ClockUtil.setCurrentTime(Date.from(when));
    Job timer = management.createJobQuery().processDefinitionKey("DaectDailyDigest").timers().singleResult();
    assertThat(timer).as("the digest's timer").isNotNull();
    management.executeJob(timer.getId());
  }
}
