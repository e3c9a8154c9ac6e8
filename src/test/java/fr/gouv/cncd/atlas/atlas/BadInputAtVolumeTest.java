package fr.gouv.cncd.atlas.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.gouv.cncd.atlas.referential.LocalAuthority;
import fr.gouv.cncd.atlas.support.EngineCaller;
import fr.gouv.cncd.atlas.support.Mails;
import fr.gouv.cncd.atlas.support.PostgresApplicationTest;
import fr.gouv.cncd.atlas.support.StaffMembers;
import fr.gouv.cncd.atlas.support.TasklistForms;
import fr.gouv.cncd.atlas.support.TestMailServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 1,000 generated bad submissions (a fixed seed: a failure replays): 500 to the public API, 500
 * completions of Atlas update steps as Tasklist sends them. Wrong types, missing and oversized
 * fields, impossible dates, markup and scripts, expressions, unusual Unicode, ids of another
 * collectivité. Not one answer is a 5xx; every refusal is a French problem+json (API) or a French
 * engine message (Tasklist shows it); the step stays open and the draft as it was; markup that
 * reaches a mail is text, never markup.
 */
@PostgresApplicationTest
class BadInputAtVolumeTest {

  static final String PASSWORD = "Jumelage#Morlaix-Truro1";
  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Words a French message has and an English or internal one has not. */
  static final Pattern FRENCH = Pattern.compile("[éèêàçô]|\\b(?:le|la|les|des|du|une|est|pas|doit|être)\\b");
  static final Pattern INTERNALS = Pattern.compile("Exception|java\\.|org\\.|Bad Request|Internal Server|must not|"
      + "Cannot |null\\b|ENGINE-");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired AtlasPublication publication;
  @Autowired AtlasUpdates updates;

  private final Random random = new Random(20261203L);
  private final Map<Integer, Integer> statuses = new TreeMap<>();

  /** The bad values the generator draws from. */
  private final List<JsonNode> badValues = List.of(
      NODES.numberNode(42), NODES.numberNode(-3.5), NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(),
      NODES.objectNode().put("value", "x"), NODES.textNode(""), NODES.textNode("   "),
      NODES.textNode("a".repeat(5_000)), NODES.textNode("é".repeat(120_000)),
      NODES.textNode("2026-02-30"), NODES.textNode("31/02/2026"), NODES.textNode("demain"),
      NODES.textNode("2026-13-01T00:00:00"), NODES.textNode("0000-00-00"),
      NODES.textNode("<script>alert('atlas')</script>"), NODES.textNode("<img src=x onerror=alert(1)>"),
      NODES.textNode("${''.getClass().forName('java.lang.Runtime')}"), NODES.textNode("#{7*7}"),
      NODES.textNode("{{7*7}}"), NODES.textNode("' OR 1=1 --"), NODES.textNode("\u202Egnp.exe"),
      NODES.textNode("nul\u0000byte"), NODES.textNode("\uD800seul"), NODES.textNode("Z\u0338\u0322a\u0335l\u0337g\u0336o"),
      NODES.textNode("👩‍👩‍👧 ＡＢＣ \uFEFF"), NODES.textNode("commune-35238"), NODES.textNode("region-53"));

  @Test
  void aThousandBadSubmissionsGiveNoServerErrorOnlyFrenchRefusalsAndLoseNothing() throws Exception {
    publicApi(500);
    steps(500);
    assertThat(statuses.keySet()).as("statuses answered: %s", statuses).allMatch(status -> status < 500);
    assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
    // What reached the DAECT's mails (requests accepted with odd but valid text) is text, not markup.
    TestMailServer.messagesTo("daect@diplomatie.gouv.fr").forEach(mail ->
        assertThat(Mails.html(mail)).doesNotContain("<script", "<img src=x"));
  }

  // --- the public API

  private void publicApi(int count) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String[] paths = {"/api/account-requests", "/api/password-resets", "/api/account-activations",
        "/api/password-changes"};
    for (int i = 0; i < count; i++) {
      String path = paths[random.nextInt(paths.length)];
      String body = random.nextInt(10) == 0 ? pick("{", "[]", "null", "\"texte\"", "{\"a\":", "<xml/>")
          : publicBody(path, i).toString();
      HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Content-Type", "application/json").header("Accept", "application/json, application/problem+json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      count(answer.statusCode());
      assertThat(answer.statusCode()).as("%s %s → %s", path, abbreviated(body), answer.body()).isLessThan(500);
      if (answer.statusCode() >= 400 && answer.statusCode() != 429) {
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as("%s %s", path, abbreviated(body))
            .startsWith("application/problem+json");
        String detail = JSON.readTree(answer.body()).path("detail").asText();
        assertThat(detail).as("%s %s → %s", path, abbreviated(body), answer.body()).containsPattern(FRENCH);
        assertThat(answer.body()).doesNotContainPattern(INTERNALS);
      }
    }
  }

  private ObjectNode publicBody(String path, int i) {
    ObjectNode body = NODES.objectNode();
    switch (path) {
      case "/api/account-requests" -> {
        body.put("localAuthorityId", "commune-29151");
        body.put("civility", "MONSIEUR");
        body.put("lastName", "Le Goff");
        body.put("firstName", "Erwan");
        body.put("function", "Chargé de mission");
        body.put("email", "erwan.legoff" + i + "@morlaix.example.fr");
        body.put("phone", "+33 2 98 00 00 00");
        body.put("username", "elegoff" + i);
        body.put("password", PASSWORD);
      }
      case "/api/password-resets" -> body.put("identifier", "elegoff" + i);
      case "/api/account-activations" -> body.put("token", "abcdefghijklmnopqrstuvwxyz012345");
      default -> {
        body.put("token", "abcdefghijklmnopqrstuvwxyz012345");
        body.put("password", PASSWORD);
      }
    }
    spoil(body);
    return body;
  }

  // --- the steps of an Atlas update

  private void steps(int count) throws Exception {
    String morlaix = "commune-29151";
    publication.publishDirectly(morlaix, DemoAtlas.rennes(), "daect");
    String agent = agentOf(morlaix);
    EngineCaller engine = EngineCaller.webapp(port, "tasklist", agent, PASSWORD);
    TasklistForms tasklist = new TasklistForms(engine);
    String instanceId = JSON.readTree(tasklist.start("AtlasUpdate", Map.of()).body()).get("id").asText();
    // Another collectivité's update, whose ids a forged submission sends.
    String brest = "commune-29019";
    String otherDraft = updates.running(brest).map(AtlasDraft::getId).orElse("00000000-0000-0000-0000-000000000000");

    TasklistForms.Task task = tasklist.task(instanceId);
    assertThat(tasklist.submit(task, Map.of()).status()).isEqualTo(204);
    // Step 2 (coordonnées), then the contact sheet (step 3 › « Ajouter »): half of the submissions each.
    for (int i = 0; i < count; i++) {
      if (i == count / 2) {
        // On to a contact's sheet (unless an accepted submission already went further).
        for (task = tasklist.task(instanceId); List.of("Task_EditCoordinates", "Task_ListContacts")
            .contains(task.taskDefinitionKey()); task = tasklist.task(instanceId)) {
          Map<String, Object> typed = task.taskDefinitionKey().equals("Task_ListContacts")
              ? Map.of("contactAction", "ADD") : Map.of();
          assertThat(tasklist.submit(task, typed).status()).as("on to the contact sheet").isEqualTo(204);
        }
      }
      task = tasklist.task(instanceId);
      String draftBefore = updates.draftOfProcess(instanceId).getContent();
      ObjectNode variables = NODES.objectNode();
      List<String> keys = new ArrayList<>();
      task.schema().path("components").forEach(component -> collectKeys(component, keys));
      for (String key : keys) {
        variables.set(key, NODES.objectNode().set("value", random.nextInt(3) == 0 ? pickValue() : task.value(key)));
      }
      forge(variables, otherDraft, brest);
      String body = NODES.objectNode().set("variables", variables).toString();
      EngineCaller.Answer answer = engine.post("/task/" + task.id() + "/submit-form", body);
      count(answer.status());
      assertThat(answer.status()).as("%s %s → %s", task.taskDefinitionKey(), abbreviated(body), answer.body())
          .isLessThan(500);
      if (answer.status() == 204) {
        // Nothing bad in it after all (a value the step accepts): the update goes on; back to the sheet.
        continue;
      }
      assertThat(answer.status()).isEqualTo(400);
      String message = JSON.readTree(answer.body()).path("message").asText();
      assertThat(message).as("%s → %s", abbreviated(body), answer.body()).containsPattern(FRENCH)
          .doesNotContainPattern(INTERNALS);
      assertThat(tasks.createTaskQuery().taskId(task.id()).count()).as("the step stays open").isEqualTo(1);
      assertThat(updates.draftOfProcess(instanceId).getContent()).as("the draft as it was").isEqualTo(draftBefore);
    }
  }

  /** A forged submission: the ids only the application writes, set to another collectivité's. */
  private void forge(ObjectNode variables, String otherDraft, String otherAuthority) {
    switch (random.nextInt(12)) {
      case 0 -> variables.set("atlasUpdateId", NODES.objectNode().put("value", otherDraft));
      case 1 -> variables.set("localAuthorityId", NODES.objectNode().put("value", otherAuthority));
      case 2 -> variables.set("localAuthorityGroup", NODES.objectNode().put("value", LocalAuthority.groupIdOf(otherAuthority)));
      case 3 -> variables.set("champInconnu", NODES.objectNode().set("value", pickValue()));
      case 4 -> variables.set("contactDomains", NODES.objectNode().put("value", "[\"INCONNU\"]").put("type", "Json"));
      case 5 -> variables.set("coordinatesPhone", NODES.objectNode().put("value", "demain").put("type", "Date"));
      case 6 -> variables.set("coordinatesTown", NODES.objectNode().put("value", "{}").put("type", "Object")
          .set("valueInfo", NODES.objectNode().put("objectTypeName", "java.lang.ProcessBuilder")
              .put("serializationDataFormat", "application/json")));
      default -> { }
    }
  }

  private void spoil(ObjectNode body) {
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    int spoiled = 1 + random.nextInt(3);
    for (int k = 0; k < spoiled; k++) {
      String field = fields.get(random.nextInt(fields.size()));
      if (random.nextInt(4) == 0) {
        body.remove(field);
      } else {
        body.set(field, pickValue());
      }
    }
  }

  private static void collectKeys(JsonNode component, List<String> keys) {
    if (component.has("key") && !component.path("disabled").asBoolean() && !component.path("readonly").asBoolean()) {
      keys.add(component.get("key").asText());
    }
    component.path("components").forEach(child -> collectKeys(child, keys));
  }

  private String agentOf(String localAuthorityId) {
    String groupId = LocalAuthority.groupIdOf(localAuthorityId);
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName("Morlaix");
      group.setType("COLLECTIVITE");
      identity.saveGroup(group);
    }
    String agent = "agentmorlaix" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    StaffMembers.create(identity, agent, "Soizic", "Le Bras", agent + "@mairie-morlaix.example.fr", PASSWORD);
    identity.createMembership(agent, groupId);
    return agent;
  }

  private JsonNode pickValue() {
    return badValues.get(random.nextInt(badValues.size()));
  }

  private String pick(String... values) {
    return values[random.nextInt(values.length)];
  }

  private void count(int status) {
    statuses.merge(status, 1, Integer::sum);
  }

  private static String abbreviated(String body) {
    return body.length() > 400 ? body.substring(0, 400) + "… (" + body.length() + " caractères)" : body;
  }
}
