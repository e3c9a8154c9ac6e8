package fr.gouv.cncd.atlas.account;

import static fr.gouv.cncd.atlas.account.AccountCreationScenarioTest.json;
import static fr.gouv.cncd.atlas.account.AccountCreationScenarioTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.support.Browser;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.Outbox;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The limits of anonymous POSTs through the real HTTP API, with low limits: 4 POSTs per address and
 * 1 account request per e-mail address. A context of its own: its own H2 database, outbox and
 * engine name, so that it does not take the "default" engine of the other H2 tests' context; its
 * engine leaves the JVM-wide registry after the test, or the other context's webapps would offer it
 * (and log users into it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:atlas-throttle;DB_CLOSE_DELAY=-1;MODE=LEGACY",
    "camunda.bpm.process-engine-name=throttle",
    "atlas.data-dir=target/test-data-throttle",
    "atlas.mail.outbox-dir=" + ThrottledPublicApiTest.OUTBOX,
    "camunda.bpm.job-execution.enabled=false",
    "atlas.throttle.per-address.requests=4",
    "atlas.throttle.per-address.window=PT1H",
    "atlas.throttle.per-email.requests=1",
    "atlas.throttle.per-email.window=P1D"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottledPublicApiTest {

  static final String OUTBOX = "target/test-data-throttle/outbox";
  private static final String PASSWORD = "Jumelage#Rennes-Erlangen1";

  @RegisterExtension
  static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;

  @AfterAll
  void leaveTheEngineRegistry() {
    ProcessEngines.unregister(engine);
  }

  @Test
  void postsOverTheLimitsAreRefusedWith429InFrenchAndStartNothing() {
    long suffix = System.nanoTime() % 1_000_000;
    assertThat(submit("jmorvan" + suffix, "jeanne.morvan" + suffix + "@rennes.example.fr").getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);

    // Over the limit per e-mail (checked before the pending request's conflict), in any case.
    ResponseEntity<Map> sameEmail = submit("jmorvan2" + suffix, "Jeanne.Morvan" + suffix + "@Rennes.example.fr");
    assertTooManyRequests(sameEmail, "Trop de demandes pour cette adresse électronique",
        "Plusieurs demandes de compte ont déjà été faites récemment avec cette adresse électronique."
            + " Réessayez dans 24 heures.", 86_400);

    assertThat(submit("pkerjean" + suffix, "paul.kerjean" + suffix + "@rennes.example.fr").getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    assertThat(submit("alebihan" + suffix, "anne.lebihan" + suffix + "@rennes.example.fr").getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    long instances = runtime.createProcessInstanceQuery().processDefinitionKey("AccountRequest").count();

    // The fifth POST from this address, whatever its address under /api.
    String fifthEmail = "yann.le-goff" + suffix + "@rennes.example.fr";
    assertTooManyRequests(submit("ylegoff" + suffix, fifthEmail), "Trop de demandes",
        "Vous avez envoyé trop de demandes en peu de temps. Réessayez dans 60 minutes.", 3_600);
    assertTooManyRequests(http.postForEntity("/api/account-activations", json(Map.of("token", "x")), Map.class),
        "Trop de demandes", "Vous avez envoyé trop de demandes en peu de temps. Réessayez dans 60 minutes.", 3_600);

    // Nothing was recorded, started or mailed for the refused requests.
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AccountRequest").count()).isEqualTo(instances);
    assertThat(jdbc.queryForObject("select count(*) from account_request where lower(email) in (?, ?)", Integer.class,
        fifthEmail, "jeanne.morvan" + suffix + "@rennes.example.fr")).isEqualTo(1);
    Jobs.runAll(management);
    List<MimeMessage> mails = Outbox.mails(Path.of(OUTBOX), "");
    assertThat(mails).anyMatch(m -> to(m, "paul.kerjean" + suffix)).noneMatch(m -> to(m, fifthEmail));
    assertThat(mails.stream().filter(m -> to(m, "jeanne.morvan" + suffix))).hasSize(1);

    // Reading stays open: only POSTs are limited.
    assertThat(http.getForEntity("/api/local-authorities?q=rennes", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    // The page says when to try again, instead of « réessayez dans quelques instants » (from 127.0.0.1:
    // Chromium would reach "localhost" by ::1, another client address).
    browser.open("http://127.0.0.1:" + port + "/activation#jeton=" + "a".repeat(43));
    browser.click("activate");
    assertThat(browser.waitText("request-error", "Réessayez dans 60 minutes."))
        .contains("Vous avez envoyé trop de demandes en peu de temps.");
  }

  private ResponseEntity<Map> submit(String username, String email) {
    return http.postForEntity("/api/account-requests", json(request("commune-35238", username, email, PASSWORD)),
        Map.class);
  }

  private static void assertTooManyRequests(ResponseEntity<Map> response, String title, String detail, long seconds) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(Long.parseLong(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
        .isBetween(seconds - 60, seconds);
    assertThat(response.getBody()).containsEntry("title", title).containsEntry("detail", detail)
        .containsEntry("status", 429);
  }

  private static boolean to(MimeMessage message, String addressPart) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().toLowerCase().contains(addressPart.toLowerCase()));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
