package fr.gouv.cncd.atlas.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.referential.LocalAuthority;
import fr.gouv.cncd.atlas.support.ApplicationNode;
import fr.gouv.cncd.atlas.support.AtlasUpdateRun;
import fr.gouv.cncd.atlas.support.EngineCaller;
import fr.gouv.cncd.atlas.support.PostgresAndSmtpInitializer;
import fr.gouv.cncd.atlas.support.StaffMembers;
import fr.gouv.cncd.atlas.support.TasklistForms;
import fr.gouv.cncd.atlas.support.TestDatabase;
import fr.gouv.cncd.atlas.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * What a crash costs the publication, and how several engine nodes share the work. The nodes are
 * real processes of the application (production mode, job executors on) on a database of their own;
 * this test's own context, on the same database, has no job executor: it prepares updates as their
 * agents would and reads the outcome. Invariants after every fault: each validated update is
 * published exactly once (one version, its compte-rendu and attestation written once, its draft
 * PUBLISHED) or still waiting to be (no version, its job due), never anything between; every receipt
 * mail arrives, and a second copy only of the one mail whose sending the kill interrupted.
 *
 * <p>Its context has an engine name of its own and leaves the JVM-wide engine registry after the
 * class: otherwise it would take the "default" engine's place there, and the webapps of the other
 * PostgreSQL tests' context would log their users into this database (where they do not exist).
 */
@Tag("postgres")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "atlas.admin.password=" + PublicationFaultsTest.ADMIN_PASSWORD,
    "atlas.data-dir=target/test-data-nodes",
    "camunda.bpm.process-engine-name=nodes",
    "camunda.bpm.job-execution.enabled=false"})
@ContextConfiguration(initializers = PublicationFaultsTest.OwnDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationFaultsTest {

  static final String ADMIN_PASSWORD = "Essai#Pilotage-2026";
  static final String PASSWORD = "Jumelage#Quimper-Limerick1";
  static final String DATABASE = TestDatabase.urlOfOwn("nodes");
  /** Deliberately short here, so that a dead node's jobs go to the others quickly (production: application.yaml). */
  static final String LOCK_TIME = "camunda.bpm.job-execution.lock-time-in-millis=8000";

  /** The nodes' database: their job executors must not run the jobs other tests leave in theirs. */
  public static class OwnDatabase extends PostgresAndSmtpInitializer {
    @Override
    protected String databaseUrl() {
      return DATABASE;
    }
  }

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired AtlasPublication publication;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;

  private final List<ApplicationNode> nodes = new ArrayList<>();

  /** One validated update: its collectivité, agent, draft and process. */
  record Update(String localAuthorityId, String agent, String email, String draftId, String processInstanceId) {}

  @AfterEach
  void stopNodes() {
    nodes.forEach(ApplicationNode::kill);
    nodes.clear();
  }

  @AfterAll
  void leaveTheEngineRegistry() {
    ProcessEngines.unregister(engine);
  }

  @Test
  void aNodeKilledWhilePublishingLeavesEveryUpdatePublishedOnceOrWaitingAndTheNextNodeFinishesThem() {
    List<Update> updates = atStepEight(communes(0, 12)).stream().map(this::validate).toList();

    ApplicationNode first = node("crash-first");
    await(Duration.ofMinutes(3), () -> published(updates) >= 1, "a first publication");
    first.kill();
    int publishedAtKill = published(updates);
    assertThat(downloadOpen(updates)).as("the kill came while publications were under way").isLessThan(updates.size());
    assertPublishedOnceOrWaiting(updates);

    ApplicationNode restarted = node("crash-restarted");
    await(Duration.ofMinutes(4), () -> downloadOpen(updates) == updates.size(), "every update published after the restart");
    restarted.stop();
    assertThat(publishedAtKill).isLessThanOrEqualTo(updates.size());
    assertEveryUpdateDoneOnce(updates);
  }

  @Test
  void twoNodesShareTheLoadAndWhenOneDiesTheOtherFinishesItsJobsAfterTheLockTime() {
    List<Update> atStepEight = atStepEight(communes(12, 16));
    ApplicationNode first = node("cluster-first");
    // While it runs alone, the first node's jobs show its lock owner.
    List<Update> updates = new ArrayList<>(atStepEight.subList(0, 3).stream().map(this::validate).toList());
    String firstOwner = awaitValue(Duration.ofMinutes(2), () -> jdbc.queryForList(
        "select lock_owner_ from act_ru_job where lock_owner_ is not null", String.class).stream().findFirst(),
        "a job locked by the first node");
    ApplicationNode second = node("cluster-second");
    // « Valider » as agents do in Tasklist, through either node; then a burst of validations, so
    // that both nodes hold jobs when the first one dies.
    for (int i = 3; i < 7; i++) {
      updates.add(validateThrough(i % 2 == 0 ? first : second, atStepEight.get(i)));
    }
    atStepEight.subList(7, atStepEight.size()).forEach(update -> updates.add(validate(update)));
    await(Duration.ofMinutes(3), () -> !lockedBy(firstOwner).isEmpty(), "a job locked by the first node under load");
    first.kill();
    Set<String> heldByFirst = lockedBy(firstOwner);
    assertPublishedOnceOrWaiting(updates);

    await(Duration.ofMinutes(4), () -> downloadOpen(updates) == updates.size(), "the second node finishing every update");
    second.stop();
    assertThat(heldByFirst).as("jobs the first node held when it died").isNotEmpty();
    assertThat(jdbc.queryForObject("select count(*) from act_ru_job where id_ in (" + inList(heldByFirst) + ")",
        Integer.class)).as("done by the other node after the lock time").isZero();
    assertThat(jdbc.queryForList("select distinct hostname_ from act_hi_job_log where job_state_ = 2"
        + " and process_instance_id_ in (" + inList(updates.stream().map(Update::processInstanceId).collect(Collectors.toSet()))
        + ")", String.class)).as("nodes that completed jobs").contains("cluster-first", "cluster-second");
    assertEveryUpdateDoneOnce(updates);
  }

  // --- invariants

  private void assertPublishedOnceOrWaiting(List<Update> updates) {
    for (Update update : updates) {
      int versions = jdbc.queryForObject("select count(*) from atlas_version where update_id = ?", Integer.class,
          update.draftId());
      String status = jdbc.queryForObject("select status from atlas_draft where id = ?", String.class, update.draftId());
      if (versions == 1) {
        assertThat(status).as("draft of a published update %s", update).isEqualTo("PUBLISHED");
        assertThat(jdbc.queryForObject("select count(*) from atlas_version where local_authority_id = ?",
            Integer.class, update.localAuthorityId())).as("versions of %s", update.localAuthorityId()).isEqualTo(2);
      } else {
        assertThat(versions).as("versions of %s", update).isZero();
        assertThat(status).as("draft of an update waiting for publication %s", update).isNotEqualTo("PUBLISHED");
        assertThat(jdbc.queryForObject("select count(*) from act_ru_job where process_instance_id_ = ?", Integer.class,
            update.processInstanceId())).as("its publication job is still there").isEqualTo(1);
      }
    }
  }

  private void assertEveryUpdateDoneOnce(List<Update> updates) {
    assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Integer.class)).as("incidents").isZero();
    List<String> receiptKeys = new ArrayList<>();
    for (Update update : updates) {
      assertThat(jdbc.queryForObject("select count(*) from atlas_version where update_id = ?", Integer.class,
          update.draftId())).as("published once: %s", update).isEqualTo(1);
      assertThat(jdbc.queryForObject("select count(*) from atlas_version where local_authority_id = ?", Integer.class,
          update.localAuthorityId())).as("no second version of %s", update.localAuthorityId()).isEqualTo(2);
      assertThat(jdbc.queryForList("select d.kind from atlas_document d join atlas_version v on v.id = d.version_id"
          + " where v.update_id = ? order by d.kind", String.class, update.draftId()))
          .as("its documents, once each").containsExactly("ATTESTATION", "REPORT");
      List<MimeMessage> receipts = TestMailServer.messagesTo(update.email());
      assertThat(receipts).as("receipt of %s", update).isNotEmpty();
      receipts.forEach(receipt -> receiptKeys.add(header(receipt)));
    }
    long duplicates = receiptKeys.size() - receiptKeys.stream().distinct().count();
    assertThat(duplicates).as("a second copy at most of the one mail being sent at the kill: %s", receiptKeys)
        .isLessThanOrEqualTo(1);
  }

  // --- the updates

  /** Collectivités of Finistère that no other test of this database uses. */
  private List<String> communes(int from, int count) {
    return jdbc.queryForList("select id from local_authority where type = 'COMMUNE' and department_code = '29'"
        + " order by id offset ? limit ?", String.class, from, count);
  }

  /** For each collectivité: a published Atlas, an agent, and an update open at step 8. */
  private List<Update> atStepEight(List<String> localAuthorityIds) {
    List<Update> updates = new ArrayList<>();
    for (String id : localAuthorityIds) {
      publication.publishDirectly(id, DemoAtlas.saintMalo(), "daect");
      String agent = agentOf(id);
      AtlasUpdateRun run = new AtlasUpdateRun(runtime, tasks, forms, identity, agent,
          List.of("collectivites", LocalAuthority.groupIdOf(id))).start();
      run.toCooperations(DemoAtlas.saintMalo().coordinates());
      run.submit(Map.of("cooperationAction", "NEXT"));
      run.submit(Map.of("externalActionAction", "NEXT"));
      String draftId = (String) runtime.getVariable(run.processInstanceId(), "atlasUpdateId");
      updates.add(new Update(id, agent, agent + "@mairie.example.fr", draftId, run.processInstanceId()));
    }
    return updates;
  }

  /** « Valider la mise à jour » at step 8, through this test's engine. */
  private Update validate(Update update) {
    String taskId = tasks.createTaskQuery().processInstanceId(update.processInstanceId()).singleResult().getId();
    identity.setAuthentication(update.agent(), List.of("collectivites", LocalAuthority.groupIdOf(update.localAuthorityId())));
    try {
      forms.submitTaskForm(taskId, Map.of("validationChoice", "VALIDATE"));
    } finally {
      identity.clearAuthentication();
    }
    return update;
  }

  /** « Valider la mise à jour » at step 8, in Tasklist served by this node. */
  private Update validateThrough(ApplicationNode node, Update update) {
    TasklistForms tasklist = new TasklistForms(EngineCaller.webapp(node.port(), "tasklist", update.agent(), PASSWORD));
    EngineCaller.Answer answer = tasklist.submit(tasklist.task(update.processInstanceId()),
        Map.of("validationChoice", "VALIDATE"));
    assertThat(answer.status()).as("« Valider » through %s: %s", node, answer.body()).isEqualTo(204);
    return update;
  }

  private String agentOf(String localAuthorityId) {
    return StaffMembers.agentOf(identity, localAuthorityId, null, "Gwenaëlle", "Le Floc'h", PASSWORD);
  }


  // --- reading the outcome

  /**
   * A node of this database. Its history cleanup may run at any hour (production: 01:00–05:00), so
   * that the faults meet it whenever the test runs.
   */
  private ApplicationNode node(String name) {
    ApplicationNode node = ApplicationNode.start(name, DATABASE, ADMIN_PASSWORD, LOCK_TIME,
        "camunda.bpm.generic-properties.properties.hostname=" + name,
        "camunda.bpm.generic-properties.properties.history-cleanup-batch-window-start-time=00:00",
        "camunda.bpm.generic-properties.properties.history-cleanup-batch-window-end-time=23:59");
    nodes.add(node);
    return node;
  }

  private int published(List<Update> updates) {
    return jdbc.queryForObject("select count(*) from atlas_version where update_id in ("
        + inList(updates.stream().map(Update::draftId).collect(Collectors.toSet())) + ")", Integer.class);
  }

  /** Updates whose last task (« compte-rendu à télécharger ») is open: published, documents written, receipt sent. */
  private int downloadOpen(List<Update> updates) {
    return (int) updates.stream().filter(update -> tasks.createTaskQuery().processInstanceId(update.processInstanceId())
        .taskDefinitionKey("Task_DownloadReport").count() == 1).count();
  }

  /** Jobs locked by this owner (a node's job executor) and not yet done. */
  private Set<String> lockedBy(String owner) {
    return Set.copyOf(jdbc.queryForList("select id_ from act_ru_job where lock_owner_ = ?", String.class, owner));
  }

  private static String inList(Set<String> ids) {
    return ids.isEmpty() ? "''" : ids.stream().map(id -> "'" + id.replace("'", "") + "'").collect(Collectors.joining(","));
  }

  private static String header(MimeMessage message) {
    try {
      return message.getHeader("X-Atlas-Mail-Key", null);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls until the value is there (the nodes work on their own). */
  private static <T> T awaitValue(Duration timeout, java.util.function.Supplier<java.util.Optional<T>> value, String what) {
    Instant deadline = Instant.now().plus(timeout);
    for (java.util.Optional<T> seen = value.get(); ; seen = value.get()) {
      if (seen.isPresent()) {
        return seen.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not seen within " + timeout + ": " + what);
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Polls the condition (the nodes work on their own) until it holds or the time is up. */
  private void await(Duration timeout, BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not reached within " + timeout + ": " + what + "; jobs then: " + jdbc.queryForList(
            "select j.handler_type_, j.handler_cfg_, j.retries_, j.duedate_, j.lock_owner_, j.lock_exp_time_,"
                + " j.exception_msg_, j.process_instance_id_, now() as db_now from act_ru_job j order by j.duedate_"));
      }
      pause();
    }
  }
}
