package fr.gouv.cncd.atlas.account;

import static fr.gouv.cncd.atlas.account.AccountCreationScenarioTest.json;
import static fr.gouv.cncd.atlas.account.AccountCreationScenarioTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.gouv.cncd.atlas.notification.Mail;
import fr.gouv.cncd.atlas.notification.Mailer;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.PostgresApplicationTest;
import fr.gouv.cncd.atlas.support.TestMailServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.cncd.atlas.support.EngineCaller;
import fr.gouv.cncd.atlas.support.Mails;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** When the SMTP server is down, mail steps wait and retry; an incident shows; nothing is lost or sent twice. */
@PostgresApplicationTest
class MailOutageTest {

  @Autowired TestRestTemplate http;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired Mailer mailer;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @LocalServerPort int port;

  static final String PASSWORD = "Orage#Serveur-Courriel1";
  static final String ACKNOWLEDGEMENT_SUBJECT = "[Atlas CNCD] Votre demande de compte a bien été reçue";
  static final String ACTIVATION_SUBJECT = "[Atlas CNCD] Activez votre compte";
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void mailStepWaitsForTheSmtpServerThenSendsOnce() {
    String username = "outage" + System.nanoTime() % 100000;
    String email = username + "@example.fr";
    String requestId = (String) http.postForEntity("/api/account-requests",
        json(request("commune-35238", username, email, "Jumelage#Rennes-Erlangen1")), Map.class).getBody().get("id");
    ProcessInstance instance = runtime.createProcessInstanceQuery().variableValueEquals("accountRequestId", requestId).singleResult();
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

    TestMailServer.stop();
    try {
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("SMTP");
      Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
      assertThat(failed.getRetries()).as("5 tries in all").isEqualTo(4);
      assertThat(failed.getDuedate()).as("retried 5 minutes later")
          .isAfter(new java.util.Date(System.currentTimeMillis() + 4 * 60_000));

      management.setJobRetries(job.getId(), 1);
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("SMTP");
      List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(instance.getId()).list();
      assertThat(incidents).hasSize(1);
      assertThat(incidents.get(0).getActivityId()).isEqualTo("ServiceTask_SendAcknowledgement");
    } finally {
      TestMailServer.restart();
    }

    // What a process manager does in Cockpit once the SMTP server is back: retry the job now.
    management.setJobRetries(job.getId(), 1);
    management.setJobDuedate(job.getId(), new java.util.Date());
    Jobs.runAll(management);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(TestMailServer.messagesTo(email)).hasSize(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()).isNotNull();
  }

  /**
   * The SMTP server fails while 50 requests arrive and the DAECT approves 20 earlier ones. Every
   * mail step waits and retries; when the retries run out, each is an incident that a process
   * manager sees in Cockpit; once the server is back, the process manager's retry sends every
   * expected mail, exactly once.
   */
  @Test
  void anOutageDuring50RequestsAnd20ApprovalsEndsWithEveryMailSentOnceAfterTheProcessManagersRetry() throws Exception {
    String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    createUser("daectpanne" + run, "daect");
    createUser("pilotepanne" + run, "processmanagers");
    List<String> earlier = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      earlier.add(requested("avant" + i + "x" + run));
    }
    runJobs(); // acknowledged, the DAECT told: before the outage
    for (String username : earlier) {
      assertThat(subjects(username)).as("mails of %s", username).containsExactly(ACKNOWLEDGEMENT_SUBJECT);
    }
    assertThat(toDaect(run)).hasSize(20);
    List<String> during = new ArrayList<>();
    Set<String> failedJobs = new HashSet<>();

    TestMailServer.stop();
    try {
      for (int i = 0; i < 50; i++) {
        during.add(requested("pendant" + i + "x" + run));
      }
      EngineCaller tasklist = EngineCaller.webapp(port, "tasklist", "daectpanne" + run, PASSWORD);
      for (String username : earlier) {
        EngineCaller.Answer approved = tasklist.post("/task/" + reviewTaskOf(username) + "/submit-form",
            "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
      }
      // Each mail step fails and waits for its next try (5 minutes later); nothing is sent.
      for (Job job = nextOf(earlier, during); job != null; job = nextOf(earlier, during, failedJobs)) {
        String jobId = job.getId();
        assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("SMTP");
        failedJobs.add(jobId);
      }
      assertThat(failedJobs).as("an acknowledgement per new request, an activation link per approval").hasSize(70);
      assertThat(incidentsOf(earlier, during)).isEmpty();
      // The outage outlasts the retries: the last try of each fails, an incident.
      for (String jobId : failedJobs) {
        management.setJobRetries(jobId, 1);
        assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("SMTP");
      }
    } finally {
      TestMailServer.restart();
    }

    // The process manager sees the 70 incidents in Cockpit, then retries each failed job there.
    EngineCaller cockpit = EngineCaller.webapp(port, "cockpit", "pilotepanne" + run, PASSWORD);
    JsonNode incidents = JSON.readTree(cockpit.get("/incident?incidentType=failedJob").body());
    List<String> incidentJobs = new ArrayList<>();
    incidents.forEach(incident -> {
      if (failedJobs.contains(incident.path("configuration").asText())) {
        incidentJobs.add(incident.path("configuration").asText());
      }
    });
    assertThat(incidentJobs).as("incidents the process manager sees").hasSameElementsAs(failedJobs);
    for (String jobId : incidentJobs) {
      EngineCaller.Answer retried = cockpit.send("PUT", "/job/" + jobId + "/retries", "{\"retries\":1}");
      assertThat(retried.status()).as(retried.body()).isEqualTo(204);
      management.setJobDuedate(jobId, new java.util.Date()); // Cockpit's retry: « maintenant »
    }
    runJobs();

    assertThat(incidentsOf(earlier, during)).as("incidents left").isEmpty();
    // (The restarted SMTP server holds what it received since.)
    for (String username : earlier) {
      assertThat(subjects(username)).as("mails of %s", username).containsExactly(ACTIVATION_SUBJECT);
    }
    for (String username : during) {
      assertThat(subjects(username)).as("mails of %s", username).containsExactly(ACKNOWLEDGEMENT_SUBJECT);
    }
    assertThat(toDaect(run)).as("one mail to the DAECT per new request").hasSize(50);
  }

  private static List<String> toDaect(String run) {
    return TestMailServer.messagesTo("daect@diplomatie.gouv.fr").stream().map(Mails::text)
        .filter(text -> text.contains("x" + run)).toList();
  }

  private String requested(String username) {
    ResponseEntity<Map> answer = http.postForEntity("/api/account-requests",
        json(request("commune-29232", username, username + "@quimper.example.fr", "Jumelage#Quimper-Limerick1")),
        Map.class);
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(202);
    requestIds.put(username, (String) answer.getBody().get("id"));
    return username;
  }

  private final Map<String, String> requestIds = new java.util.HashMap<>();

  private String instanceOf(String username) {
    return runtime.createProcessInstanceQuery().variableValueEquals("accountRequestId", requestIds.get(username))
        .singleResult().getId();
  }

  private String reviewTaskOf(String username) {
    return tasks.createTaskQuery().processInstanceId(instanceOf(username)).singleResult().getId();
  }

  /** The next due job of these requests not yet failed once. */
  private Job nextOf(List<String> earlier, List<String> during, Set<String> failed) {
    Set<String> instances = new HashSet<>();
    earlier.forEach(u -> instances.add(instanceOf(u)));
    during.forEach(u -> instances.add(instanceOf(u)));
    return management.createJobQuery().executable().processInstanceIds(instances).list().stream()
        .filter(job -> !failed.contains(job.getId())).findFirst().orElse(null);
  }

  private Job nextOf(List<String> earlier, List<String> during) {
    return nextOf(earlier, during, Set.of());
  }

  private List<Incident> incidentsOf(List<String> earlier, List<String> during) {
    List<Incident> incidents = new ArrayList<>();
    for (String username : concat(earlier, during)) {
      incidents.addAll(runtime.createIncidentQuery().processInstanceId(instanceOf(username)).list());
    }
    return incidents;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private List<String> subjects(String username) {
    return TestMailServer.messagesTo(username + "@quimper.example.fr").stream().map(Mails::subject).toList();
  }

  /** Every due job of every process, as the job executor would, until none is left. */
  private void runJobs() {
    for (int round = 0; round < 2000; round++) {
      java.util.Optional<Job> job = Jobs.next(management);
      if (job.isEmpty()) {
        return;
      }
      management.executeJob(job.get().getId());
    }
    throw new IllegalStateException("Jobs keep coming after 2000 executions");
  }

  private void createUser(String id, String group) {
    User user = identity.newUser(id);
    user.setFirstName("Dominique");
    user.setLastName("Panne");
    user.setEmail(id + "@diplomatie.gouv.fr");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }

  @Test
  void mailWithAnAlreadySentKeyIsNotSentAgain() {
    String address = "idempotence" + System.nanoTime() % 100000 + "@example.fr";
    Mail mail = new Mail("test:" + address, address, "Votre lien d'activation a expiré", "account-activation-expired",
        Map.of("requestedOn", "1 décembre 2026", "localAuthorityName", "Rennes",
            "registrationUrl", "http://localhost/inscription"), List.of());
    mailer.send(mail);
    mailer.send(mail);
    assertThat(TestMailServer.messagesTo(address)).hasSize(1);
  }
}
