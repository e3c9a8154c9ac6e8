package fr.gouv.cncd.atlas.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.cncd.atlas.account.AccountRequestCommand;
import fr.gouv.cncd.atlas.account.AccountRequests;
import fr.gouv.cncd.atlas.security.Groups;
import fr.gouv.cncd.atlas.support.AtlasUpdateRun;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.StaffMembers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process managers' figures through HTTP, as Cockpit's « Suivi de l'Atlas » reads them: per
 * région, an update started counts as « en cours », then « en incident », then « abandonnée » once
 * cancelled; a rejected account request as « terminée »; the search by a collectivité's name finds
 * them; only process managers and administrators get an answer.
 */
@H2ApplicationTest
class MonitoringApiTest {

  private static final String DEMO = "Demo#Atlas-2026";
  private static final String PASSWORD = "Coop#Bretagne-2026";
  private static final String NANTES = "commune-44109";
  private static final String REGION = "Pays de la Loire";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired AccountRequests requests;

  @Test
  void eachInstanceCountsInItsRegionAsItStandsAndIsFoundByItsCollectivitesName() throws Exception {
    JsonNode before = summary();

    String agent = "nantes" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 30), 36);
    if (identity.createGroupQuery().groupId("commune44109").count() == 0) {
      Group group = identity.newGroup("commune44109");
      group.setName("Nantes");
      group.setType(Groups.LOCAL_AUTHORITY_GROUP_TYPE);
      identity.saveGroup(group);
    }
    StaffMembers.create(identity, agent, "Gwenaëlle", "Le Roux", agent + "@nantes.fr", PASSWORD);
    identity.createMembership(agent, "commune44109");
    String update = new AtlasUpdateRun(runtime, tasks, forms, identity, agent,
        List.of(Groups.LOCAL_AUTHORITY_STAFF, "commune44109")).start().processInstanceId();

    JsonNode open = summary();
    for (String period : List.of("week", "year")) {
      assertThat(delta(before, open, period, "AtlasUpdate", REGION))
          .as(period).containsExactly(1, 1, 0, 0, 0);
    }

    runtime.createIncident("failedJob", update, "test: l'étape a échoué");
    assertThat(delta(before, summary(), "week", "AtlasUpdate", REGION)).containsExactly(1, 0, 1, 0, 0);
    JsonNode found = get("/api/monitoring/instances?q=" + URLEncoder.encode("nantes", StandardCharsets.UTF_8),
        "pilote", DEMO).json();
    JsonNode hit = instance(found, update);
    assertThat(hit.get("process").asText()).isEqualTo("Mises à jour de l'Atlas");
    assertThat(hit.get("businessKey").asText()).matches("Nantes \\(commune-44109\\) — \\d{1,2}(er)? [a-zéû]+ \\d{4}");
    assertThat(hit.get("localAuthority").asText()).isEqualTo("Nantes — Commune — 44 Loire-Atlantique (INSEE 44109)");
    assertThat(hit.get("statusLabel").asText()).isEqualTo("En incident");
    assertThat(hit.get("running").asBoolean()).isTrue();
    assertThat(hit.get("startedAt").asText()).matches("\\d{1,2}(er)? [a-zéû]+ \\d{4} à \\d{2} h \\d{2}");

    runtime.deleteProcessInstance(update, "Abandonnée par la DAECT (test)");
    assertThat(delta(before, summary(), "year", "AtlasUpdate", REGION)).containsExactly(1, 0, 0, 0, 1);
    assertThat(instance(get("/api/monitoring/instances?q=Nantes", "admin", DEMO).json(), update)
        .get("statusLabel").asText()).isEqualTo("Abandonnée");

    // A request for Saint-Nazaire, rejected by the DAECT: finished, found by the requester's name too.
    int n = ThreadLocalRandom.current().nextInt(1_000_000);
    String requestId = requests.submit(new AccountRequestCommand("commune-44184", null, "MONSIEUR", "Guérin",
        "Erwan", "Chargé de mission", "erwan.guerin" + n + "@saint-nazaire.fr", null, "eguerin" + n, PASSWORD)).getId();
    Jobs.runAll(management);
    String review = tasks.createTaskQuery().processVariableValueEquals("accountRequestId", requestId).singleResult()
        .getId();
    identity.setAuthentication("validateur", List.of(Groups.DAECT));
    try {
      tasks.complete(review, Map.of("decision", "REJECT", "rejectionMotive", "Le demandeur n'est pas un agent."));
    } finally {
      identity.clearAuthentication();
    }
    Jobs.runAll(management);
    assertThat(delta(before, summary(), "week", "AccountRequest", REGION)).containsExactly(1, 0, 0, 1, 0);
    JsonNode byName = get("/api/monitoring/instances?q=Guérin", "pilote", DEMO).json();
    assertThat(byName.findValuesAsText("businessKey")).contains("Saint-Nazaire — M. Erwan Guérin");
  }

  @Test
  void onlyProcessManagersAndAdministratorsGetTheFigures() throws Exception {
    for (String path : List.of("/api/monitoring/summary", "/api/monitoring/instances?q=rennes")) {
      Answer anonymous = get(path, null, null);
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.contentType()).startsWith("application/problem+json");
      assertThat(anonymous.json().get("detail").asText()).contains("Connectez-vous");
      assertThat(get(path, "inconnu", "mauvais").status()).isEqualTo(401);
      for (String refused : List.of("mdupont", "ytanguy", "validateur")) {
        Answer answer = get(path, refused, DEMO);
        assertThat(answer.status()).as(refused).isEqualTo(403);
        assertThat(answer.json().get("detail").asText())
            .isEqualTo("Le suivi des procédures est réservé aux pilotes des processus et aux administrateurs.");
      }
      assertThat(get(path, "pilote", DEMO).status()).isEqualTo(200);
      assertThat(get(path, "admin", DEMO).status()).isEqualTo(200);
    }
  }

  @Test
  void aSearchOfLessThanTwoCharactersIsRefusedInFrench() throws Exception {
    for (String query : List.of("", "n", "%20n%20")) {
      Answer answer = get("/api/monitoring/instances?q=" + query, "pilote", DEMO);
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("q");
      assertThat(answer.json().get("errors").get(0).get("message").asText())
          .isEqualTo("Saisissez au moins 2 caractères du nom de la collectivité.");
    }
    assertThat(get("/api/monitoring/instances?q=" + "a".repeat(101), "pilote", DEMO).status()).isEqualTo(400);
    // Wildcards are letters like the others.
    assertThat(get("/api/monitoring/instances?q=%25%25", "pilote", DEMO).json()).isEmpty();
  }

  // --- helpers

  private JsonNode summary() throws Exception {
    Answer answer = get("/api/monitoring/summary", "pilote", DEMO);
    assertThat(answer.status()).isEqualTo(200);
    return answer.json();
  }

  /** started, open, incident, finished, abandoned: after minus before, for one région. */
  private static List<Integer> delta(JsonNode before, JsonNode after, String period, String process, String region) {
    JsonNode was = counts(before, period, process, region);
    JsonNode is = counts(after, period, process, region);
    return List.of("started", "open", "incident", "finished", "abandoned").stream()
        .map(key -> is.path(key).asInt(0) - was.path(key).asInt(0)).toList();
  }

  private static JsonNode counts(JsonNode summary, String period, String process, String region) {
    for (JsonNode p : summary.get("periods")) {
      if (p.get("key").asText().equals(period)) {
        for (JsonNode processCounts : p.get("processes")) {
          if (processCounts.get("processKey").asText().equals(process)) {
            for (JsonNode row : processCounts.get("regions")) {
              if (row.get("region").asText().equals(region)) {
                return row;
              }
            }
            return JSON.createObjectNode();
          }
        }
      }
    }
    throw new AssertionError("no " + period + "/" + process + " in " + summary);
  }

  private static JsonNode instance(JsonNode found, String instanceId) {
    for (JsonNode hit : found) {
      if (hit.get("instanceId").asText().equals(instanceId)) {
        return hit;
      }
    }
    throw new AssertionError(instanceId + " not found in " + found);
  }

  record Answer(int status, String contentType, String body) {
    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }
  }

  private Answer get(String path, String user, String password) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json");
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }
}
