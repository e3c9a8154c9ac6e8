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
import java.util.List;
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
