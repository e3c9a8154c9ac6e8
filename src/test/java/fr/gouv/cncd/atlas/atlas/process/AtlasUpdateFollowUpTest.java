package fr.gouv.cncd.atlas.atlas.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.atlas.AtlasDraft;
import fr.gouv.cncd.atlas.atlas.AtlasFixtures;
import fr.gouv.cncd.atlas.atlas.AtlasPublication;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.atlas.DraftStatus;
import fr.gouv.cncd.atlas.security.Groups;
import fr.gouv.cncd.atlas.support.AtlasUpdateRun;
import fr.gouv.cncd.atlas.support.Mails;
import fr.gouv.cncd.atlas.support.PostgresApplicationTest;
import fr.gouv.cncd.atlas.support.StaffMembers;
import fr.gouv.cncd.atlas.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The follow-up of idle updates (process AtlasUpdateFollowUp), with the engine's clock moved
 * forward: a reminder after 14 days without a completed step, once; completing a step starts the
 * count again; after 60 idle days the update is abandoned, its draft closed, the published Atlas
 * untouched, and its editor told so. On PostgreSQL, the mails through real SMTP (GreenMail).
 */
@PostgresApplicationTest
class AtlasUpdateFollowUpTest {

  private static final String MONTFORT = "commune-35188";
  private static final String GROUP = "commune35188";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired AtlasUpdates updates;
  @Autowired AtlasPublication publication;

  @AfterEach
  void backToNow() {
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey("AtlasUpdate").variableValueEquals("localAuthorityId",
        MONTFORT).list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test over"));
  }

  @Test
  void anIdleUpdateIsRemindedOnceThenAbandonedAfterSixtyDays() {
    String agent = "montfort" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 30), 36);
    if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
      Group group = identity.newGroup(GROUP);
      group.setName("Montfort-sur-Meu");
      group.setType(Groups.LOCAL_AUTHORITY_GROUP_TYPE);
      identity.saveGroup(group);
    }
    StaffMembers.create(identity, agent, "Yannick", "Le Bras", agent + "@example.org", "Coop#Bretagne-2026");
    identity.createMembership(agent, GROUP);
    int published = publication.publishDirectly(MONTFORT, AtlasFixtures.rennesLike(), "daect");
    AtlasUpdateRun run = new AtlasUpdateRun(runtime, tasks, forms, identity, agent,
        List.of(Groups.LOCAL_AUTHORITY_STAFF, GROUP)).start().submit(Map.of());
    AtlasDraft draft = updates.running(MONTFORT).orElseThrow();
    String address = agent + "@example.org";

    // 10 days: nothing yet.
    followUpAt(Instant.now().plus(Duration.ofDays(10)));
    assertThat(mailsTo(address, "vous attend")).isEmpty();

    // 15 days: one reminder, and only one on the next mornings.
    followUpAt(Instant.now().plus(Duration.ofDays(15)));
    followUpAt(Instant.now().plus(Duration.ofDays(16)));
    List<MimeMessage> sent = mailsTo(address, "vous attend");
    assertThat(sent).hasSize(1);
    assertThat(Mails.subject(sent.get(0))).isEqualTo("[Atlas CNCD] Votre mise à jour de l'Atlas vous attend : Montfort-sur-Meu");
    assertThat(Mails.text(sent.get(0))).contains("Bonjour Yannick Le Bras").contains("Rien n'est publié avant l'étape 8");

    // A step completed on day 16: the count starts again from there.
    run.submit(AtlasUpdateRun.coordinates(AtlasFixtures.rennesLike().coordinates()));
    followUpAt(Instant.now().plus(Duration.ofDays(25)));
    assertThat(mailsTo(address, "vous attend")).hasSize(1);
    followUpAt(Instant.now().plus(Duration.ofDays(31)));
    assertThat(mailsTo(address, "vous attend")).hasSize(2);
    // Day 70: 70 days after the start, but 54 after the last step: still running.
    followUpAt(Instant.now().plus(Duration.ofDays(70)));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(run.processInstanceId()).count()).isEqualTo(1);

    // Day 77, 61 days after the last step: abandoned, the editor told, the published Atlas as it was.
    followUpAt(Instant.now().plus(Duration.ofDays(77)));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(run.processInstanceId()).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(run.processInstanceId()).singleResult()
        .getDeleteReason()).isEqualTo(FollowUpIdleUpdatesAdapter.ABANDON_REASON);
    assertThat(updates.draft(draft.getId()).getStatus()).isEqualTo(DraftStatus.CANCELLED);
    assertThat(updates.running(MONTFORT)).isEmpty();
    assertThat(updates.published(MONTFORT).version()).isEqualTo(published);
    List<MimeMessage> abandoned = mailsTo(address, "abandonnée");
    assertThat(abandoned).hasSize(1);
    assertThat(Mails.text(abandoned.get(0))).contains("a été abandonnée").contains("n'a pas changé");
  }

  private static List<MimeMessage> mailsTo(String address, String subjectPart) {
    return TestMailServer.messagesTo(address).stream().filter(m -> Mails.subject(m).contains(subjectPart)).toList();
  }

  /** Moves the engine's clock, then runs the morning's follow-up as its timer would. */
  private void followUpAt(Instant when) {
    ClockUtil.setCurrentTime(Date.from(when));
    Job timer = management.createJobQuery().processDefinitionKey("AtlasUpdateFollowUp").timers().singleResult();
    assertThat(timer).as("the follow-up's timer").isNotNull();
    management.executeJob(timer.getId());
  }
}
