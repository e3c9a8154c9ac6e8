package fr.gouv.cncd.atlas.atlas.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.atlas.AtlasContent.Coordinates;
import fr.gouv.cncd.atlas.atlas.AtlasDraft;
import fr.gouv.cncd.atlas.atlas.AtlasFixtures;
import fr.gouv.cncd.atlas.atlas.AtlasPublication;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attestation « Atlas à jour »: a one-page PDF with its code and the verification address; the
 * code verified on /verification and at /api/attestations/{code}, as current, then superseded by a
 * later update; unknown and malformed codes told apart in French; the Atlas status of a
 * collectivité that validated an update, and of one that never did.
 */
@H2ApplicationTest
class AttestationsTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired AtlasUpdates updates;
  @Autowired AtlasPublication publication;
  @Autowired AtlasAttestations attestations;

  @Test
  void aCodeIsCurrentThenSupersededAndUnknownCodesAreToldApart() throws Exception {
    String liffre = "commune-35152";
    publication.publishDirectly(liffre, AtlasFixtures.rennesLike(), "daect");
    assertThat(get("/api/local-authorities/" + liffre + "/atlas-status").body())
        .contains("\"upToDate\":false").contains("\"status\":\"pas à jour\"");

    String first = publishAnUpdate(liffre, "02 99 68 31 01");
    AtlasDocument attestation = attestations.attestation(liffre, 2).orElseThrow();
    String code = attestation.getVerificationCode();
    assertThat(code).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
    attestations.writeAttestation(first);
    assertThat(attestations.attestation(liffre, 2).orElseThrow().getVerificationCode()).as("written once").isEqualTo(code);
    try (PDDocument pdf = Loader.loadPDF(attestation.getContent())) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertThat(text).contains("Attestation de mise à jour de l'Atlas").contains("Liffré")
          .contains("version 2 de son Atlas").contains(code).contains("http://localhost:8080/verification");
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Attestation de mise à jour de l'Atlas — Liffré — version 2");
    }
    AtlasReportsTest.keep("attestation-liffre.pdf", attestation.getContent());

    // Current: typed as a person types it (lower case, spaces).
    String typed = code.toLowerCase().replace("-", " ");
    HttpResponse<String> page = get("/verification?code=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Attestation authentique").contains("Liffré")
        .contains("Cette version est la version en vigueur de son Atlas.").contains("<strong>à jour</strong>")
        .contains("Code vérifié : " + code);
    assertThat(get("/api/attestations/" + code).body()).contains("\"localAuthorityId\":\"" + liffre + "\"")
        .contains("\"version\":2").contains("\"current\":true");
    assertThat(get("/api/local-authorities/" + liffre + "/atlas-status").body())
        .contains("\"upToDate\":true").contains("\"status\":\"à jour\"").contains("\"lastValidatedVersion\":2")
        .contains("12 mois");

    // A later update supersedes it: still authentic, no longer the version in force.
    publishAnUpdate(liffre, "02 99 68 31 02");
    assertThat(get("/verification?code=" + code).body()).contains("Attestation authentique")
        .contains("n'est plus la version en vigueur").contains("(version 3)");
    assertThat(get("/api/attestations/" + code).body()).contains("\"current\":false").contains("\"currentVersion\":3");

    // Unknown, and malformed.
    String unknown = code.startsWith("A") ? "BBBB-BBBB-BBBB" : "AAAA-AAAA-AAAA";
    HttpResponse<String> api = get("/api/attestations/" + unknown);
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(api.body()).contains("Aucune attestation ne porte le code");
    assertThat(get("/verification?code=" + unknown).body()).contains("Attestation non vérifiée")
        .contains("Aucune attestation ne porte ce code").doesNotContain("Attestation authentique");
    assertThat(get("/verification?code=" + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8)).body())
        .contains("n&#39;a pas la forme d&#39;un code de vérification").contains("&lt;script&gt;").doesNotContain("<script>alert");
    assertThat(get("/verification").body()).contains("Code de vérification").doesNotContain("Attestation non vérifiée");
  }

  @Test
  void guessingIsThrottledPerAddress() throws Exception {
    // Over IPv6 (::1): a client address of its own, so that the other tests keep their allowance.
    int refused = 0;
    for (int i = 0; i < 40 && refused == 0; i++) {
      HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
          URI.create("http://[::1]:" + port + "/api/attestations/AAAA-AAAA-AAA" + (char) ('A' + i % 20))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 429) {
        refused = i;
        assertThat(answer.body()).contains("Trop de vérifications");
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
      } else {
        assertThat(answer.statusCode()).isEqualTo(404);
      }
    }
    assertThat(refused).as("requests before the first refusal").isEqualTo(30);
  }

  private String publishAnUpdate(String localAuthorityId, String phone) {
    AtlasDraft draft = updates.start(localAuthorityId, "agent");
    Coordinates c = updates.content(draft.getId()).coordinates();
    updates.saveCoordinates(draft.getId(), new Coordinates(c.address(), c.postalCode(), c.town(), phone, c.email(),
        c.website(), c.internationalService()), "agent");
    updates.validate(draft.getId(), "agent");
    publication.publish(draft.getId());
    attestations.writeAttestation(draft.getId());
    return draft.getId();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
