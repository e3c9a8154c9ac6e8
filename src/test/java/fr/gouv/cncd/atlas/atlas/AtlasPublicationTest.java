package fr.gouv.cncd.atlas.atlas;

import static fr.gouv.cncd.atlas.atlas.AtlasUpdateScenarioTest.JSON;
import static fr.gouv.cncd.atlas.atlas.AtlasUpdateScenarioTest.PASSWORD;
import static fr.gouv.cncd.atlas.atlas.AtlasUpdateScenarioTest.agentOf;
import static fr.gouv.cncd.atlas.atlas.AtlasUpdateScenarioTest.change;
import static fr.gouv.cncd.atlas.atlas.AtlasUpdateScenarioTest.started;
import static fr.gouv.cncd.atlas.atlas.AtlasUpdateScenarioTest.submitted;
import static fr.gouv.cncd.atlas.atlas.AtlasUpdateScenarioTest.toValidation;
import static fr.gouv.cncd.atlas.atlas.AtlasUpdateScenarioTest.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.gouv.cncd.atlas.atlas.AtlasContent.Contact;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Coordinates;
import fr.gouv.cncd.atlas.support.EngineCaller;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.PostgresApplicationTest;
import fr.gouv.cncd.atlas.support.TasklistForms;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publication of an Atlas update on PostgreSQL: run again, it writes nothing; failing half-way,
 * it leaves the previous version whole and its job retries, then raises an incident; run twice at
 * once, it writes one version; and a version published during the update (a DAECT correction) is
 * shown at step 8, never overwritten, and merged into the update before it is published.
 */
@PostgresApplicationTest
class AtlasPublicationTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired AtlasPublication publication;
  @Autowired AtlasUpdates updates;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void publishingAPublishedDraftAgainWritesNothing() {
    String betton = "commune-35024";
    publication.publishDirectly(betton, DemoAtlas.rennes(), "daect");
    String draftId = validatedDraft(betton, "0299000001");

    assertThat(publication.publish(draftId)).isEqualTo(AtlasPublication.Outcome.PUBLISHED);
    Map<String, Object> draftRow = jdbc.queryForMap("select * from atlas_draft where id = ?", draftId);
    List<Map<String, Object>> versionRows = versionRows(betton);
    assertThat(versionRows).hasSize(2);

    assertThat(publication.publish(draftId)).isEqualTo(AtlasPublication.Outcome.ALREADY_PUBLISHED);
    assertThat(jdbc.queryForMap("select * from atlas_draft where id = ?", draftId)).isEqualTo(draftRow);
    assertThat(versionRows(betton)).isEqualTo(versionRows);
    assertThat(updates.published(betton).version()).isEqualTo(2);
  }

  @Test
  void failureHalfWayThroughThePublicationLeavesTheVersionBeforeWholeAndTheJobRetries() throws Exception {
    String cesson = "commune-35051";
    publication.publishDirectly(cesson, DemoAtlas.rennes(), "daect");
    TasklistForms tasklist = new TasklistForms(EngineCaller.webapp(port, "tasklist",
        agentOf(identity, cesson, "Cesson-Sévigné"), PASSWORD));
    String instanceId = started(tasklist);
    TasklistForms.Task validation = toValidation(tasklist, instanceId, values("coordinatesPhone", "0299000002"));
    String draftId = validation.text("atlasUpdateId");
    submitted(tasklist.submit(validation, values("validationChoice", "VALIDATE")));
    Job job = management.createJobQuery().processInstanceId(instanceId).singleResult();

    // PostgreSQL refuses the draft's change to PUBLISHED, which comes after the version's insert.
    failPublicationOf(draftId);
    try {
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasStackTraceContaining("Panne simulée");
      assertPreviousVersionWhole(cesson, draftId);
      assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries())
          .as("5 tries in all (R5/PT2M)").isEqualTo(4);
      assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).count()).isZero();

      // The last try fails too: an incident for Cockpit, the previous version still whole.
      management.setJobRetries(job.getId(), 1);
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasStackTraceContaining("Panne simulée");
      List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(instanceId).list();
      assertThat(incidents).hasSize(1);
      assertThat(incidents.get(0).getActivityId()).isEqualTo("ServiceTask_PublishAtlas");
      assertPreviousVersionWhole(cesson, draftId);
    } finally {
      jdbc.update("delete from atlas_test_failing_publication where draft_id = ?", draftId);
    }

    // What a process manager does in Cockpit once the cause is gone: retry.
    management.setJobRetries(job.getId(), 1);
    management.setJobDuedate(job.getId(), new Date());
    Jobs.runAll(management);
    assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).count()).isZero();
    assertPublishedAndOfferingItsReport(instanceId);
    assertThat(versionRows(cesson)).extracting(v -> v.get("number")).containsExactly(1, 2);
    assertThat(jdbc.queryForObject("select count(*) from atlas_version where update_id = ?", Integer.class, draftId))
        .isEqualTo(1);
    assertThat(updates.draft(draftId).getStatus()).isEqualTo(DraftStatus.PUBLISHED);
    assertThat(updates.published(cesson).content()).isEqualTo(updates.content(draftId));
    assertThat(updates.published(cesson).content().coordinates().phone()).isEqualTo("0299000002");
  }

  @Test
  void twoPublicationsOfOneDraftAtOnceWriteOneVersion() throws Exception {
    String chartres = "commune-35066";
    publication.publishDirectly(chartres, DemoAtlas.rennes(), "daect");
    String draftId = validatedDraft(chartres, "0299000003");

    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<AtlasPublication.Outcome>> outcomes = new ArrayList<>();
    try {
      // The test holds the draft's row: both publications start, and wait for it, at once.
      new TransactionTemplate(transactions).executeWithoutResult(status -> {
        jdbc.queryForObject("select id from atlas_draft where id = ? for update", String.class, draftId);
        for (int i = 0; i < 2; i++) {
          outcomes.add(pool.submit(() -> publication.publish(draftId)));
        }
        awaitBlockedSessions(2);
      });
      List<AtlasPublication.Outcome> results = new ArrayList<>();
      for (Future<AtlasPublication.Outcome> outcome : outcomes) {
        results.add(outcome.get(30, TimeUnit.SECONDS));
      }
      assertThat(results).containsExactlyInAnyOrder(AtlasPublication.Outcome.PUBLISHED,
          AtlasPublication.Outcome.ALREADY_PUBLISHED);
    } finally {
      pool.shutdownNow();
    }
    assertThat(versionRows(chartres)).extracting(v -> v.get("number")).containsExactly(1, 2);
    assertThat(jdbc.queryForObject("select count(*) from atlas_version where update_id = ?", Integer.class, draftId))
        .isEqualTo(1);
    assertThat(updates.draft(draftId).getPublishedVersion()).isEqualTo(2);
  }

  @Test
  void correctionPublishedDuringTheUpdateIsShownAtStep8AndMergedBeforePublication() throws Exception {
    String chauvigne = "commune-35075";
    publication.publishDirectly(chauvigne, DemoAtlas.rennes(), "daect");
    TasklistForms tasklist = new TasklistForms(EngineCaller.webapp(port, "tasklist",
        agentOf(identity, chauvigne, "Chauvigné"), PASSWORD));
    String instanceId = started(tasklist);
    TasklistForms.Task validation = toValidation(tasklist, instanceId,
        values("coordinatesWebsite", "https://www.chauvigne.fr"));
    String draftId = validation.text("atlasUpdateId");
    assertThat(validation.value("conflict").booleanValue()).isFalse();

    // While the agent reads step 8, the DAECT publishes a correction.
    AtlasContent correction = corrected(DemoAtlas.rennes());
    assertThat(publication.publishDirectly(chauvigne, correction, "daect")).isEqualTo(2);

    validation = tasklist.task(instanceId);
    assertThat(validation.taskDefinitionKey()).isEqualTo("Task_ValidateUpdate");
    assertConflictShown(validation);
    EngineCaller.Answer refused = tasklist.submit(validation, values("validationChoice", "VALIDATE"));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).get("message").asText()).isEqualTo("Ce formulaire n'est pas enregistré."
        + " Validation : l'Atlas publié a changé depuis le début de votre mise à jour ; choisissez d'abord"
        + " « Intégrer à mon brouillon les changements publiés entre-temps ».");
    assertThat(tasklist.task(instanceId).id()).isEqualTo(validation.id());
    assertThat(updates.draft(draftId).getStatus()).isEqualTo(DraftStatus.OPEN);
    assertThat(updates.published(chauvigne).version()).isEqualTo(2);

    mergedThenPublished(tasklist, instanceId, validation, draftId, chauvigne, correction, "https://www.chauvigne.fr");
  }

  @Test
  void correctionPublishedBetweenValidationAndPublicationSendsTheAgentBackToStep8() throws Exception {
    String clayes = "commune-35081";
    publication.publishDirectly(clayes, DemoAtlas.rennes(), "daect");
    TasklistForms tasklist = new TasklistForms(EngineCaller.webapp(port, "tasklist",
        agentOf(identity, clayes, "Clayes"), PASSWORD));
    String instanceId = started(tasklist);
    TasklistForms.Task validation = toValidation(tasklist, instanceId,
        values("coordinatesWebsite", "https://www.clayes.fr"));
    String draftId = validation.text("atlasUpdateId");
    submitted(tasklist.submit(validation, values("validationChoice", "VALIDATE")));

    AtlasContent correction = corrected(DemoAtlas.rennes());
    assertThat(publication.publishDirectly(clayes, correction, "daect")).isEqualTo(2);
    Jobs.runAll(management);

    // The publication found version 2: nothing overwritten, the agent is back at step 8.
    assertThat(updates.published(clayes).version()).isEqualTo(2);
    assertThat(updates.published(clayes).content()).isEqualTo(correction);
    assertThat(updates.draft(draftId).getStatus()).isEqualTo(DraftStatus.OPEN);
    validation = tasklist.task(instanceId);
    assertThat(validation.taskDefinitionKey()).isEqualTo("Task_ValidateUpdate");
    assertConflictShown(validation);

    mergedThenPublished(tasklist, instanceId, validation, draftId, clayes, correction, "https://www.clayes.fr");
  }

  /** The DAECT's correction: the phone of the town hall and the e-mail of a contact. */
  private static AtlasContent corrected(AtlasContent content) {
    Coordinates c = content.coordinates();
    Contact first = content.contacts().get(0);
    List<Contact> contacts = new ArrayList<>(content.contacts());
    contacts.set(0, new Contact(first.id(), first.civility(), first.lastName(), first.firstName(), first.function(),
        first.quality(), "anne.le-goff@mairie.example.org", first.phone(), first.domains()));
    return content.withCoordinates(new Coordinates(c.address(), c.postalCode(), c.town(), "0299999999", c.email(),
        c.website(), c.internationalService())).withContacts(contacts);
  }

  private static void assertConflictShown(TasklistForms.Task validation) {
    assertThat(validation.value("conflict").booleanValue()).isTrue();
    assertThat(validation.text("conflictSummary")).startsWith("La version 2 de l'Atlas de votre collectivité a été publiée le ")
        .contains(" par daect, après le début de votre mise à jour (commencée sur la version 1).")
        .contains("Coordonnées : 1 champ modifié.").contains("Élus et cadres : 1 modifié.");
    assertThat(validation.rows("conflictRows")).containsExactly(
        change("Coordonnées", "Coordonnées", "Modifié", "Téléphone", "0223621010", "0299999999"),
        change("Élus et cadres", "Mme Anne Le Goff", "Modifié", "Courriel", "anne.legoff@ville-rennes.example.org",
            "anne.le-goff@mairie.example.org"),
        change("Associations et réseaux", "", "Aucune modification", "", "", ""),
        change("Coopérations décentralisées", "", "Aucune modification", "", "", ""),
        change("Autres actions extérieures", "", "Aucune modification", "", "", ""));
  }

  /** « Intégrer… », then « Valider »: the next version holds the correction and the update. */
  private void mergedThenPublished(TasklistForms tasklist, String instanceId, TasklistForms.Task validation,
      String draftId, String localAuthorityId, AtlasContent correction, String website) {
    submitted(tasklist.submit(validation, values("validationChoice", "REBASE")));
    TasklistForms.Task rebased = tasklist.task(instanceId);
    assertThat(rebased.taskDefinitionKey()).isEqualTo("Task_ValidateUpdate");
    assertThat(rebased.id()).isNotEqualTo(validation.id());
    assertThat(rebased.value("conflict").booleanValue()).isFalse();
    assertThat(rebased.rows("recapRows")).first().isEqualTo(
        change("Coordonnées", "Coordonnées", "Modifié", "Site internet", "https://metropole.rennes.fr", website));
    assertThat(rebased.rows("recapRows")).extracting(r -> r.get("change")).containsExactly("Modifié",
        "Aucune modification", "Aucune modification", "Aucune modification", "Aucune modification");
    assertThat(updates.draft(draftId).getBaseVersion()).isEqualTo(2);

    submitted(tasklist.submit(rebased, values("validationChoice", "VALIDATE")));
    Jobs.runAll(management);
    Coordinates c = correction.coordinates();
    AtlasContent expected = correction.withCoordinates(new Coordinates(c.address(), c.postalCode(), c.town(),
        c.phone(), c.email(), website, c.internationalService()));
    PublishedAtlas published = updates.published(localAuthorityId);
    assertThat(published.version()).isEqualTo(3);
    assertThat(published.content()).isEqualTo(expected).isEqualTo(updates.content(draftId));
    assertPublishedAndOfferingItsReport(instanceId);
  }

  /** A validated draft of the collectivité, its phone changed, made through the services. */
  private String validatedDraft(String localAuthorityId, String phone) {
    String draftId = updates.start(localAuthorityId, "agent").getId();
    Coordinates c = updates.content(draftId).coordinates();
    updates.saveCoordinates(draftId, new Coordinates(c.address(), c.postalCode(), c.town(), phone, c.email(),
        c.website(), c.internationalService()), "agent");
    updates.validate(draftId, "agent");
    return draftId;
  }

  private List<Map<String, Object>> versionRows(String localAuthorityId) {
    return jdbc.queryForList("select * from atlas_version where local_authority_id = ? order by number",
        localAuthorityId);
  }

  /** Published: the update's last task offers its compte-rendu. */
  private void assertPublishedAndOfferingItsReport(String instanceId) {
    assertThat(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_DownloadReport");
  }

  private void assertPreviousVersionWhole(String localAuthorityId, String draftId) {
    assertThat(versionRows(localAuthorityId)).extracting(v -> v.get("number")).containsExactly(1);
    assertThat(jdbc.queryForObject("select count(*) from atlas_version where update_id = ?", Integer.class, draftId))
        .isZero();
    assertThat(updates.published(localAuthorityId).content()).isEqualTo(DemoAtlas.rennes());
    assertThat(updates.draft(draftId).getStatus()).isEqualTo(DraftStatus.VALIDATED);
    assertThat(updates.draft(draftId).getPublishedVersion()).isNull();
  }

  @Test
  void failingDocumentsBecomeAnIncidentAndNeverUndoThePublication() throws Exception {
    String corps = "commune-35086";
    publication.publishDirectly(corps, DemoAtlas.rennes(), "daect");
    TasklistForms tasklist = new TasklistForms(EngineCaller.webapp(port, "tasklist",
        agentOf(identity, corps, "Corps-Nuds"), PASSWORD));
    String instanceId = started(tasklist);
    TasklistForms.Task validation = toValidation(tasklist, instanceId, values("coordinatesPhone", "0299000086"));
    String draftId = validation.text("atlasUpdateId");
    submitted(tasklist.submit(validation, values("validationChoice", "VALIDATE")));
    management.executeJob(management.createJobQuery().processInstanceId(instanceId).singleResult().getId());
    assertThat(updates.published(corps).version()).as("published").isEqualTo(2);

    // PostgreSQL refuses every document of this version: the documents' job fails, tries again, then
    // becomes an incident; the publication stays.
    String versionId = jdbc.queryForObject("select id from atlas_version where update_id = ?", String.class, draftId);
    jdbc.execute("create table if not exists atlas_test_failing_document (version_id varchar(36) primary key)");
    jdbc.execute("""
        create or replace function atlas_test_fail_document() returns trigger language plpgsql as $$
        begin
          if exists (select 1 from atlas_test_failing_document where version_id = new.version_id) then
            raise exception 'Panne simulée pendant l''écriture du compte-rendu de %', new.version_id;
          end if;
          return new;
        end $$""");
    jdbc.execute("drop trigger if exists atlas_test_fail_document on atlas_document");
    jdbc.execute("create trigger atlas_test_fail_document before insert on atlas_document for each row"
        + " execute function atlas_test_fail_document()");
    jdbc.update("insert into atlas_test_failing_document (version_id) values (?)", versionId);
    Job documents = management.createJobQuery().processInstanceId(instanceId).singleResult();
    try {
      assertThatThrownBy(() -> management.executeJob(documents.getId())).hasStackTraceContaining("Panne simulée");
      assertThat(management.createJobQuery().jobId(documents.getId()).singleResult().getRetries())
          .as("5 tries in all (R5/PT5M)").isEqualTo(4);
      management.setJobRetries(documents.getId(), 1);
      assertThatThrownBy(() -> management.executeJob(documents.getId())).hasStackTraceContaining("Panne simulée");
      List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(instanceId).list();
      assertThat(incidents).hasSize(1);
      assertThat(incidents.get(0).getActivityId()).isEqualTo("ServiceTask_WriteDocuments");
      assertThat(updates.published(corps).version()).as("still published").isEqualTo(2);
      assertThat(jdbc.queryForObject("select count(*) from atlas_document where version_id = ?", Integer.class,
          versionId)).isZero();
    } finally {
      jdbc.update("delete from atlas_test_failing_document where version_id = ?", versionId);
    }

    // Retried from Cockpit once the cause is gone: both documents, the receipt, the last task.
    management.setJobRetries(documents.getId(), 1);
    management.setJobDuedate(documents.getId(), new Date());
    Jobs.runAll(management);
    assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from atlas_document where version_id = ?", Integer.class,
        versionId)).isEqualTo(2);
    assertPublishedAndOfferingItsReport(instanceId);
  }

  /**
   * From now on PostgreSQL refuses to mark this draft PUBLISHED: the failure comes in the middle of
   * the publication's transaction, after the new version's row was inserted and flushed.
   */
  private void failPublicationOf(String draftId) {
    jdbc.execute("create table if not exists atlas_test_failing_publication (draft_id varchar(36) primary key)");
    jdbc.execute("""
        create or replace function atlas_test_fail_publication() returns trigger language plpgsql as $$
        begin
          if new.status = 'PUBLISHED' and exists (select 1 from atlas_test_failing_publication where draft_id = new.id) then
            raise exception 'Panne simulée pendant la publication du brouillon %', new.id;
          end if;
          return new;
        end $$""");
    jdbc.execute("drop trigger if exists atlas_test_fail_publication on atlas_draft");
    jdbc.execute("create trigger atlas_test_fail_publication before update on atlas_draft for each row"
        + " execute function atlas_test_fail_publication()");
    jdbc.update("insert into atlas_test_failing_publication (draft_id) values (?)", draftId);
  }

  /** Waits until that many other sessions of this database wait for a lock. */
  private void awaitBlockedSessions(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database()"
        + " and wait_event_type = 'Lock' and pid <> pg_backend_pid()", Integer.class) < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The publications did not both wait for the draft's lock");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
