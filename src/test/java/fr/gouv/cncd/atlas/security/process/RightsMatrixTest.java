package fr.gouv.cncd.atlas.security.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.account.AccountRequestCommand;
import fr.gouv.cncd.atlas.account.AccountRequests;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.support.AtlasUpdateRun;
import fr.gouv.cncd.atlas.support.EngineCaller;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import fr.gouv.cncd.atlas.support.Jobs;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rights table of the README, checked black-box: each role × each resource × each action,
 * through both doors of Camunda's API (/engine-rest with HTTP Basic, and the webapps'
 * /camunda/api with a logged-in session), and the application's own /api and /actuator.
 *
 * <p>Expected answers: A allowed (2xx; a list includes the target), H answered without the
 * target (a list filtered by the caller's rights), D denied (401, 403 or 404), B refused as a
 * bad request (400: the action does not apply to this object). A 500 is never expected.
 *
 * <p>Fixtures are made through the engine's services without authentication. A cell that is
 * expected to succeed and changes its object gets objects of its own; the others share one set.
 */
@H2ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RightsMatrixTest {

  private static final String PASSWORD = "Demo#Atlas-2026";

  /** The roles, in the order of the expected-answer columns. */
  enum Role {
    ANONYMOUS(null, "tasklist"), AGENT_A("mdupont", "tasklist"), AGENT_B("ytanguy", "tasklist"),
    DAECT("validateur", "tasklist"), PROCESS_MANAGER("pilote", "cockpit"), ADMIN("admin", "admin");

    final String username;
    final String webapp;

    Role(String username, String webapp) {
      this.username = username;
      this.webapp = webapp;
    }
  }

  enum Door { ENGINE_REST, WEBAPP, APPLICATION }

  record Call(String method, String path, String body, String contentType, String target) {}

  /** One row of the table: a resource, an action, the call, and the six expected answers. */
  record Row(String resource, String action, boolean changesIt, List<Door> doors,
      Function<World, Call> call, String expected) {}

  @LocalServerPort
  int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired AccountRequests accountRequests;
  @Autowired FormService forms;
  @Autowired AtlasUpdates atlasUpdates;
  @Autowired fr.gouv.cncd.atlas.atlas.report.AtlasAttestations attestations;

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicReference<String> PUBLISHED_UPDATE_OF_A =
      new java.util.concurrent.atomic.AtomicReference<>();
  private final Map<Door, Map<Role, EngineCaller>> callers = new EnumMap<>(Door.class);

  @TestFactory
  Stream<DynamicTest> everyRoleResourceAndActionGetsItsExpectedAnswer() {
    World shared = new World(false);
    List<DynamicTest> cells = new ArrayList<>();
    for (Row row : rows()) {
      String[] expected = row.expected().trim().split("\\s+");
      assertThat(expected).as(row.resource() + " " + row.action()).hasSize(Role.values().length);
      for (Door door : row.doors()) {
        for (Role role : Role.values()) {
          char answer = expected[role.ordinal()].charAt(0);
          String name = role + " × " + row.resource() + " × " + row.action() + " via " + door + " → " + answer;
          cells.add(DynamicTest.dynamicTest(name, () -> {
            World world = row.changesIt() && answer == 'A' ? new World(true) : shared;
            world.caller = role;
            check(row, door, role, answer, row.call().apply(world));
          }));
        }
      }
    }
    return cells.stream();
  }

  private void check(Row row, Door door, Role role, char expected, Call call) {
    EngineCaller.Answer answer = caller(door, role).send(call.method(), call.path(), call.body(),
        call.contentType());
    String what = call.method() + " " + call.path() + " answered " + answer.status() + " " + abbreviate(answer.body());
    assertThat(answer.status()).as(what).isLessThan(500);
    switch (expected) {
      case 'A' -> {
        assertThat(answer.ok()).as(what).isTrue();
        if (call.target() != null) {
          assertThat(answer.body()).as(what).contains(call.target());
        }
      }
      case 'H' -> {
        assertThat(answer.ok()).as(what).isTrue();
        assertThat(answer.body()).as(what).doesNotContain(call.target());
      }
      case 'D' -> assertThat(answer.status()).as(what).isIn(401, 403, 404);
      case 'B' -> assertThat(answer.status()).as(what).isEqualTo(400);
      default -> throw new IllegalArgumentException("Unknown expected answer " + expected);
    }
  }

  private static final List<Door> CAMUNDA = List.of(Door.ENGINE_REST, Door.WEBAPP);
  private static final List<Door> APPLICATION = List.of(Door.APPLICATION);

  //                                                                      ANON A  B  DAECT PM ADMIN
  private List<Row> rows() {
    return List.of(
        // A task offered to collectivité A's group (the Atlas update's steps will be such tasks).
        row("tâche de la collectivité A", "list", false, w -> get("/task", w.taskOfA()), "D A H H A A"),
        row("tâche de la collectivité A", "read", false, w -> get("/task/" + w.taskOfA()), "D A D D A A"),
        row("tâche de la collectivité A", "create", false,
            w -> post("/task/create", "{\"name\":\"Tâche créée à la main\"}"), "D D D D D A"),
        row("tâche de la collectivité A", "update", true,
            w -> put("/task/" + w.taskOfA(), "{\"name\":\"Renommée\",\"priority\":50}"), "D D D D D A"),
        row("tâche de la collectivité A", "delete", true, w -> delete("/task/" + w.taskOfA()), "D D D D D A"),
        row("tâche de la collectivité A", "complete", true,
            w -> post("/task/" + w.taskOfA() + "/complete", "{}"), "D A D D D A"),
        // Its variables and form.
        row("variables de la tâche de A", "list", false, w -> get("/task/" + w.taskOfA() + "/variables", "note"),
            "D A D D A A"),
        row("variables de la tâche de A", "read", false,
            w -> get("/task/" + w.taskOfA() + "/form-variables", "note"), "D A D D A A"),
        row("variables de la tâche de A", "create", false,
            w -> put("/task/" + w.taskOfA() + "/variables/ajout", "{\"value\":\"x\",\"type\":\"String\"}"),
            "D D D D D A"),
        row("variables de la tâche de A", "update", false,
            w -> post("/task/" + w.taskOfA() + "/variables",
                "{\"modifications\":{\"note\":{\"value\":\"modifiée\",\"type\":\"String\"}}}"), "D D D D D A"),
        row("variables de la tâche de A", "delete", true, w -> delete("/task/" + w.taskOfA() + "/variables/note"),
            "D D D D D A"),
        row("variables de la tâche de A", "complete", true,
            w -> post("/task/" + w.taskOfA() + "/submit-form", "{\"variables\":{}}"), "D A D D D A"),
        // The DAECT's review of an account request.
        row("tâche de validation (DAECT)", "list", false,
            w -> get("/task?processDefinitionKey=AccountRequest", w.request().reviewTaskId()), "D H H A A A"),
        row("tâche de validation (DAECT)", "read", false, w -> get("/task/" + w.request().reviewTaskId()),
            "D D D A A A"),
        row("tâche de validation (DAECT)", "update", true,
            w -> post("/task/" + w.request().reviewTaskId() + "/claim", "{\"userId\":\"" + w.callerId() + "\"}"),
            "D D D A D A"),
        row("tâche de validation (DAECT)", "delete", false, w -> delete("/task/" + w.request().reviewTaskId()),
            "D B B B B B"),
        row("tâche de validation (DAECT)", "complete", true,
            w -> post("/task/" + w.request().reviewTaskId() + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}"), "D D D A D A"),
        // Comments: the task's participants and administrators; attachments: administrators (Camunda
        // itself lets anyone delete one). Camunda's REST turns
        // every refusal of this call into a 400 (« No task found », « Not enough parameters »).
        row("commentaires et pièces jointes", "create", false,
            w -> post("/task/" + w.request().reviewTaskId() + "/comment/create", "{\"message\":\"Vu\"}"),
            "D B B A B A"),
        row("commentaires et pièces jointes", "delete", true,
            w -> delete("/task/" + w.request().reviewTaskId() + "/attachment/" + w.attachment()), "D D D D D A"),
        // Process instances.
        row("instance de processus", "list", false,
            w -> get("/process-instance?processDefinitionKey=AccountRequest", w.request().processInstanceId()),
            "D H H H A A"),
        row("instance de processus", "read", false, w -> get("/process-instance/" + w.request().processInstanceId()),
            "D D D D A A"),
        row("instance de processus", "create", false,
            w -> post("/process-definition/key/" + w.fixtureProcess() + "/start", "{}"), "D D D D D A"),
        row("instance de processus", "update", true,
            w -> post("/process-instance/" + w.request().processInstanceId() + "/modification",
                "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_ReviewAccountRequest\"},"
                    + "{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_ReviewAccountRequest\"}]}"),
            "D D D D D A"),
        row("suspension d'instance", "update", true,
            w -> put("/process-instance/" + w.request().processInstanceId() + "/suspended", "{\"suspended\":true}"),
            "D D D D D A"),
        row("instance de processus", "delete", true, w -> delete("/process-instance/" + w.request().processInstanceId()),
            "D D D D D A"),
        // Process variables: the decision lives here.
        row("variables d'instance", "list", false,
            w -> get("/process-instance/" + w.request().processInstanceId() + "/variables", "accountRequestId"),
            "D D D D A A"),
        row("variables d'instance", "read", false,
            w -> get("/process-instance/" + w.request().processInstanceId() + "/variables/accountRequestId"),
            "D D D D A A"),
        row("variables d'instance", "create", false,
            w -> put("/process-instance/" + w.request().processInstanceId() + "/variables/decision",
                "{\"value\":\"APPROVE\",\"type\":\"String\"}"), "D D D D D A"),
        row("variables d'instance", "update", false,
            w -> post("/process-instance/" + w.request().processInstanceId() + "/variables",
                "{\"modifications\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}"), "D D D D D A"),
        row("variables d'instance", "delete", true,
            w -> delete("/process-instance/" + w.request().processInstanceId() + "/variables/requestedOn"),
            "D D D D D A"),
        // History.
        row("historique", "list", false,
            w -> get("/history/process-instance?processDefinitionKey=AccountRequest", w.finishedInstance()),
            "D H H A A A"),
        row("historique", "read", false, w -> get("/history/process-instance/" + w.finishedInstance()),
            "D D D A A A"),
        row("historique", "delete", true, w -> delete("/history/process-instance/" + w.finishedInstance()),
            "D D D D D A"),
        // Deployments.
        row("déploiement", "list", false, w -> get("/deployment", w.deployment()), "D H H H A A"),
        row("déploiement", "read", false, w -> get("/deployment/" + w.deployment()), "D D D D A A"),
        row("déploiement", "create", false, w -> w.deploymentUpload(), "D D D D D A"),
        row("déploiement", "delete", true, w -> delete("/deployment/" + w.deployment() + "?cascade=true"),
            "D D D D D A"),
        // Users.
        row("utilisateurs", "list", false, w -> get("/user", "\"" + w.user() + "\""), "D H H H H A"),
        row("utilisateurs", "read", false, w -> get("/user/" + w.user() + "/profile"), "D D D D D A"),
        row("utilisateurs", "create", false, w -> post("/user/create", w.newUserJson()), "D D D D D A"),
        row("utilisateurs", "update", true,
            w -> put("/user/" + w.user() + "/profile", profileJson(w.user(), "Jeanne", "Essai")), "D D D D D A"),
        row("utilisateurs", "delete", true, w -> delete("/user/" + w.user()), "D D D D D A"),
        row("son propre profil", "read", false, w -> get("/user/" + w.callerId() + "/profile"), "D A A A A A"),
        row("son propre profil", "update", false,
            w -> put("/user/" + w.callerId() + "/profile", profileJson(w.callerId(), "Camille", "Martin-Dupré")),
            "D D D D D A"),
        row("son propre mot de passe", "update", false,
            w -> put("/user/" + w.callerId() + "/credentials",
                "{\"password\":\"" + PASSWORD + "\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}"),
            "D A A A A A"),
        // Groups and memberships.
        row("groupes", "list", false, w -> get("/group", "\"daect\""), "D H H A H A"),
        row("groupes", "read", false, w -> get("/group/daect"), "D D D A D A"),
        row("groupes", "create", false,
            w -> post("/group/create", "{\"id\":\"matrixg" + SEQUENCE.incrementAndGet() + "\",\"name\":\"Essai\","
                + "\"type\":\"WORKFLOW\"}"), "D D D D D A"),
        row("groupes", "update", false,
            w -> put("/group/" + w.group(), "{\"id\":\"" + w.group() + "\",\"name\":\"Renommé\",\"type\":\"WORKFLOW\"}"),
            "D D D D D A"),
        row("groupes", "delete", true, w -> delete("/group/" + w.group()), "D D D D D A"),
        row("appartenances", "list", false, w -> get("/identity/groups?userId=validateur", "daect"), "D D D A D A"),
        row("appartenances", "read", false, w -> get("/group?member=validateur", "\"daect\""), "D D D A D A"),
        row("appartenances", "create", true, w -> put("/group/daect/members/" + w.user(), null), "D D D D D A"),
        row("appartenances", "delete", true, w -> delete("/group/" + w.group() + "/members/" + w.user()),
            "D D D D D A"),
        // Authorizations.
        row("autorisations", "list", false, w -> get("/authorization", w.authorization()), "D H H H H A"),
        row("autorisations", "read", false, w -> get("/authorization/" + w.authorization()), "D D D D D A"),
        row("autorisations", "create", true,
            w -> post("/authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"" + w.user()
                + "\",\"resourceType\":0,\"resourceId\":\"cockpit\"}"), "D D D D D A"),
        row("autorisations", "update", true,
            w -> put("/authorization/" + w.authorization(), "{\"permissions\":[\"ALL\"],\"userId\":\"" + w.user()
                + "\",\"resourceType\":0,\"resourceId\":\"admin\"}"), "D D D D D A"),
        row("autorisations", "delete", true, w -> delete("/authorization/" + w.authorization()), "D D D D D A"),
        // Tasklist filters: the application's only.
        row("filtres", "list", false, w -> get("/filter", w.daectFilter()), "D H H A H A"),
        row("filtres", "read", false, w -> get("/filter/" + w.daectFilter()), "D D D A D A"),
        row("filtres", "create", false,
            w -> post("/filter/create", "{\"resourceType\":\"Task\",\"name\":\"Le mien\",\"query\":{}}"),
            "D D D D D D"),
        row("filtres", "update", false,
            w -> put("/filter/" + w.daectFilter(), "{\"resourceType\":\"Task\",\"name\":\"Renommé\",\"query\":{}}"),
            "D D D D D D"),
        row("filtres", "delete", false, w -> delete("/filter/" + w.daectFilter()), "D D D D D D"),
        // Jobs and incidents.
        row("tâches techniques (jobs)", "list", false,
            w -> get("/job?processInstanceId=" + w.failedJob().getProcessInstanceId(), w.failedJob().getId()),
            "D D D D A A"),
        row("tâches techniques (jobs)", "read", false, w -> get("/job/" + w.failedJob().getId()), "D D D D A A"),
        row("tâches techniques (jobs)", "update", true,
            w -> put("/job/" + w.failedJob().getId() + "/retries", "{\"retries\":1}"), "D D D D A A"),
        row("tâches techniques (jobs) par lot", "update", true,
            w -> post("/job/retries", "{\"jobIds\":[\"" + w.failedJob().getId() + "\"],\"retries\":1}"),
            "D D D D A A"),
        row("tâches techniques (jobs)", "delete", true, w -> delete("/job/" + w.failedJob().getId()), "D D D D D A"),
        row("tâches techniques (jobs)", "complete", true, w -> post("/job/" + w.failedJob().getId() + "/execute", null),
            "D D D D D A"),
        row("incidents", "list", false,
            w -> get("/incident?processInstanceId=" + w.failedJob().getProcessInstanceId(), w.failedJob().getId()),
            "D D D D A A"),
        row("tâche technique sans procédure (nettoyage de l'historique)", "update", false,
            w -> put("/job/" + w.historyCleanupJob() + "/priority", "{\"priority\":0}"), "D D D D D A"),
        row("relance d'une tâche technique sans procédure", "update", false,
            w -> put("/job/" + w.historyCleanupJob() + "/retries", "{\"retries\":1}"), "D D D D D A"),
        row("relance qui replanifie une tâche technique", "update", true,
            w -> put("/job/" + w.failedJob().getId() + "/retries",
                "{\"retries\":1,\"dueDate\":\"2030-01-01T00:00:00.000+0000\"}"), "D D D D D A"),
        row("relance par lot choisie par une requête", "update", false,
            w -> post("/job/retries", "{\"jobQuery\":{},\"retries\":1}"), "D D D D D A"),
        row("tâche technique sans procédure (nettoyage de l'historique)", "list", false,
            w -> get("/job", w.historyCleanupJob()), "D D D D A A"),
        row("incidents", "update", true,
            w -> put("/incident/" + w.incident() + "/annotation", "{\"annotation\":\"Vu\"}"), "D D D D D A"),
        row("incidents", "delete", false, w -> delete("/incident/" + w.incident()), "D B B B B B"),
        // Engine metrics.
        row("métriques du moteur", "read", false, w -> get("/metrics/activity-instance-start/sum"), "D D D D A A"),
        // The application's own addresses.
        row("métriques de l'application (/actuator)", "read", false,
            w -> new Call("GET", "/actuator/metrics", null, null, "names"), "D D D D A A"),
        row("état de santé (/actuator)", "read", false,
            w -> new Call("GET", "/actuator/health", null, null, "UP"), "A A A A A A"),
        // The Atlas update of collectivité A: its steps, variables and history.
        row("étape de la mise à jour de l'Atlas de A", "list", false,
            w -> get("/task?processDefinitionKey=AtlasUpdate", w.atlasStep()), "D A H A A A"),
        row("étape de la mise à jour de l'Atlas de A", "read", false, w -> get("/task/" + w.atlasStep()), "D A D A A A"),
        row("variables du formulaire d'une étape de A", "read", false,
            w -> get("/task/" + w.atlasStep() + "/form-variables", "localAuthorityLabel"), "D A D A A A"),
        row("formulaire d'une étape de A", "read", false,
            w -> get("/task/" + w.atlasStep() + "/deployed-form", "ReadPresentation"), "D A D A A A"),
        row("étape de la mise à jour de l'Atlas de A", "complete", true,
            w -> post("/task/" + w.atlasStep() + "/submit-form", "{\"variables\":{}}"), "D A D D D A"),
        row("reprise d'une étape par un collègue (assignation)", "update", true,
            w -> post("/task/" + w.atlasStep() + "/assignee", "{\"userId\":\"" + w.callerId() + "\"}"), "D A D D D A"),
        row("variables d'instance de la mise à jour de A", "list", false,
            w -> get("/process-instance/" + w.atlasUpdate() + "/variables", "atlasUpdateId"), "D D D D A A"),
        row("historique des mises à jour de l'Atlas", "list", false,
            w -> get("/history/process-instance?processDefinitionKey=AtlasUpdate", w.atlasUpdate()), "D H H A A A"),
        row("historique des variables de la mise à jour de A", "list", false,
            w -> get("/history/variable-instance?processInstanceId=" + w.atlasUpdate(), "atlasUpdateId"), "D H H A A A"),
        row("instance de la mise à jour de A", "delete", true, w -> delete("/process-instance/" + w.atlasUpdate()),
            "D D D D D A"),
        // The published Atlas: the whole to A's agents, the DAECT and administrators; the public part to others.
        row("Atlas publié de A, partie réservée (/api)", "read", false,
            w -> new Call("GET", "/api/local-authorities/commune-35238/atlas", null, null, "demo-rennes-contact-1"),
            "H A H A H A"),
        row("Atlas publié de A, partie publique (/api)", "read", false,
            w -> new Call("GET", "/api/local-authorities/commune-35238/atlas", null, null, "demo-rennes-project-1"),
            "A A A A A A"),
        // The documents of A's versions (compte-rendu): A's agents, the DAECT, process managers, administrators;
        // another collectivité's agent gets 404, anonymous 401 (AtlasDocumentsApiTest checks the exact answers).
        row("versions de l'Atlas de A et leurs documents (/api)", "list", false,
            w -> new Call("GET", "/api/local-authorities/commune-35238/atlas/versions", null, null,
                "/atlas/versions/" + w.publishedVersionOfA() + "/report.pdf"), "D A D A A A"),
        row("compte-rendu d'une version de A (/api)", "read", false,
            w -> new Call("GET", "/api/local-authorities/commune-35238/atlas/versions/" + w.publishedVersionOfA()
                + "/report.pdf", null, null, "%PDF-"), "D A D A A A"),
        row("compte-rendu d'une mise à jour de A (/api)", "read", false,
            w -> new Call("GET", "/api/atlas-updates/" + w.publishedUpdateOfA() + "/report.pdf", null, null, "%PDF-"),
            "D A D A A A"),
        row("attestation d'une version de A (/api)", "read", false,
            w -> new Call("GET", "/api/local-authorities/commune-35238/atlas/versions/" + w.publishedVersionOfA()
                + "/attestation.pdf", null, null, "%PDF-"), "D A D A A A"),
        // Public: what an attestation's code proves, and whether an Atlas is up to date.
        row("vérification d'une attestation de A (/api)", "read", false,
            w -> new Call("GET", "/api/attestations/" + w.attestationCodeOfA(), null, null, "commune-35238"),
            "A A A A A A"),
        row("état de l'Atlas de A (/api)", "read", false,
            w -> new Call("GET", "/api/local-authorities/commune-35238/atlas-status", null, null, "\"upToDate\""),
            "A A A A A A"),
        // The process managers' figures and search (Cockpit's « Suivi de l'Atlas »).
        row("suivi des procédures : chiffres par région (/api)", "read", false,
            w -> new Call("GET", "/api/monitoring/summary", null, null, "Mises à jour de l'Atlas"), "D D D D A A"),
        row("suivi des procédures : recherche par collectivité (/api)", "list", false,
            w -> new Call("GET", "/api/monitoring/instances?q=rennes", null, null, w.atlasUpdate()), "D D D D A A"),
        row("référentiel des collectivités (/api)", "read", false,
            w -> new Call("GET", "/api/local-authorities?q=rennes", null, null, "commune-35238"), "A A A A A A"),
        row("reprise des comptes (/api/admin)", "create", false,
            w -> new Call("POST", "/api/admin/legacy-accounts", "identifiant;courriel;collectivité;date de création\n",
                "text/csv", null), "D D D D D A"));
  }

  private static Row row(String resource, String action, boolean changesIt, Function<World, Call> call, String expected) {
    boolean application = resource.contains("(/api") || resource.contains("(/actuator");
    return new Row(resource, action, changesIt, application ? APPLICATION : CAMUNDA, call, expected);
  }

  private static Call get(String path) {
    return new Call("GET", path, null, null, null);
  }

  private static Call get(String path, String target) {
    return new Call("GET", path, null, null, target);
  }

  private static Call post(String path, String json) {
    return new Call("POST", path, json, "application/json", null);
  }

  private static Call put(String path, String json) {
    return new Call("PUT", path, json, "application/json", null);
  }

  private static Call delete(String path) {
    return new Call("DELETE", path, null, null, null);
  }

  private static String profileJson(String id, String firstName, String lastName) {
    return "{\"id\":\"" + id + "\",\"firstName\":\"" + firstName + "\",\"lastName\":\"" + lastName
        + "\",\"email\":\"" + id + "@example.org\"}";
  }

  private static String abbreviate(String body) {
    return body == null || body.length() < 300 ? body : body.substring(0, 300) + "…";
  }

  private EngineCaller caller(Door door, Role role) {
    return callers.computeIfAbsent(door, d -> new EnumMap<>(Role.class)).computeIfAbsent(role, r -> switch (door) {
      case ENGINE_REST -> EngineCaller.engineRest(port, r.username, PASSWORD);
      case WEBAPP -> EngineCaller.webapp(port, r.webapp, r.username, PASSWORD);
      case APPLICATION -> EngineCaller.application(port, r.username, PASSWORD);
    });
  }

  /** The objects the calls are about, made on first use. */
  final class World {

    Role caller;
    private final Map<String, Object> made = new HashMap<>();
    /** A world of its own, for a cell that changes its objects: it starts a new Atlas update. */
    private final boolean fresh;

    World(boolean fresh) {
      this.fresh = fresh;
    }

    /**
     * The running Atlas update of collectivité A (Rennes), started by its agent. One update per
     * collectivité at a time: a fresh world cancels the running one and starts another; the shared
     * world takes the one running, whatever its step.
     */
    String atlasUpdate() {
      List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionKey("AtlasUpdate")
          .variableValueEquals("localAuthorityId", "commune-35238").list();
      if (!fresh && !running.isEmpty()) {
        return running.get(0).getId(); // not kept: a fresh world may have replaced it since
      }
      return once("atlasUpdate", () -> {
        running.forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "rights matrix"));
        identity.setAuthentication("mdupont", List.of("collectivites", "commune35238"));
        try {
          return runtime.startProcessInstanceByKey("AtlasUpdate").getId();
        } finally {
          identity.clearAuthentication();
        }
      });
    }

    /**
     * An update of A run to its end by the process (validated, published, its compte-rendu written),
     * made once for every world: a running update of A is cancelled first (one at a time).
     */
    String publishedUpdateOfA() {
      return PUBLISHED_UPDATE_OF_A.updateAndGet(existing -> existing != null ? existing : publishUpdateOfA());
    }

    int publishedVersionOfA() {
      publishedUpdateOfA();
      return atlasUpdates.published("commune-35238").version();
    }

    String attestationCodeOfA() {
      return attestations.attestation("commune-35238", publishedVersionOfA()).orElseThrow().getVerificationCode();
    }

    private String publishUpdateOfA() {
      runtime.createProcessInstanceQuery().processDefinitionKey("AtlasUpdate")
          .variableValueEquals("localAuthorityId", "commune-35238").list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "rights matrix"));
      AtlasUpdateRun run = new AtlasUpdateRun(runtime, tasks, forms, identity, "mdupont",
          List.of("collectivites", "commune35238")).start()
          .validatedWithPhone(atlasUpdates.published("commune-35238").content().coordinates(),
              String.format("0223621%03d", SEQUENCE.incrementAndGet() % 1000));
      Jobs.runAll(management);
      assertThat(run.currentTask().getTaskDefinitionKey()).isEqualTo("Task_DownloadReport");
      return run.processInstanceId();
    }

    /** The current step of that update. */
    String atlasStep() {
      String instance = atlasUpdate();
      return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    @SuppressWarnings("unchecked")
    private <T> T once(String key, Supplier<T> maker) {
      if (!made.containsKey(key)) {
        made.put(key, maker.get()); // not computeIfAbsent: makers call one another
      }
      return (T) made.get(key);
    }

    String callerId() {
      return caller.username == null ? "mdupont" : caller.username;
    }

    String taskOfA() {
      return once("taskOfA", () -> {
        Task task = tasks.newTask();
        task.setName("Tâche de la Ville de Rennes");
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), "commune35238");
        tasks.setVariableLocal(task.getId(), "note", "à compléter");
        return task.getId();
      });
    }

    /** An account request waiting for the DAECT's review. */
    Submitted request() {
      return once("request", () -> {
        Submitted submitted = submit();
        management.executeJob(management.createJobQuery().processInstanceId(submitted.processInstanceId())
            .singleResult().getId());
        String reviewTaskId = tasks.createTaskQuery().processInstanceId(submitted.processInstanceId())
            .taskDefinitionKey("Task_ReviewAccountRequest").singleResult().getId();
        return new Submitted(submitted.requestId(), submitted.processInstanceId(), reviewTaskId);
      });
    }

    /** The first job of a request, whose retries ran out: an incident. */
    Job failedJob() {
      return once("failedJob", () -> {
        Job job = management.createJobQuery().processInstanceId(submit().processInstanceId()).singleResult();
        management.setJobRetries(job.getId(), 0);
        return job;
      });
    }

    String attachment() {
      return once("attachment", () -> tasks.createAttachment("url", request().reviewTaskId(), null, "Pièce",
          "Pièce jointe d'essai", "https://example.org/piece.pdf").getId());
    }

    String historyCleanupJob() {
      return once("historyCleanupJob", () -> {
        if (history.findHistoryCleanupJobs().isEmpty()) {
          history.cleanUpHistoryAsync(true);
        }
        return history.findHistoryCleanupJobs().get(0).getId();
      });
    }

    String incident() {
      return once("incident", () -> runtime.createIncidentQuery().configuration(failedJob().getId())
          .processInstanceId(failedJob().getProcessInstanceId()).singleResult().getId());
    }

    /** A request whose instance an administrator deleted: a finished historic instance. */
    String finishedInstance() {
      return once("finished", () -> {
        String id = submit().processInstanceId();
        runtime.deleteProcessInstance(id, "Supprimée par un administrateur");
        return id;
      });
    }

    String fixtureProcess() {
      deployment();
      return "MatrixFixture";
    }

    String deployment() {
      return once("deployment", () -> repository.createDeployment().name("Matrice des droits")
          .addModelInstance("MatrixFixture.bpmn", Bpmn.createExecutableProcess("MatrixFixture")
              .camundaHistoryTimeToLive(1).startEvent().endEvent().done())
          .deploy().getId());
    }

    Call deploymentUpload() {
      String boundary = "matrix" + SEQUENCE.incrementAndGet();
      String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("MatrixUpload").camundaHistoryTimeToLive(1)
          .startEvent().endEvent().done());
      String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nessai\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"MatrixUpload.bpmn\"\r\n"
          + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
      return new Call("POST", "/deployment/create", body, "multipart/form-data; boundary=" + boundary, null);
    }

    String user() {
      return once("user", () -> {
        User user = identity.newUser("matrix" + SEQUENCE.incrementAndGet());
        user.setFirstName("Jean");
        user.setLastName("Essai");
        user.setEmail(user.getId() + "@example.org");
        user.setPassword("Brume#Granit-2026");
        identity.saveUser(user);
        return user.getId();
      });
    }

    String newUserJson() {
      String id = "matrixnew" + SEQUENCE.incrementAndGet();
      return "{\"profile\":" + profileJson(id, "Jean", "Nouveau") + ",\"credentials\":{\"password\":\"Brume#Granit-2026\"}}";
    }

    String group() {
      return once("group", () -> {
        Group group = identity.newGroup("matrixg" + SEQUENCE.incrementAndGet());
        group.setName("Groupe d'essai");
        identity.saveGroup(group);
        identity.createMembership(user(), group.getId());
        return group.getId();
      });
    }

    String authorization() {
      return once("authorization", () -> {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(user());
        grant.setResource(Resources.APPLICATION);
        grant.setResourceId("tasklist");
        grant.addPermission(Permissions.ACCESS);
        return authorizations.saveAuthorization(grant).getId();
      });
    }

    String daectFilter() {
      return once("daectFilter", () -> filters.createTaskFilterQuery().filterName("Demandes de compte à valider")
          .singleResult().getId());
    }

    private Submitted submit() {
      int n = SEQUENCE.incrementAndGet();
      String requestId = accountRequests.submit(new AccountRequestCommand("commune-35238", null, "MADAME", "Essai",
          "Jeanne", "Chargée de mission", "matrice" + n + "@example.org", null, "matrice" + n,
          "Brume#Granit-2026")).getId();
      String processInstanceId = runtime.createProcessInstanceQuery().variableValueEquals("accountRequestId", requestId)
          .singleResult().getId();
      return new Submitted(requestId, processInstanceId, null);
    }
  }

  record Submitted(String requestId, String processInstanceId, String reviewTaskId) {}
}
