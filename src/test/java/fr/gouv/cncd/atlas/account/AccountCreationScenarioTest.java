package fr.gouv.cncd.atlas.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.Mails;
import fr.gouv.cncd.atlas.support.PostgresApplicationTest;
import fr.gouv.cncd.atlas.support.TestMailServer;
import fr.gouv.cncd.atlas.support.WebappSession;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Account creation as its users live it, in production mode: the real HTTP API, the real engine,
 * PostgreSQL and a real SMTP server (GreenMail).
 */
@PostgresApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class AccountCreationScenarioTest {

  private static final String DAECT_USER = "dvalidation";
  private static final String DAECT_PASSWORD = "Validation#Daect-2026";
  private static final String PASSWORD = "Jumelage#Rennes-Erlangen1";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @BeforeEach
  void daectValidatorExists() {
    if (identity.createUserQuery().userId(DAECT_USER).count() == 0) {
      User user = identity.newUser(DAECT_USER);
      user.setFirstName("Claire");
      user.setLastName("Validatrice");
      user.setEmail("claire.validatrice@diplomatie.gouv.fr");
      user.setPassword(DAECT_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(DAECT_USER, "daect");
    }
  }

  @Test
  void staffMemberGetsAnAccountApprovedByTheDaectAndSeesOnlyTheirCollectivite(CapturedOutput output) throws Exception {
    String suffix = unique();
    String username = "jmorvan" + suffix;
    String email = "jeanne.morvan" + suffix + "@rennes.example.fr";
    ResponseEntity<Map> submitted = http.postForEntity("/api/account-requests",
        json(request("commune-35238", username, email, PASSWORD)), Map.class);
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String requestId = (String) submitted.getBody().get("id");

    Jobs.runAll(management);
    MimeMessage acknowledgement = single(TestMailServer.messagesTo(email));
    assertThat(Mails.subject(acknowledgement)).isEqualTo("[Atlas CNCD] Votre demande de compte a bien été reçue");
    assertThat(Mails.html(acknowledgement)).contains("Rennes").doesNotContain(username); // see RequesterMailsTest
    MimeMessage toDaect = TestMailServer.messagesTo("daect@diplomatie.gouv.fr").stream()
        .filter(m -> Mails.text(m).contains(username)).findFirst().orElseThrow();
    String taskId = taskIdOf(requestId);
    assertThat(Mails.text(toDaect)).contains("/camunda/app/tasklist/default/#/?task=" + taskId);

    // Before activation the requester cannot log in anywhere.
    assertThat(asUser(username, PASSWORD).getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(new WebappSession(port).login("tasklist", username, PASSWORD)).isNotEqualTo(200);

    // The DAECT sees the request, with the collectivité and the requester, in its task.
    TestRestTemplate daect = asUser(DAECT_USER, DAECT_PASSWORD);
    Map<String, Map<String, Object>> variables =
        daect.getForObject("/engine-rest/task/" + taskId + "/form-variables", Map.class);
    assertThat(variables.get("localAuthorityLabel").get("value").toString())
        .isEqualTo("Rennes — Commune — 35 Ille-et-Vilaine (INSEE 35238)");
    assertThat(variables.get("requesterEmail").get("value")).isEqualTo(email);

    // A rejection without motive is refused and leaves the task open.
    ResponseEntity<Map> noMotive = daect.postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        json(Map.of("variables", Map.of("decision", Map.of("value", "REJECT")))), Map.class);
    assertThat(noMotive.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noMotive.getBody().get("message").toString()).contains("Le motif du rejet est obligatoire");
    assertThat(taskIdOf(requestId)).isEqualTo(taskId);

    ResponseEntity<String> approved = daect.postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        json(Map.of("variables", Map.of("decision", Map.of("value", "APPROVE")))), String.class);
    assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    Jobs.runAll(management);
    MimeMessage activation = TestMailServer.messagesTo(email).stream()
        .filter(m -> Mails.subject(m).contains("Activez votre compte")).findFirst().orElseThrow();
    String token = Mails.token(activation);
    assertThat(Mails.text(activation)).contains("/activation#jeton=" + token);

    // Following the link only shows the page; a GET never activates.
    ResponseEntity<String> page = http.getForEntity("/activation", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("lang=\"fr\"");
    assertThat(identity.createUserQuery().userId(username).count()).isZero();

    ResponseEntity<Map> activated = http.postForEntity("/api/account-activations", json(Map.of("token", token)),
        Map.class);
    assertThat(activated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(activated.getBody()).containsEntry("username", username)
        .containsEntry("loginUrl", "/camunda/app/tasklist/");

    ResponseEntity<Map> reused = http.postForEntity("/api/account-activations", json(Map.of("token", token)),
        Map.class);
    assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(reused.getBody().get("detail").toString()).contains("déjà été utilisé");
    assertThat(reused.getBody()).containsEntry("title", "Compte déjà actif").containsEntry("accountActive", true);

    // The new user logs into Tasklist, not Cockpit nor Admin, and sees only their collectivité.
    assertThat(new WebappSession(port).login("tasklist", username, PASSWORD)).isEqualTo(200);
    assertThat(new WebappSession(port).login("cockpit", username, PASSWORD)).isNotEqualTo(200);
    assertThat(new WebappSession(port).login("admin", username, PASSWORD)).isNotEqualTo(200);
    TestRestTemplate user = asUser(username, PASSWORD);
    String otherRequest = (String) http.postForEntity("/api/account-requests",
        json(request("commune-29019", "autre" + unique(), "autre" + unique() + "@brest.example.fr", PASSWORD)),
        Map.class).getBody().get("id");
    Jobs.runAll(management);
    assertThat(taskIdOf(otherRequest)).isNotNull();
    assertThat(user.getForObject("/engine-rest/task", List.class)).isEmpty();
    assertThat(user.getForObject("/engine-rest/process-instance", List.class)).isEmpty();
    assertThat(user.getForObject("/engine-rest/group?member=" + username, List.class))
        .extracting(g -> ((Map<?, ?>) g).get("id")).containsExactlyInAnyOrder("collectivites", "commune35238");
    assertThat(user.postForEntity("/engine-rest/user/create",
        json(Map.of("profile", Map.of("id", "intrus"), "credentials", Map.of("password", "Pirate#Coop-2026x"))),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(user.getForObject("/engine-rest/filter", List.class))
        .extracting(f -> ((Map<?, ?>) f).get("name")).contains("Mes tâches", "Tâches de mes groupes")
        .doesNotContain("Demandes de compte à valider");

    // The secrets went nowhere but where they belong.
    assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain(token);
    for (MimeMessage message : TestMailServer.get().getReceivedMessages()) {
      assertThat(Mails.text(message)).doesNotContain(PASSWORD);
      if (!message.equals(activation)) {
        assertThat(Mails.text(message)).doesNotContain(token);
      }
    }
    String instanceId = history.createHistoricProcessInstanceQuery().variableValueEquals("accountRequestId", requestId)
        .singleResult().getId();
    history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).list()
        .forEach(v -> assertThat(String.valueOf(v.getValue())).doesNotContain(PASSWORD).doesNotContain(token));
    assertThat(jdbc.queryForObject("select count(*) from account_request where id = ? and password_hash is null",
        Integer.class, requestId)).isEqualTo(1);
  }

  @Test
  void everyInvalidFieldGetsAFrenchMessageAndNothingIsRecorded() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("AccountRequest").count();
    Map<String, String> faults = new HashMap<>();
    faults.put("localAuthorityId", "commune-00000");
    faults.put("civility", "MADEMOISELLE");
    faults.put("lastName", "");
    faults.put("firstName", "12345");
    faults.put("function", "");
    faults.put("email", "pas-une-adresse");
    faults.put("phone", "abc");
    faults.put("username", "jean dupont");
    faults.put("password", "motdepasse");
    for (Map.Entry<String, String> fault : faults.entrySet()) {
      Map<String, Object> body = request("commune-35238", "valide" + unique(), "valide" + unique() + "@example.fr",
          PASSWORD);
      body.put(fault.getKey(), fault.getValue());
      ResponseEntity<Map> response = http.postForEntity("/api/account-requests", json(body), Map.class);
      assertThat(response.getStatusCode()).as(fault.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
      List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
      assertThat(errors).as(fault.getKey()).extracting(e -> e.get("field")).containsExactly(fault.getKey());
      assertThat(errors.get(0).get("message")).as(fault.getKey()).isNotBlank().matches(".*[a-zé].*");
    }
    Map<String, Object> unlisted = request(null, "valide" + unique(), "valide" + unique() + "@example.fr", PASSWORD);
    unlisted.put("unlistedLocalAuthority", Map.of("name", "", "type", "VILLAGE", "departmentCode", "999"));
    ResponseEntity<Map> response = http.postForEntity("/api/account-requests", json(unlisted), Map.class);
    assertThat((List<Map<String, String>>) response.getBody().get("errors")).extracting(e -> e.get("field"))
        .containsExactlyInAnyOrder("unlistedLocalAuthority.name", "unlistedLocalAuthority.type",
            "unlistedLocalAuthority.departmentCode");
    ResponseEntity<Map> malformed = http.postForEntity("/api/account-requests", json("{\"username\": "), Map.class);
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getBody().get("detail").toString()).contains("JSON");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AccountRequest").count()).isEqualTo(before);
  }

  @Test
  void passwordBreakingSeveralRulesListsThemAll() {
    Map<String, Object> body = request("commune-35238", "kdurand" + unique(), "k" + unique() + "@example.fr", "durand");
    body.put("lastName", "Durand");
    ResponseEntity<Map> response = http.postForEntity("/api/account-requests", json(body), Map.class);
    String message = ((List<Map<String, String>>) response.getBody().get("errors")).get(0).get("message");
    assertThat(message).contains("au moins 12 caractères", "majuscule", "chiffre", "caractère spécial",
        "ni votre identifiant ni votre nom");
  }

  @Test
  void takenIdentifiantOrPendingEmailIsAConflict() {
    String username = "lconflit" + unique();
    String email = "conflit" + unique() + "@example.fr";
    assertThat(http.postForEntity("/api/account-requests", json(request("commune-35238", username, email, PASSWORD)),
        Map.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    ResponseEntity<Map> sameUsername = http.postForEntity("/api/account-requests",
        json(request("commune-35238", username.toUpperCase(), "autre" + unique() + "@example.fr", PASSWORD)), Map.class);
    assertThat(sameUsername.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(sameUsername.getBody().get("errors").toString()).contains("username").contains("déjà utilisé");

    ResponseEntity<Map> existingUser = http.postForEntity("/api/account-requests",
        json(request("commune-35238", "admin", "autre" + unique() + "@example.fr", PASSWORD)), Map.class);
    assertThat(existingUser.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    ResponseEntity<Map> sameEmail = http.postForEntity("/api/account-requests",
        json(request("commune-35238", "autre" + unique(), email.toUpperCase(), PASSWORD)), Map.class);
    assertThat(sameEmail.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(sameEmail.getBody().get("errors").toString()).contains("email");
  }

  @Test
  void expiredOrUnknownActivationLinkIsRefused() {
    String username = "pexpire" + unique();
    String email = username + "@example.fr";
    String requestId = (String) http.postForEntity("/api/account-requests",
        json(request("commune-35238", username, email, PASSWORD)), Map.class).getBody().get("id");
    Jobs.runAll(management);
    asUser(DAECT_USER, DAECT_PASSWORD).postForEntity("/engine-rest/task/" + taskIdOf(requestId) + "/submit-form",
        json(Map.of("variables", Map.of("decision", Map.of("value", "APPROVE")))), String.class);
    Jobs.runAll(management);
    String token = Mails.token(TestMailServer.messagesTo(email).stream()
        .filter(m -> Mails.subject(m).contains("Activez")).findFirst().orElseThrow());
    jdbc.update("update account_request set activation_expires_at = ? where id = ?",
        Timestamp.from(Instant.now().minusSeconds(60)), requestId);

    ResponseEntity<Map> expired = http.postForEntity("/api/account-activations", json(Map.of("token", token)), Map.class);
    assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(expired.getBody().get("detail").toString()).contains("expiré");
    assertThat(identity.createUserQuery().userId(username).count()).isZero();

    ResponseEntity<Map> unknown = http.postForEntity("/api/account-activations",
        json(Map.of("token", "inconnu" + UUID.randomUUID())), Map.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(unknown.getBody().get("detail").toString()).contains("n'est pas valide");
    ResponseEntity<Map> empty = http.postForEntity("/api/account-activations", json(Map.of("token", "")), Map.class);
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private String taskIdOf(String requestId) {
    List<Map<String, Object>> tasks = asUser("admin", PostgresApplicationTest.ADMIN_PASSWORD)
        .getForObject("/engine-rest/task?processVariables=accountRequestId_eq_" + requestId, List.class);
    return tasks.isEmpty() ? null : (String) tasks.get(0).get("id");
  }

  private TestRestTemplate asUser(String username, String password) {
    return http.withBasicAuth(username, password);
  }

  static Map<String, Object> request(String localAuthorityId, String username, String email, String password) {
    Map<String, Object> body = new HashMap<>();
    body.put("localAuthorityId", localAuthorityId);
    body.put("civility", "MADAME");
    body.put("lastName", "Morvan");
    body.put("firstName", "Jeanne");
    body.put("function", "Chargée des relations internationales");
    body.put("email", email);
    body.put("phone", "+33 2 99 00 00 00");
    body.put("username", username);
    body.put("password", password);
    return body;
  }

  static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static MimeMessage single(List<MimeMessage> messages) {
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private static String unique() {
    return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }
}
