package fr.gouv.cncd.atlas.atlas.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.gouv.cncd.atlas.atlas.AtlasContent;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectKind;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectStatus;
import fr.gouv.cncd.atlas.atlas.AtlasPublication;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.atlas.DraftStatus;
import fr.gouv.cncd.atlas.security.Groups;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import fr.gouv.cncd.atlas.support.Jobs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of AtlasUpdate on the real engine and services (H2): each test is an agent of a
 * collectivité of its own, so that the one-update-per-collectivité rule never joins two tests.
 */
@H2ApplicationTest
class AtlasUpdateProcessTest {

  /** Communes of Ille-et-Vilaine, one per test, none of them a demo collectivité. */
  private static final List<String> COMMUNES = List.of("35001", "35002", "35003", "35004", "35006", "35007",
      "35008", "35009", "35010", "35011", "35012", "35013", "35014", "35015", "35016", "35017");
  private static final AtomicInteger NEXT = new AtomicInteger();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired AtlasUpdates updates;
  @Autowired fr.gouv.cncd.atlas.atlas.report.AtlasReports reports;
  @Autowired AtlasPublication publication;

  private String localAuthorityId;
  private String group;
  private String agent;

  @BeforeEach
  void agentOfAFreshCollectivite() {
    BpmnAwareTests.init(engine);
    String code = COMMUNES.get(NEXT.getAndIncrement());
    localAuthorityId = "commune-" + code;
    group = "commune" + code;
    agent = "agent" + code;
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      Group g = identity.newGroup(group);
      g.setName("Commune " + code);
      g.setType(Groups.LOCAL_AUTHORITY_GROUP_TYPE);
      identity.saveGroup(g);
    }
    if (identity.createUserQuery().userId(agent).count() == 0) {
      var user = identity.newUser(agent);
      user.setFirstName("Agent");
      user.setLastName("Essai");
      user.setEmail(agent + "@example.org");
      user.setPassword("Demo#Atlas-2026");
      identity.saveUser(user);
      identity.createMembership(agent, Groups.LOCAL_AUTHORITY_STAFF);
      identity.createMembership(agent, group);
    }
    publication.publishDirectly(localAuthorityId, fr.gouv.cncd.atlas.atlas.AtlasFixtures.rennesLike(), "daect");
  }

  /** Runs as the agent, as Tasklist's calls do; assertions and jobs run without authentication. */
  private <T> T asAgent(java.util.function.Supplier<T> call) {
    identity.setAuthentication(agent, List.of(Groups.LOCAL_AUTHORITY_STAFF, group));
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  @AfterEach
  void logOut() {
    identity.clearAuthentication();
    runtime.createProcessInstanceQuery().processDefinitionKey("AtlasUpdate").variableValueEquals("localAuthorityId",
        localAuthorityId).list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test over"));
  }

  @Test
  void straightThroughPublishesTheDraftAsTheNextVersionOnlyAtValidation() {
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAt("Task_ReadPresentation");
    assertThat(instance.getBusinessKey()).contains("(" + localAuthorityId + ")");
    Task first = task(instance);
    assertThat(first.getAssignee()).isEqualTo(agent);
    assertThat(first.getName()).isEqualTo("Étape 1/8 — Présentation et objectifs");

    submit(instance, Map.of());
    assertThat(instance).isWaitingAt("Task_EditCoordinates");
    assertThat(forms.getTaskFormVariables(task(instance).getId()).getValue("coordinatesTown", String.class))
        .isEqualTo("Rennes");
    Map<String, Object> coordinates = new HashMap<>(coordinates());
    coordinates.put("coordinatesPhone", "02 99 00 00 00");
    submit(instance, coordinates);
    next(instance, "contactAction");
    assertThat(instance).isWaitingAt("Task_ReadOdaAmounts");
    submit(instance, Map.of());
    next(instance, "networkAction");
    next(instance, "cooperationAction");
    next(instance, "externalActionAction");
    assertThat(instance).isWaitingAt("Task_ValidateUpdate");
    assertThat(updates.published(localAuthorityId).version()).isEqualTo(1);
    assertThat(updates.published(localAuthorityId).content().coordinates().phone()).isEqualTo("0223621010");
    String recap = (String) runtime.getVariable(instance.getId(), "recapSummary");
    assertThat(recap).contains("Coordonnées : 1 champ modifié", "Élus et cadres : aucune modification");

    submit(instance, Map.of("validationChoice", "VALIDATE"));
    assertThat(instance).isWaitingAt("ServiceTask_PublishAtlas");
    assertThat(updates.published(localAuthorityId).version()).isEqualTo(1);
    Jobs.runAll(management);
    // Published, its compte-rendu written: the last task offers it to the agent.
    assertThat(instance).hasPassed("ServiceTask_PublishAtlas", "ServiceTask_WriteDocuments").isWaitingAt("Task_DownloadReport");
    Task last = task(instance);
    assertThat(last.getAssignee()).isEqualTo(agent);
    assertThat(runtime.getVariable(instance.getId(), "reportAddress"))
        .isEqualTo("/api/atlas-updates/" + instance.getId() + "/report.pdf");
    assertThat(reports.reportOfUpdate(draftOf(instance))).isPresent();
    // Left open, it closes by itself after 30 days.
    org.camunda.bpm.engine.runtime.Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers()
        .singleResult();
    assertThat(timer.getDuedate()).isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(29))));
    management.executeJob(timer.getId());
    assertThat(instance).isEnded().hasPassed("BoundaryEvent_DownloadLeftOpen", "EndEvent_AtlasPublished");
    String draftId = draftOf(instance);
    assertThat(updates.published(localAuthorityId).version()).isEqualTo(2);
    assertThat(updates.published(localAuthorityId).content()).isEqualTo(updates.content(draftId));
    assertThat(updates.published(localAuthorityId).content().coordinates().phone()).isEqualTo("0299000000");
    assertThat(updates.draft(draftId).getStatus()).isEqualTo(DraftStatus.PUBLISHED);
  }

  @Test
  void eachListActionChangesTheDraftOnly() {
    ProcessInstance instance = start();
    submit(instance, Map.of());
    submit(instance, coordinates());
    // Contacts: add, modify, delete
    submit(instance, Map.of("contactAction", "ADD"));
    assertThat(instance).isWaitingAt("Task_EditContact");
    submit(instance, contact("Kerbrat", "Nolwenn"));
    assertThat(instance).isWaitingAt("Task_ListContacts");
    String draftId = draftOf(instance);
    assertThat(updates.content(draftId).contacts()).hasSize(4);
    String added = updates.content(draftId).contacts().get(3).id();
    submit(instance, Map.of("contactAction", "MODIFY", "contactChoice", added));
    assertThat(forms.getTaskFormVariables(task(instance).getId()).getValue("contactLastName", String.class))
        .isEqualTo("Kerbrat");
    submit(instance, contact("Kerbrat-Le Gall", "Nolwenn"));
    assertThat(updates.content(draftId).contact(added).orElseThrow().lastName()).isEqualTo("Kerbrat-Le Gall");
    submit(instance, Map.of("contactAction", "DELETE", "contactChoice", "demo-rennes-contact-3"));
    assertThat(instance).isWaitingAt("Task_ListContacts");
    assertThat(updates.content(draftId).contact("demo-rennes-contact-3")).isEmpty();
    next(instance, "contactAction");
    submit(instance, Map.of());
    // Networks: add one typed in, discard a sheet
    submit(instance, Map.of("networkAction", "ADD"));
    submit(instance, Map.of("networkCode", "OTHER", "networkOtherName", "Réseau breton de solidarité", "networkYearJoined", 2015L,
        "sheetDecision", "SAVE"));
    submit(instance, Map.of("networkAction", "ADD"));
    submit(instance, Map.of("sheetDecision", "DISCARD"));
    assertThat(updates.content(draftId).networks()).hasSize(3);
    next(instance, "networkAction");
    // Cooperations: add, archive, restore
    submit(instance, Map.of("cooperationAction", "ADD"));
    assertThat(instance).isWaitingAt("Task_EditCooperation");
    submit(instance, cooperation("Coopération eau potable — Saint-Louis, Sénégal"));
    assertThat(updates.content(draftId).projects(ProjectKind.COOPERATION)).hasSize(4);
    submit(instance, Map.of("cooperationAction", "ARCHIVE", "cooperationChoice", "demo-rennes-project-2"));
    assertThat(updates.content(draftId).project("demo-rennes-project-2").orElseThrow().status())
        .isEqualTo(ProjectStatus.ARCHIVED);
    submit(instance, Map.of("cooperationAction", "RESTORE", "cooperationChoice", "demo-rennes-project-2"));
    assertThat(updates.content(draftId).project("demo-rennes-project-2").orElseThrow().status())
        .isEqualTo(ProjectStatus.ACTIVE);
    submit(instance, Map.of("cooperationAction", "ARCHIVE", "cooperationChoice", "demo-rennes-project-1"));
    next(instance, "cooperationAction");
    next(instance, "externalActionAction");
    assertThat(instance).isWaitingAt("Task_ValidateUpdate");
    String recap = (String) runtime.getVariable(instance.getId(), "recapSummary");
    assertThat(recap).contains("Élus et cadres : 1 ajouté, 1 supprimé", "Associations et réseaux : 1 ajouté",
        "Coopérations décentralisées : 1 ajouté, 1 archivé", "Autres actions extérieures : aucune modification");
    assertThat(updates.published(localAuthorityId).content()).isEqualTo(fr.gouv.cncd.atlas.atlas.AtlasFixtures.rennesLike());
  }

  @Test
  void goingBackFromStep8KeepsTheDraft() {
    ProcessInstance instance = start();
    submit(instance, Map.of());
    Map<String, Object> changed = new HashMap<>(coordinates());
    changed.put("coordinatesWebsite", "https://www.rennes.fr");
    submit(instance, changed);
    throughListsToValidation(instance);
    submit(instance, Map.of("validationChoice", "BACK", "backToStep", "2"));
    assertThat(instance).isWaitingAt("Task_EditCoordinates");
    assertThat(forms.getTaskFormVariables(task(instance).getId()).getValue("coordinatesWebsite", String.class))
        .isEqualTo("https://www.rennes.fr");
    submit(instance, changed);
    throughListsToValidation(instance);
    submit(instance, Map.of("validationChoice", "BACK", "backToStep", "6"));
    assertThat(instance).isWaitingAt("Task_ListCooperations");
    assertThat(updates.content(draftOf(instance)).coordinates().website()).isEqualTo("https://www.rennes.fr");
  }

  @Test
  void aRefusedStepStaysOpenAndLeavesTheDraftAsItWas() {
    ProcessInstance instance = start();
    submit(instance, Map.of());
    String draftId = draftOf(instance);
    AtlasContent before = updates.content(draftId);
    Map<String, Object> wrong = new HashMap<>(coordinates());
    wrong.put("coordinatesPostalCode", "3500");
    wrong.put("coordinatesEmail", "pas-une-adresse");
    String taskId = task(instance).getId();
    assertThatThrownBy(() -> asAgent(() -> { forms.submitTaskForm(taskId, wrong); return null; }))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Code postal : 5 chiffres")
        .hasMessageContaining("Courriel générique : adresse invalide");
    assertThat(instance).isWaitingAt("Task_EditCoordinates");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();
    assertThat(updates.content(draftId)).isEqualTo(before);

    submit(instance, coordinates());
    next(instance, "contactAction");
    submit(instance, Map.of());
    next(instance, "networkAction");
    submit(instance, Map.of("cooperationAction", "ADD"));
    // A project sheet without start date whose share exceeds its budget: refused, nothing added.
    Map<String, Object> project = new HashMap<>(cooperation("Sans date"));
    project.remove("projectStartDate");
    project.put("projectOwnShare", 999999.0);
    String sheet = task(instance).getId();
    assertThatThrownBy(() -> asAgent(() -> { forms.submitTaskForm(sheet, project); return null; }))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Projet — Date de début : obligatoire.")
        .hasMessageContaining("Financement — Part de la collectivité : au plus le budget total.");
    assertThat(instance).isWaitingAt("Task_EditCooperation");
    assertThat(updates.content(draftId).projects(ProjectKind.COOPERATION)).hasSize(3);
    // A list action without its item: refused.
    submit(instance, Map.of("sheetDecision", "DISCARD"));
    String list = task(instance).getId();
    assertThatThrownBy(() -> asAgent(() -> { forms.submitTaskForm(list, Map.of("cooperationAction", "ARCHIVE")); return null; }))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Projet : choisissez-le dans la liste.");
    assertThat(instance).isWaitingAt("Task_ListCooperations");
  }

  @Test
  void aSubmissionRewritingTheDraftTheCollectiviteOrItsGroupIsRefused() {
    ProcessInstance instance = start();
    String taskId = task(instance).getId();
    for (Map<String, Object> rewrite : List.<Map<String, Object>>of(Map.of("localAuthorityGroup", "commune35288"),
        Map.of("localAuthorityId", "commune-35288"), Map.of("atlasUpdateId", "another-draft"))) {
      assertThatThrownBy(() -> asAgent(() -> {
        forms.submitTaskForm(taskId, rewrite);
        return null;
      })).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("valeurs qu'il ne peut pas modifier");
      assertThat(instance).isWaitingAt("Task_ReadPresentation");
    }
    submit(instance, Map.of());
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(instance).getId()))
        .extracting(link -> link.getGroupId()).contains(group).doesNotContain("commune35288");
  }

  @Test
  void aSecondStartIsRefusedWithWhoAndWhen() {
    start();
    assertThatThrownBy(this::start)
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("est déjà en cours : commencée le")
        .hasMessageContaining("par Agent Essai")
        .hasMessageContaining("« Mise à jour de l'Atlas »");
  }

  @Test
  void abandoningOrCancellingLeavesThePublishedAtlasAndFreesTheCollectivite() {
    ProcessInstance instance = start();
    submit(instance, Map.of());
    Map<String, Object> changed = new HashMap<>(coordinates());
    changed.put("coordinatesTown", "Rennes Cedex");
    submit(instance, changed);
    throughListsToValidation(instance);
    submit(instance, Map.of("validationChoice", "ABANDON"));
    assertThat(instance).isEnded().hasPassed("EndEvent_UpdateAbandoned");
    assertThat(updates.draft(draftOf(instance)).getStatus()).isEqualTo(DraftStatus.CANCELLED);
    assertThat(updates.published(localAuthorityId).version()).isEqualTo(1);

    // An administrator cancels the next one in Cockpit (custom listeners skipped, Cockpit's default).
    ProcessInstance second = start();
    String draftId = draftOf(second);
    runtime.deleteProcessInstance(second.getId(), "annulée par l'administrateur", true);
    assertThat(updates.draft(draftId).getStatus()).isEqualTo(DraftStatus.CANCELLED);
    assertThat(start()).isNotNull();
    assertThat(updates.published(localAuthorityId).version()).isEqualTo(1);
  }

  @Test
  void aVersionPublishedMeanwhileIsShownAndNeverOverwritten() {
    ProcessInstance instance = start();
    submit(instance, Map.of());
    Map<String, Object> changed = new HashMap<>(coordinates());
    changed.put("coordinatesPhone", "0299111111");
    submit(instance, changed);
    throughListsToValidation(instance);
    submit(instance, Map.of("validationChoice", "VALIDATE"));
    // The DAECT corrects the website before the publication job runs.
    AtlasContent published = updates.published(localAuthorityId).content();
    publication.publishDirectly(localAuthorityId, published.withCoordinates(new AtlasContent.Coordinates(
        published.coordinates().address(), published.coordinates().postalCode(), published.coordinates().town(),
        published.coordinates().phone(), published.coordinates().email(), "https://www.rennes.fr",
        published.coordinates().internationalService())), "validateur");
    Jobs.runAll(management);
    assertThat(instance).isWaitingAt("Task_ValidateUpdate").hasPassed("BoundaryEvent_AtlasChangedMeanwhile");
    assertThat(updates.published(localAuthorityId).version()).isEqualTo(2);
    assertThat((Boolean) runtime.getVariable(instance.getId(), "conflict")).isTrue();
    String taskId = task(instance).getId();
    assertThatThrownBy(() -> asAgent(() -> { forms.submitTaskForm(taskId, Map.of("validationChoice", "VALIDATE")); return null; }))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("l'Atlas publié a changé");

    submit(instance, Map.of("validationChoice", "REBASE"));
    assertThat(instance).isWaitingAt("Task_ValidateUpdate");
    assertThat((Boolean) runtime.getVariable(instance.getId(), "conflict")).isFalse();
    submit(instance, Map.of("validationChoice", "VALIDATE"));
    Jobs.runAll(management);
    assertThat(instance).isWaitingAt("Task_DownloadReport");
    submit(instance, Map.of());
    assertThat(instance).isEnded().hasPassed("EndEvent_AtlasPublished");
    AtlasContent.Coordinates result = updates.published(localAuthorityId).content().coordinates();
    assertThat(updates.published(localAuthorityId).version()).isEqualTo(3);
    assertThat(result.phone()).isEqualTo("0299111111");
    assertThat(result.website()).isEqualTo("https://www.rennes.fr");
  }

  // --- driving the process as Tasklist does (submit-form of the current task)

  private ProcessInstance start() {
    return asAgent(() -> runtime.startProcessInstanceByKey("AtlasUpdate"));
  }

  private Task task(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private String draftOf(ProcessInstance instance) {
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName("atlasUpdateId").singleResult().getValue();
  }

  private void submit(ProcessInstance instance, Map<String, Object> values) {
    String taskId = task(instance).getId();
    asAgent(() -> {
      forms.submitTaskForm(taskId, Variables.fromMap(values));
      return null;
    });
  }

  /** From step 3 to step 8 without changing anything. */
  private void throughListsToValidation(ProcessInstance instance) {
    next(instance, "contactAction");
    submit(instance, Map.of());
    next(instance, "networkAction");
    next(instance, "cooperationAction");
    next(instance, "externalActionAction");
  }

  private void next(ProcessInstance instance, String actionKey) {
    submit(instance, Map.of(actionKey, "NEXT"));
  }

  private static Map<String, Object> coordinates() {
    return Map.of("coordinatesAddress", "Hôtel de Ville\nPlace de la Mairie\nCS 63126", "coordinatesPostalCode", "35031",
        "coordinatesTown", "Rennes", "coordinatesPhone", "0223621010",
        "coordinatesEmail", "relations-internationales@ville-rennes.example.org",
        "coordinatesWebsite", "https://metropole.rennes.fr", "coordinatesService",
        "Direction des relations internationales et européennes");
  }

  private static Map<String, Object> contact(String lastName, String firstName) {
    Map<String, Object> values = new HashMap<>();
    values.put("contactCivility", "MME");
    values.put("contactLastName", lastName);
    values.put("contactFirstName", firstName);
    values.put("contactFunction", "Chargée de mission Europe");
    values.put("contactQuality", "OFFICER");
    values.put("contactEmail", "nolwenn.kerbrat@example.org");
    values.put("contactPhone", "02 23 62 11 04");
    values.put("contactDomains", Variables.objectValue(new java.util.ArrayList<>(List.of("EUROPEAN_AFFAIRS")))
        .serializationDataFormat("application/json").create());
    values.put("sheetDecision", "SAVE");
    return values;
  }

  static Map<String, Object> cooperation(String title) {
    Map<String, Object> values = new HashMap<>();
    values.put("projectCountry", "SN");
    values.put("projectPartnerAuthority", "Ville de Saint-Louis");
    values.put("projectPartnerLevel", "MUNICIPALITY");
    values.put("projectTitle", title);
    values.put("projectDescription", "Extension du réseau d'eau potable des quartiers de Sor.");
    values.put("projectThemes", org.camunda.spin.Spin.JSON("[\"WATER_SANITATION\"]"));
    values.put("projectSdgs", org.camunda.spin.Spin.JSON("[\"ODD6\"]"));
    values.put("projectStartDate", "2026-01-01");
    values.put("projectOngoing", true);
    values.put("projectAgreementType", "CONVENTION");
    values.put("projectSignatureDate", "2025-11-15");
    values.put("projectTotalBudget", 120000.0);
    values.put("projectOwnShare", 40000.0);
    values.put("projectCofundingMeae", 30000L);
    values.put("sheetDecision", "SAVE");
    return values;
  }
}
