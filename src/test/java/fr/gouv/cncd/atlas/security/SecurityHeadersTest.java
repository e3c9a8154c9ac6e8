package fr.gouv.cncd.atlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The security headers of the embedded default (not production mode: no HSTS). In production mode:
 * ProductionSecurityHeadersTest; in a real browser: ContentSecurityPolicyBrowserTest.
 */
@H2ApplicationTest
class SecurityHeadersTest {

  private static final Pattern WEBAPP_POLICY = Pattern.compile("base-uri 'self'; script-src 'nonce-([-_A-Za-z0-9]+)'"
      + " 'self'; style-src 'self' 'unsafe-inline'; default-src 'self'; img-src 'self' data:; font-src 'self';"
      + " connect-src 'self'; object-src 'none'; form-action 'self'; frame-ancestors 'none'; sandbox allow-forms"
      + " allow-scripts allow-same-origin allow-popups allow-downloads");

  private static final Pattern SCRIPT_TAG = Pattern.compile("<script[^>]*>");

  @Autowired TestRestTemplate http;

  @Test
  void publicPagesAssetsAndTheApiCarryTheStrictPolicy() {
    for (String address : List.of("/", "/inscription", "/activation", "/nouveau-mot-de-passe", "/dsfr/dsfr.min.css",
        "/dsfr/dsfr.module.min.js", "/js/inscription.js", "/css/atlas.css", "/api/local-authorities?q=rennes")) {
      ResponseEntity<String> response = http.getForEntity(address, String.class);
      assertThat(response.getStatusCode()).as(address).isEqualTo(HttpStatus.OK);
      assertStrictHeaders(address, response.getHeaders());
    }
  }

  @Test
  void errorsAndRefusalsCarryItToo() {
    HttpHeaders html = new HttpHeaders();
    html.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> page = http.exchange("/page-inconnue", HttpMethod.GET, new HttpEntity<>(html), String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(page.getBody()).contains("Page introuvable");
    assertStrictHeaders("error page", page.getHeaders());

    ResponseEntity<String> api = http.getForEntity("/api/inconnue", String.class);
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertStrictHeaders("API 404", api.getHeaders());
    ResponseEntity<String> refused = http.getForEntity("/actuator/metrics", String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertStrictHeaders("metrics 401", refused.getHeaders());
  }

  @Test
  void camundaWebappsCarryTheirOwnPolicyWithTheNonceOfTheirInlineScript() {
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/", String.class);
      assertThat(page.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
      List<String> policies = page.getHeaders().get("Content-Security-Policy");
      assertThat(policies).as(app).hasSize(1);
      Matcher policy = WEBAPP_POLICY.matcher(policies.get(0));
      assertThat(policy.matches()).as(app + ": " + policies.get(0)).isTrue();
      List<String> inlineScripts = SCRIPT_TAG.matcher(page.getBody()).results().map(MatchResult::group)
          .filter(tag -> !tag.contains(" src=")).toList();
      assertThat(inlineScripts).as(app).isNotEmpty()
          .allSatisfy(tag -> assertThat(tag).contains("nonce=\"" + policy.group(1) + "\""));
      assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
      assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
      assertThat(page.getHeaders().containsKey("Strict-Transport-Security")).isFalse();
    }
  }

  /** The policy refuses inline script and style: the pages must keep theirs in static files. */
  @Test
  void pageTemplatesHoldNoInlineScriptOrStyle() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates/pages"))) {
      List<Path> templates = files.filter(f -> f.toString().endsWith(".ftlh")).toList();
      assertThat(templates).hasSizeGreaterThan(5);
      for (Path template : templates) {
        String text = Files.readString(template);
        assertThat(text).as(template.toString())
            .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
            .doesNotContainPattern("<style")
            .doesNotContainPattern("\\sstyle=")
            .doesNotContainPattern("\\son[a-z]+=")
            .doesNotContainPattern("javascript:");
      }
    }
  }

  private static void assertStrictHeaders(String address, HttpHeaders headers) {
    assertThat(headers.get("Content-Security-Policy")).as(address)
        .containsExactly(SecurityHeaders.CONTENT_SECURITY_POLICY);
    assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'")
        .contains("script-src 'self';").doesNotContain("unsafe");
    assertThat(headers.getFirst("X-Frame-Options")).as(address).isEqualTo("DENY");
    assertThat(headers.getFirst("X-Content-Type-Options")).as(address).isEqualTo("nosniff");
    assertThat(headers.getFirst("Referrer-Policy")).as(address).isEqualTo("same-origin");
    assertThat(headers.containsKey("Strict-Transport-Security")).as(address).isFalse();
  }
}
