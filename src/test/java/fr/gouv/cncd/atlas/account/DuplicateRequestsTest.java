package fr.gouv.cncd.atlas.account;

import static fr.gouv.cncd.atlas.account.AccountCreationScenarioTest.json;
import static fr.gouv.cncd.atlas.account.AccountCreationScenarioTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.Mails;
import fr.gouv.cncd.atlas.support.PostgresApplicationTest;
import fr.gouv.cncd.atlas.support.TestMailServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The probe's duplicates replayed on PostgreSQL: identical requests sent at once give exactly one
 * 202 and 409 for the others (same identifiant, in any case; same e-mail), because the database
 * decides; and two activations with one link never answer 500.
 */
@PostgresApplicationTest
class DuplicateRequestsTest {

  private static final String PASSWORD = "Jumelage#Rennes-Erlangen1";
  private static final int AT_ONCE = 10;

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  @Test
  void tenIdenticalRequestsAtOnceAreStoredOnce() throws Exception {
    String username = "caserace" + unique();
    List<Integer> statuses = atOnce(i -> request("commune-35238", username, username + "@example.fr", PASSWORD));
    assertThat(statuses).containsOnly(202, 409).filteredOn(s -> s == 202).hasSize(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AccountRequest").variableValueEquals(
        "requestedUsername", username).count()).isEqualTo(1);
  }

  @Test
  void oneEMailAddressHasOneOpenRequestWhateverTheIdentifiants() throws Exception {
    String email = "meme.adresse" + unique() + "@example.fr";
    List<Integer> statuses = atOnce(i -> request("commune-35238", "adresse" + unique() + i, i % 2 == 0 ? email
        : email.toUpperCase(), PASSWORD));
    assertThat(statuses).containsOnly(202, 409).filteredOn(s -> s == 202).hasSize(1);
  }

  @Test
  void identifiantsDifferingOnlyInCaseAreOneIdentifiant() throws Exception {
    String suffix = unique();
    List<Integer> statuses = atOnce(i -> request("commune-35238", (i % 2 == 0 ? "CaseRace" : "caserace") + suffix,
        "race" + i + suffix + "@example.fr", PASSWORD));
    assertThat(statuses).containsOnly(202, 409).filteredOn(s -> s == 202).hasSize(1);
  }

  @Test
  void twoActivationsWithOneLinkOpenOneAccountAndNeverAnswer500() throws Exception {
    String username = "double" + unique();
    String email = username + "@example.fr";
    String requestId = (String) http.postForEntity("/api/account-requests",
        json(request("commune-35238", username, email, PASSWORD)), Map.class).getBody().get("id");
    Jobs.runAll(management);
    String reviewer = daectValidator();
    String taskId = (String) ((Map<?, ?>) http.withBasicAuth("admin", PostgresApplicationTest.ADMIN_PASSWORD)
        .getForObject("/engine-rest/task?processVariables=accountRequestId_eq_" + requestId, List.class).get(0)).get("id");
    assertThat(http.withBasicAuth(reviewer, PASSWORD).postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        json(Map.of("variables", Map.of("decision", Map.of("value", "APPROVE")))), String.class).getStatusCode().value())
        .isEqualTo(204);
    Jobs.runAll(management);
    String token = Mails.token(TestMailServer.messagesTo(email).stream()
        .filter(m -> Mails.subject(m).contains("Activez")).findFirst().orElseThrow());

    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> answer : submitAtOnce(2, i -> () -> http.postForEntity("/api/account-activations",
        json(Map.of("token", token)), String.class).getStatusCode().value())) {
      statuses.add(answer.get());
    }
    assertThat(statuses).containsExactlyInAnyOrder(200, 410);
    assertThat(identity.createUserQuery().userId(username).count()).isEqualTo(1);
  }

  private List<Integer> atOnce(IntFunction<Map<String, Object>> body) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> answer : submitAtOnce(AT_ONCE, i -> () -> http.postForEntity("/api/account-requests",
        json(body.apply(i)), String.class).getStatusCode().value())) {
      statuses.add(answer.get());
    }
    return statuses;
  }

  /** Starts the calls together: each thread waits at a latch that opens when all are ready. */
  private static List<Future<Integer>> submitAtOnce(int count, IntFunction<Callable<Integer>> call) {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    CountDownLatch ready = new CountDownLatch(count);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Callable<Integer> one = call.apply(i);
      answers.add(pool.submit(() -> {
        ready.countDown();
        go.await();
        return one.call();
      }));
    }
    try {
      ready.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    go.countDown();
    pool.shutdown();
    return answers;
  }

  private String daectValidator() {
    String id = "dvalidation2";
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("Claire");
      user.setLastName("Validatrice");
      user.setEmail("claire.validatrice2@diplomatie.gouv.fr");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, "daect");
    }
    return id;
  }

  private static String unique() {
    return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }
}
