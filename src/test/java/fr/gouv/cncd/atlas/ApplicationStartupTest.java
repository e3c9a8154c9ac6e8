package fr.gouv.cncd.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.referential.LocalAuthorityType;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@H2ApplicationTest
class ApplicationStartupTest {

  @Autowired RepositoryService repository;
  @Autowired LocalAuthorities authorities;
  @Autowired TestRestTemplate http;

  @Test
  void deploysEveryProcessAndFormOfTheRepository() throws IOException {
    List<String> deployed = repository.createDeploymentQuery().list().stream()
        .flatMap(d -> repository.getDeploymentResources(d.getId()).stream())
        .map(Resource::getName)
        .map(name -> Path.of(name).getFileName().toString())
        .toList();
    assertThat(filesOf("processes", ".bpmn")).isNotEmpty().allSatisfy(f -> assertThat(deployed).contains(f));
    assertThat(filesOf("forms", ".form")).isNotEmpty().allSatisfy(f -> assertThat(deployed).contains(f));
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("AccountRequest").count()).isPositive();
  }

  @Test
  void loadsTheWholeOfficialReferential() {
    assertThat(authorities.report().countsByType()).isEqualTo(Map.of(
        LocalAuthorityType.REGION, 18L,
        LocalAuthorityType.DEPARTMENT, 101L,
        LocalAuthorityType.COMMUNE, 34_969L,
        LocalAuthorityType.EPCI, 1_255L,
        LocalAuthorityType.OVERSEAS_COLLECTIVITY, 6L));
    assertThat(authorities.find("region-53").orElseThrow().getName()).isEqualTo("Bretagne");
    assertThat(authorities.find("department-35").orElseThrow().getName()).isEqualTo("Ille-et-Vilaine");
    assertThat(authorities.find("epci-243500139").orElseThrow().getName()).isEqualTo("Rennes Métropole");
    assertThat(authorities.find("epci-200046977").orElseThrow().getNature()).isEqualTo("MET69");
    assertThat(authorities.find("overseas-987").orElseThrow().getName()).isEqualTo("Polynésie française");
    assertThat(authorities.find("overseas-984")).as("TAAF have no elected assembly").isEmpty();
    assertThat(authorities.find("overseas-989")).as("Clipperton has no elected assembly").isEmpty();
  }

  @Test
  void searchesThePublicReferentialWithoutAccentsCaseOrPunctuation() {
    assertThat(search("abergement clemenciat")).first().extracting(i -> i.get("name"))
        .isEqualTo("L'Abergement-Clémenciat");
    assertThat(search("rennes")).first().extracting(i -> i.get("id")).isEqualTo("commune-35238");
    assertThat(search("35238")).first().extracting(i -> i.get("id")).isEqualTo("commune-35238");
    assertThat(search("243500139")).first().extracting(i -> i.get("id")).isEqualTo("epci-243500139");
    assertThat(search("01400")).extracting(i -> i.get("id")).contains("commune-01001");
    assertThat(search("st malo")).first().extracting(i -> i.get("name")).isEqualTo("Saint-Malo");
    Map<String, Object> rennes = search("rennes").get(0);
    assertThat(rennes).containsEntry("type", "COMMUNE").containsEntry("departmentCode", "35")
        .containsEntry("postalCodes", List.of("35000", "35200", "35700"));
  }

  @Test
  void filtersTheSearchByTypeAndDepartment() {
    assertThat(http.getForObject("/api/local-authorities?q=rennes&type=EPCI", List.class))
        .extracting(i -> ((Map<?, ?>) i).get("id")).containsExactly("epci-243500139");
    List<?> communes = http.getForObject("/api/local-authorities?department=2A&type=COMMUNE&limit=50", List.class);
    assertThat(communes).hasSize(50).allSatisfy(i -> assertThat(((Map<?, ?>) i).get("departmentCode")).isEqualTo("2A"));
    assertThat(http.getForObject("/api/local-authorities/commune-35238", Map.class)).containsEntry("name", "Rennes");
  }

  @Test
  void answersBadSearchParametersWithAFrenchProblem() {
    ResponseEntity<Map> response = http.getForEntity("/api/local-authorities?q=r&type=VILLE&limit=500", Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat((List<Map<String, String>>) response.getBody().get("errors"))
        .extracting(e -> e.get("field")).containsExactlyInAnyOrder("q", "type", "limit");
    assertThat(response.getBody().get("errors").toString()).contains("Type de collectivité inconnu");
    ResponseEntity<Map> missing = http.getForEntity("/api/local-authorities/commune-99999", Map.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody().get("detail").toString()).contains("Aucune collectivité");
  }

  @Test
  void answersUnknownAddressesInFrench() {
    ResponseEntity<Map> api = http.getForEntity("/api/inconnue", Map.class);
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(api.getBody().get("detail").toString()).contains("n'existe pas");
    ResponseEntity<Map> method = http.getForEntity("/api/account-requests", Map.class);
    assertThat(method.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(method.getBody().get("detail").toString()).contains("La méthode GET n'est pas autorisée");
    org.springframework.http.HttpHeaders text = new org.springframework.http.HttpHeaders();
    text.setContentType(MediaType.TEXT_PLAIN);
    ResponseEntity<Map> mediaType = http.postForEntity("/api/account-requests",
        new org.springframework.http.HttpEntity<>("bonjour", text), Map.class);
    assertThat(mediaType.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(mediaType.getBody().get("detail").toString()).contains("format JSON");
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> page = http.exchange("/page-inconnue", org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(headers), String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(page.getBody()).contains("<html lang=\"fr\">").contains("Page introuvable");
  }

  @Test
  void closesTheEngineRestApiToAnonymousCalls() {
    assertThat(http.getForEntity("/engine-rest/user", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.postForEntity("/engine-rest/user/create", Map.of("profile", Map.of("id", "intrus")), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("admin", "Demo#Atlas-2026").getForEntity("/engine-rest/user", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("inconnu", "Mauvais#Essai-2026").getForEntity("/engine-rest/user", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void exposesHealthAndMetricsOnly() {
    // Who may read the metrics: MetricsAccessTest.
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("admin", "Demo#Atlas-2026").getForEntity("/actuator/metrics", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/actuator/beans", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void givesEveryProcessAHistoryTimeToLive() {
    assertThat(repository.createProcessDefinitionQuery().list())
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isNotNull().isPositive());
  }

  private List<Map<String, Object>> search(String query) {
    return http.getForObject("/api/local-authorities?q={q}", List.class, query);
  }

  private static List<String> filesOf(String folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).toList();
    }
  }
}
