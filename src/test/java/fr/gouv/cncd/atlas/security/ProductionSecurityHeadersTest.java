package fr.gouv.cncd.atlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.support.PostgresApplicationTest;
import fr.gouv.cncd.atlas.support.WebappSession;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Production mode (profile postgres): HSTS everywhere, session and XSRF cookies only over HTTPS. */
@PostgresApplicationTest
class ProductionSecurityHeadersTest {

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;

  @Test
  void everyAnswerAsksForHttpsOnly() {
    for (String address : List.of("/", "/inscription", "/api/local-authorities?q=rennes", "/camunda/app/tasklist/")) {
      ResponseEntity<String> response = http.getForEntity(address, String.class);
      assertThat(response.getStatusCode()).as(address).isEqualTo(HttpStatus.OK);
      assertThat(response.getHeaders().get("Strict-Transport-Security")).as(address)
          .containsExactly("max-age=31536000; includeSubDomains");
    }
    assertThat(http.getForEntity("/camunda/app/tasklist/", String.class).getHeaders().getFirst("Content-Security-Policy"))
        .contains("frame-ancestors 'none'");
  }

  @Test
  void theWebappsCookiesAreSecureAndHttpOnlyWhereTheyMayBe() {
    List<String> cookies = http.getForEntity("/camunda/app/tasklist/", String.class).getHeaders()
        .get(HttpHeaders.SET_COOKIE);
    assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="))
        .anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN="))
        .allSatisfy(cookie -> assertThat(cookie).containsPattern("(?i);\\s*Secure(;|$)")
            .containsIgnoringCase("SameSite=Lax"));
    assertThat(cookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
        .allSatisfy(cookie -> assertThat(cookie).containsPattern("(?i);\\s*HttpOnly(;|$)"));

    // A browser that sends them back (Chromium counts http://localhost as secure) still logs in.
    assertThat(new WebappSession(port).login("tasklist", "admin", PostgresApplicationTest.ADMIN_PASSWORD))
        .isEqualTo(200);
  }
}
