package fr.gouv.cncd.atlas.account;

import static fr.gouv.cncd.atlas.account.AccountCreationScenarioTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.Mails;
import fr.gouv.cncd.atlas.support.PostgresApplicationTest;
import fr.gouv.cncd.atlas.support.StaffMembers;
import fr.gouv.cncd.atlas.support.TestMailServer;
import fr.gouv.cncd.atlas.support.WebappSession;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * « Mot de passe oublié ? » through the real HTTP API, in production mode (PostgreSQL, GreenMail):
 * the answer never tells whether an account exists, the link reaches only the holder's address,
 * serves once, and lets her log into Tasklist.
 */
@PostgresApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class PasswordResetScenarioTest {

  private static final String OLD_PASSWORD = "Ancien#Quimper-2026";
  private static final String NEW_PASSWORD = "Nouveau#Quimper-Brest7";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired ConfigurableApplicationContext context;
  @LocalServerPort int port;

  /** PasswordChosen events, published in the server's threads. */
  private final List<PasswordChosen> chosen = new CopyOnWriteArrayList<>();
  private final ApplicationListener<PayloadApplicationEvent<PasswordChosen>> listener =
      event -> chosen.add(event.getPayload());

  @BeforeEach
  void listenToPasswordChosen() {
    context.addApplicationListener(listener);
  }

  @AfterEach
  void stopListening() {
    context.removeApplicationListener(listener);
  }

  @Test
  void answersAlikeForExistingAndUnknownAccountsAndMailsOnlyTheHolderALinkThatServesOnce(CapturedOutput output) {
    String username = holder();
    String email = emailOf(username);
    String unknownEmail = "personne." + username + "@quimper.example.fr";
    int mailsBefore = TestMailServer.get().getReceivedMessages().length;
    long instancesBefore = resetInstances();

    List<ResponseEntity<String>> answers = new ArrayList<>();
    for (String identifier : List.of(username.toUpperCase(), "inconnu" + username, email.toUpperCase(), unknownEmail)) {
      answers.add(http.postForEntity("/api/password-resets", json(Map.of("identifier", identifier)), String.class));
    }
    for (ResponseEntity<String> answer : answers) {
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
      assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
      assertThat(answer.getBody()).isEqualTo("{\"linkValidityMinutes\":60}");
    }
    // Each request did the same work: one process instance, no mail yet (it leaves from a job).
    assertThat(resetInstances()).isEqualTo(instancesBefore + 4);
    assertThat(TestMailServer.get().getReceivedMessages()).hasSize(mailsBefore);

    Jobs.runAll(management);

    List<MimeMessage> toHolder = TestMailServer.messagesTo(email);
    assertThat(toHolder).as("one mail for the identifiant, one for the address").hasSize(2);
    assertThat(TestMailServer.messagesTo(unknownEmail)).isEmpty();
    assertThat(TestMailServer.get().getReceivedMessages()).hasSize(mailsBefore + 2);
    MimeMessage mail = toHolder.get(0);
    assertThat(Mails.subject(mail)).isEqualTo("[Atlas CNCD] Choisissez un nouveau mot de passe");
    String token = Mails.token(mail);
    assertThat(Mails.text(mail)).contains("votre compte " + username)
        .contains("/nouveau-mot-de-passe#jeton=" + token)
        .contains("Si vous n'êtes pas à l'origine de cette demande");
    assertThat(Mails.html(mail)).contains("Choisir un nouveau mot de passe");
    String otherToken = Mails.token(toHolder.get(1));
    assertThat(otherToken).isNotEqualTo(token);
    // Asking changes nothing by itself: the current password still works.
    assertThat(identity.checkPassword(username, OLD_PASSWORD)).isTrue();

    ResponseEntity<Map> weak = http.postForEntity("/api/password-changes",
        json(Map.of("token", token, "password", "Aa1!Aa1!Aa1!")), Map.class);
    assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(weak.getBody().get("errors").toString()).contains("password").contains("trop facile à deviner");

    assertThat(chosen).isEmpty();
    ResponseEntity<Map> set = http.postForEntity("/api/password-changes",
        json(Map.of("token", token, "password", NEW_PASSWORD)), Map.class);
    assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(set.getBody()).containsEntry("username", username).containsEntry("loginUrl", "/camunda/app/tasklist/");
    assertThat(chosen).containsExactly(new PasswordChosen(username));

    ResponseEntity<Map> again = http.postForEntity("/api/password-changes",
        json(Map.of("token", token, "password", "Autre#Quimper-Brest8")), Map.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(again.getBody().get("detail").toString()).contains("déjà été utilisé");
    assertThat(http.postForEntity("/api/password-changes",
        json(Map.of("token", otherToken, "password", "Autre#Quimper-Brest8")), Map.class).getStatusCode())
        .as("the other link mailed is void once a password is chosen").isEqualTo(HttpStatus.GONE);
    assertThat(chosen).hasSize(1);

    assertThat(new WebappSession(port).login("tasklist", username, NEW_PASSWORD)).isEqualTo(200);
    assertThat(identity.checkPassword(username, OLD_PASSWORD)).isFalse();

    // The token went nowhere but into the holder's mail.
    assertThat(output.getAll()).doesNotContain(token).doesNotContain(otherToken).doesNotContain(NEW_PASSWORD);
    history.createHistoricVariableInstanceQuery().list().forEach(variable ->
        assertThat(String.valueOf(variable.getValue())).doesNotContain(token).doesNotContain(otherToken));
    history.createHistoricDetailQuery().variableUpdates().list().forEach(detail ->
        assertThat(String.valueOf(((HistoricVariableUpdate) detail).getValue()))
            .doesNotContain(token).doesNotContain(otherToken));
    assertThat(jdbc.queryForObject("select count(*) from password_link where token_hash = ?", Integer.class, token))
        .as("only the token's hash is stored").isZero();
  }

  @Test
  void anEmptyIdentifierIsAFieldErrorAndStartsNothing() {
    long before = resetInstances();
    ResponseEntity<Map> empty = http.postForEntity("/api/password-resets", json(Map.of("identifier", "  ")), Map.class);
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(empty.getBody().get("errors").toString())
        .contains("identifier").contains("Indiquez votre identifiant ou votre adresse électronique.");
    ResponseEntity<Map> missing = http.postForEntity("/api/password-resets", json(Map.of()), Map.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(resetInstances()).isEqualTo(before);
  }

  @Test
  void anExpiredLinkIsRefusedAndPointsToANewRequest() {
    String username = holder();
    http.postForEntity("/api/password-resets", json(Map.of("identifier", username)), String.class);
    Jobs.runAll(management);
    String token = Mails.token(TestMailServer.messagesTo(emailOf(username)).get(0));
    assertThat(jdbc.update("update password_link set expires_at = ? where username = ?",
        Timestamp.from(Instant.now().minusSeconds(1)), username)).isEqualTo(1);

    ResponseEntity<Map> expired = http.postForEntity("/api/password-changes",
        json(Map.of("token", token, "password", NEW_PASSWORD)), Map.class);
    assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(expired.getBody().get("detail").toString()).contains("expiré").contains("Mot de passe oublié ?");
    assertThat(identity.checkPassword(username, OLD_PASSWORD)).isTrue();
  }

  @Test
  void aMailServerOutageNeverFailsTheRequestAndTheLinkLeavesOnceItIsBack() {
    String username = holder();
    long before = resetInstances();
    TestMailServer.stop();
    Job job;
    try {
      assertThat(http.postForEntity("/api/password-resets", json(Map.of("identifier", username)), String.class)
          .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
      assertThat(resetInstances()).isEqualTo(before + 1);
      job = Jobs.next(management).orElseThrow();
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("SMTP");
      assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(4);
    } finally {
      TestMailServer.restart();
    }
    management.setJobDuedate(job.getId(), new java.util.Date());
    Jobs.runAll(management);
    assertThat(TestMailServer.messagesTo(emailOf(username))).hasSize(1);
  }

  /** A user with a password and an address of her own. */
  private String holder() {
    String username = "rlegall" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    StaffMembers.create(identity, username, "Rozenn", "Le Gall", emailOf(username), OLD_PASSWORD);
    return username;
  }

  private static String emailOf(String username) {
    return "rozenn." + username + "@quimper.example.fr";
  }

  private long resetInstances() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey("PasswordReset").count();
  }
}
