package fr.gouv.cncd.atlas.security.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.cncd.atlas.support.EngineCaller;
import fr.gouv.cncd.atlas.support.EngineCaller.Answer;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CVE-2026-109432 replayed black-box: a collectivité agent sends a task query whose expression
 * would create a file on the server, at the top level and inside orQueries, through every entry
 * point the probe used. Each is refused with a French 400 and the file is never created.
 */
@H2ApplicationTest
class QueryExpressionInjectionTest {

  private static final String AGENT = "mdupont";
  private static final String PASSWORD = "Demo#Atlas-2026";
  private static final Path MARKER = Path.of("target", "cve-2026-109432-marker").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  FilterService filters;

  @Autowired
  TaskService tasks;

  @BeforeEach
  void noMarker() throws Exception {
    Files.deleteIfExists(MARKER);
  }

  /** Runs `touch MARKER` when evaluated: what the probe did, with a harmless command. */
  static String attack() {
    return "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch " + MARKER
        + "')}";
  }

  static Stream<Arguments> entryPoints() {
    List<String> doors = List.of("engine-rest", "webapp");
    List<String> paths = List.of("/task", "/task/count", "/filter/{mine}/list", "/filter/{mine}/count",
        "/filter/{mine}/singleResult");
    List<String> shapes = List.of("plain", "orQueries");
    return doors.stream().flatMap(door -> paths.stream().flatMap(path -> shapes.stream()
        .map(shape -> Arguments.of(door, path, shape))));
  }

  @ParameterizedTest(name = "{0} POST {1} ({2})")
  @MethodSource("entryPoints")
  void anAgentsQueryWithAnExpressionIsRefusedAndEvaluatesNothing(String door, String path, String shape)
      throws Exception {
    EngineCaller agent = door.equals("engine-rest") ? EngineCaller.engineRest(port, AGENT, PASSWORD)
        : EngineCaller.webapp(port, "tasklist", AGENT, PASSWORD);
    Map<String, Object> criterion = Map.of("assigneeExpression", attack());
    Object query = shape.equals("plain") ? criterion : Map.of("orQueries", List.of(criterion));

    Answer answer = agent.post(path.replace("{mine}", myTasksFilterId()), JSON.writeValueAsString(query));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    if (!path.endsWith("singleResult")) { // Camunda's REST replaces any error of singleResult by its own message
      assertThat(answer.body()).contains("Les expressions").contains("ne sont pas admises");
    }
    assertThat(MARKER).doesNotExist();
  }

  @Test
  void theSameQueryWithoutExpressionIsAnswered() {
    EngineCaller agent = EngineCaller.engineRest(port, AGENT, PASSWORD);
    assertThat(agent.post("/task", "{\"orQueries\":[{\"assignee\":\"mdupont\"}]}").status()).isEqualTo(200);
    assertThat(agent.post("/filter/" + myTasksFilterId() + "/count", "{}").status()).isEqualTo(200);
  }

  @Test
  void aQueryStringExpressionIsRefusedToo() {
    Answer answer = EngineCaller.engineRest(port, "admin", PASSWORD)
        .get("/task?assigneeExpression=" + java.net.URLEncoder.encode(attack(), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(MARKER).doesNotExist();
  }

  @Test
  void noCallerCreatesChangesOrDeletesAFilterNotEvenAnAdministrator() throws Exception {
    EngineCaller admin = EngineCaller.engineRest(port, "admin", PASSWORD);
    Map<String, Object> filter = Map.of("resourceType", "Task", "name", "Piège",
        "query", Map.of("assigneeExpression", attack()));
    assertThat(admin.post("/filter/create", JSON.writeValueAsString(filter)).status()).isEqualTo(403);
    assertThat(admin.send("PUT", "/filter/" + myTasksFilterId(), JSON.writeValueAsString(filter)).status())
        .isEqualTo(403);
    assertThat(admin.send("DELETE", "/filter/" + myTasksFilterId(), null).status()).isEqualTo(403);
    assertThat(EngineCaller.webapp(port, "tasklist", AGENT, PASSWORD)
        .post("/filter/create", JSON.writeValueAsString(filter)).status()).isEqualTo(403);
    assertThat(filters.getFilter(myTasksFilterId()).getQuery().toString()).doesNotContain("Runtime");
  }

  @Test
  void storedFiltersMayOnlyUseTheListedExpressions() {
    assertThat(StoredFilterExpressions.isAllowed("${currentUser()}")).isTrue();
    assertThat(StoredFilterExpressions.isAllowed("${currentUserGroups()}")).isTrue();
    assertThat(StoredFilterExpressions.isAllowed("${now()}")).isTrue();
    assertThat(StoredFilterExpressions.isAllowed("${dateTime().plusDays(7).toDate()}")).isTrue();
    assertThat(StoredFilterExpressions.isAllowed(attack())).isFalse();
    assertThat(StoredFilterExpressions.isAllowed("${currentUser().getClass()}")).isFalse();
    assertThat(StoredFilterExpressions.isAllowed("#{currentUser()}")).isFalse();

    Filter unsafe = filters.newTaskFilter("Piège");
    unsafe.setQuery(tasks.createTaskQuery().or().taskAssigneeExpression(attack()).endOr());
    assertThat(StoredFilterExpressions.refused(unsafe)).containsExactly(attack());
    for (Filter stored : filters.createFilterQuery().list()) {
      assertThat(StoredFilterExpressions.refused(stored)).as(stored.getName()).isEmpty();
    }
  }

  private String myTasksFilterId() {
    return filters.createTaskFilterQuery().filterName("Mes tâches").singleResult().getId();
  }
}
