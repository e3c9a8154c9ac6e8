package fr.gouv.cncd.atlas.account;

import static fr.gouv.cncd.atlas.account.AccountCreationScenarioTest.json;
import static fr.gouv.cncd.atlas.account.AccountCreationScenarioTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.Outbox;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@H2ApplicationTest
class LegacyAccountImportTest {

  private static final String CSV = """
      identifiant;courriel;collectivite;date_creation
      jean.ancien;jean.ancien@rennes.example.fr;commune-35238;2016-03-14
      vieuxcompte;vieux@brest.example.fr;29019;12/06/2011
      mauvais;mauvais@example.fr;Nulle-Part-sur-Mer;2015-01-01
      """;

  @Autowired TestRestTemplate http;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;

  @Test
  void migratesAccountsFrom2014OnAndRefusesOlderOnes() {
    ResponseEntity<String> report = http.withBasicAuth("admin", "Demo#Atlas-2026")
        .postForEntity("/api/admin/legacy-accounts", csv(CSV), String.class);

    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(report.getBody())
        .contains("3 ligne(s)")
        .contains("Comptes repris : 1")
        .contains("ligne 2 : jean.ancien <jean.ancien@rennes.example.fr> — Rennes (identifiant « jean.ancien » devenu « jeanancien »)")
        .contains("Comptes non repris, créés avant le 31 décembre 2013 : 1")
        .contains("ligne 3 : vieuxcompte")
        .contains("Lignes en erreur : 1")
        .contains("collectivité « Nulle-Part-sur-Mer » introuvable");
    assertThat(identity.createUserQuery().userId("jeanancien").memberOfGroup("commune35238").count()).isEqualTo(1);
    assertThat(identity.createUserQuery().userId("vieuxcompte").count()).isZero();

    // The holder of the migrated account chooses a new password through the mailed link.
    Jobs.runAll(management);
    String instanceId = history.createHistoricProcessInstanceQuery().processDefinitionKey("LegacyAccountMigration")
        .processInstanceBusinessKey("jeanancien").singleResult().getId();
    String token = Outbox.token(Outbox.mails(instanceId + "_ServiceTask_SendPasswordLink").get(0));
    ResponseEntity<Map> weak = http.postForEntity("/api/password-changes",
        json(Map.of("token", token, "password", "jeanancien")), Map.class);
    assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(weak.getBody().get("errors").toString()).contains("password");
    ResponseEntity<Map> chosen = http.postForEntity("/api/password-changes",
        json(Map.of("token", token, "password", "Nouveau#Depart-2026")), Map.class);
    assertThat(chosen.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(chosen.getBody()).containsEntry("username", "jeanancien");
    assertThat(identity.checkPassword("jeanancien", "Nouveau#Depart-2026")).isTrue();
    assertThat(http.postForEntity("/api/password-changes", json(Map.of("token", token, "password", "Autre#Depart-2027")),
        Map.class).getStatusCode()).isEqualTo(HttpStatus.GONE);

    // Importing the same file again changes nothing.
    String again = http.withBasicAuth("admin", "Demo#Atlas-2026")
        .postForEntity("/api/admin/legacy-accounts", csv(CSV), String.class).getBody();
    assertThat(again).contains("Comptes repris : 0").contains("Comptes déjà repris : 1");

    // The holder of a refused account registers again with the same identifiant and e-mail.
    ResponseEntity<Map> registration = http.postForEntity("/api/account-requests",
        json(request("commune-29019", "vieuxcompte", "vieux@brest.example.fr", "Jumelage#Brest-Denver1")), Map.class);
    assertThat(registration.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
  }

  @Test
  void isReservedToAdministrators() {
    assertThat(http.postForEntity("/api/admin/legacy-accounts", csv(CSV), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("mdupont", "Demo#Atlas-2026")
        .postForEntity("/api/admin/legacy-accounts", csv(CSV), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("inconnu", "Mauvais#Essai-2026")
        .postForEntity("/api/admin/legacy-accounts", csv(CSV), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private static HttpEntity<String> csv(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
    return new HttpEntity<>(body, headers);
  }
}
