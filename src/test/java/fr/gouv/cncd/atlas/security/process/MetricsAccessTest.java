package fr.gouv.cncd.atlas.security.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The metrics (request addresses, exception names) are for administrators and process managers
 * only; health stays public. Every login here uses the right password or an unknown user: a failed
 * login makes Camunda delay that user's next logins.
 */
@H2ApplicationTest
class MetricsAccessTest {

  private static final String DEMO_PASSWORD = "Demo#Atlas-2026";
  private static final String METRIC = "/actuator/metrics/http.server.requests";

  @Autowired TestRestTemplate http;

  @Test
  void healthStaysPublic() {
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anonymousCallersAreAskedToAuthenticateInFrench() {
    for (String address : new String[] {"/actuator/metrics", METRIC}) {
      ResponseEntity<Map> response = http.getForEntity(address, Map.class);
      assertThat(response.getStatusCode()).as(address).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
      assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic ");
      assertThat(response.getBody()).containsEntry("title", "Authentification requise").containsEntry("status", 401);
      assertThat(response.getBody().get("detail").toString())
          .isEqualTo("Identifiez-vous avec un compte d'administrateur ou de pilote des processus"
              + " (authentification HTTP Basic).");
      assertThat(response.getBody()).doesNotContainKey("names");
    }
    assertThat(http.withBasicAuth("inconnu", "Mauvais#Essai-2026").getForEntity(METRIC, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void usersWhoAreNeitherAdministratorsNorProcessManagersAreRefused() {
    for (String username : new String[] {"validateur", "mdupont"}) {
      ResponseEntity<Map> response = http.withBasicAuth(username, DEMO_PASSWORD).getForEntity(METRIC, Map.class);
      assertThat(response.getStatusCode()).as(username).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
      assertThat(response.getBody()).containsEntry("title", "Accès refusé")
          .containsEntry("detail", "Les métriques sont réservées aux administrateurs et aux pilotes des processus.");
    }
  }

  @Test
  void administratorsAndProcessManagersReadTheMetrics() {
    for (String username : new String[] {"admin", "pilote"}) {
      ResponseEntity<Map> list = http.withBasicAuth(username, DEMO_PASSWORD).getForEntity("/actuator/metrics", Map.class);
      assertThat(list.getStatusCode()).as(username).isEqualTo(HttpStatus.OK);
      assertThat(list.getBody().get("names").toString()).contains("http.server.requests");
      assertThat(http.withBasicAuth(username, DEMO_PASSWORD).getForEntity(METRIC, String.class).getStatusCode())
          .as(username).isEqualTo(HttpStatus.OK);
    }
  }
}
