package fr.gouv.cncd.atlas.atlas.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.atlas.AtlasFixtures;
import fr.gouv.cncd.atlas.atlas.AtlasPublication;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.security.Groups;
import fr.gouv.cncd.atlas.support.AtlasUpdateRun;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.StaffMembers;
import fr.gouv.cncd.atlas.support.WebappSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The download addresses of the compte-rendu, with their exact answers: the PDF to the
 * collectivité's agent (HTTP Basic and Tasklist's session), the DAECT and a process manager, the
 * same bytes every time; 404 to another collectivité's agent, as for an address that does not
 * exist; 401 to an anonymous caller and to wrong credentials; a French problem while the
 * compte-rendu is not written yet.
 */
@H2ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtlasDocumentsApiTest {

  private static final String DEMO = "Demo#Atlas-2026";
  private static final String PASSWORD = "Coop#Bretagne-2026";
  private static final String VITRE = "commune-35360";
  private static final String GROUP = "commune35360";
  private static final String AGENT = "vitre" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 30), 36);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired AtlasPublication publication;
  @Autowired AtlasUpdates updates;

  private String processInstanceId;
  private int version;

  @BeforeAll
  void publishAnUpdateOfVitre() {
    if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
      Group group = identity.newGroup(GROUP);
      group.setName("Vitré");
      group.setType(Groups.LOCAL_AUTHORITY_GROUP_TYPE);
      identity.saveGroup(group);
    }
    StaffMembers.create(identity, AGENT, "Katell", "Guéguen", AGENT + "@example.org", PASSWORD);
    identity.createMembership(AGENT, GROUP);
    publication.publishDirectly(VITRE, AtlasFixtures.rennesLike(), "daect");
    AtlasUpdateRun run = new AtlasUpdateRun(runtime, tasks, forms, identity, AGENT,
        List.of(Groups.LOCAL_AUTHORITY_STAFF, GROUP)).start()
        .validatedWithPhone(AtlasFixtures.rennesLike().coordinates(), "02 99 75 00 01");
    processInstanceId = run.processInstanceId();
    // Published, but its compte-rendu not written yet: the next job does it.
    Jobs.next(management).ifPresent(job -> management.executeJob(job.getId()));
    version = updates.published(VITRE).version();
    assertThat(version).isEqualTo(2);
  }

  @Test
  void theCompteRenduIsTheCollectivitesTheDaectsAndTheProcessManagersAndNobodyElses() throws Exception {
    String byVersion = "/api/local-authorities/" + VITRE + "/atlas/versions/" + version + "/report.pdf";
    String byUpdate = "/api/atlas-updates/" + processInstanceId + "/report.pdf";

    // Not written yet: said in French.
    HttpResponse<String> early = get(byUpdate, AGENT, PASSWORD);
    if (early.statusCode() == 404) {
      assertThat(early.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(early.body()).contains("est établi juste après sa publication");
    }
    Jobs.runAll(management);
    assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_DownloadReport");

    HttpResponse<byte[]> agent = getBytes(byUpdate, AGENT, PASSWORD);
    assertThat(agent.statusCode()).isEqualTo(200);
    assertThat(agent.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(agent.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
        assertThat(disposition).contains("attachment").contains("compte-rendu-atlas-vitre-version-2.pdf"));
    assertThat(new String(agent.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    String sha = AtlasDocument.sha256(agent.body());
    assertThat(agent.headers().firstValue("X-Content-SHA256")).hasValue(sha);

    // The same bytes by the version's address, for the DAECT and a process manager, later again.
    for (String[] reader : new String[][] {{AGENT, PASSWORD}, {"validateur", DEMO}, {"pilote", DEMO}, {"admin", DEMO}}) {
      HttpResponse<byte[]> answer = getBytes(byVersion, reader[0], reader[1]);
      assertThat(answer.statusCode()).as(reader[0]).isEqualTo(200);
      assertThat(AtlasDocument.sha256(answer.body())).as(reader[0]).isEqualTo(sha);
    }
    HttpResponse<String> list = get("/api/local-authorities/" + VITRE + "/atlas/versions", "pilote", DEMO);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("\"number\":1").contains("\"number\":2").contains(byVersion);

    // Another collectivité's agent: 404 on everything, as for an address that does not exist.
    for (String path : List.of(byVersion, byUpdate, "/api/local-authorities/" + VITRE + "/atlas/versions")) {
      HttpResponse<String> other = get(path, "ytanguy", DEMO);
      assertThat(other.statusCode()).as(path).isEqualTo(404);
      assertThat(other.body()).as(path).contains("Aucun document ne se trouve à cette adresse.").doesNotContain("Vitré");
      HttpResponse<String> anonymous = get(path, null, null);
      assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Basic realm=\"Atlas CNCD\"");
      assertThat(get(path, AGENT, "wrong").statusCode()).as(path).isEqualTo(401);
    }
    // An update that does not exist gets the same answer (but for its address).
    assertThat(withoutInstance(get("/api/atlas-updates/no-such-process/report.pdf", "ytanguy", DEMO).body()))
        .isEqualTo(withoutInstance(get(byUpdate, "ytanguy", DEMO).body()));

    // From Tasklist: the agent's session is enough, no second login.
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("tasklist", AGENT, PASSWORD)).isEqualTo(200);
    HttpResponse<String> inSession = tasklist.send("GET", byUpdate, null);
    assertThat(inSession.statusCode()).isEqualTo(200);
    assertThat(inSession.body()).startsWith("%PDF-");
  }

  private static String withoutInstance(String problem) {
    return problem.replaceAll("\"instance\":\"[^\"]*\"", "");
  }

  private HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
    return HTTP.send(request(path, user, password), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> getBytes(String path, String user, String password)
      throws IOException, InterruptedException {
    return HTTP.send(request(path, user, password), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest request(String path, String user, String password) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return request.build();
  }
}
