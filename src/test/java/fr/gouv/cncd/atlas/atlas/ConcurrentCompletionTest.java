package fr.gouv.cncd.atlas.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.cncd.atlas.support.EngineCaller;
import fr.gouv.cncd.atlas.support.PostgresApplicationTest;
import fr.gouv.cncd.atlas.support.StaffMembers;
import fr.gouv.cncd.atlas.support.TasklistForms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two agents of one collectivité press « Terminer » on the same step at the same moment, each from
 * Tasklist: exactly one completes it, the other reads in French that the step was completed by
 * someone else, and the update goes on from the winner's values only.
 */
@PostgresApplicationTest
class ConcurrentCompletionTest {

  static final String PASSWORD = "Jumelage#Brest-Denver1";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired AtlasUpdates updates;
  @Autowired AtlasPublication publication;

  @Test
  void twoAgentsCompletingOneStepAtOnceGiveOneCompletionAndOneFrenchRefusal() throws Exception {
    publication.publishDirectly("commune-29019", DemoAtlas.rennes(), "daect");
    String first = agent("brestun");
    String second = agent("brestdeux");
    TasklistForms firstTasklist = new TasklistForms(EngineCaller.webapp(port, "tasklist", first, PASSWORD));
    TasklistForms secondTasklist = new TasklistForms(EngineCaller.webapp(port, "tasklist", second, PASSWORD));
    EngineCaller.Answer started = firstTasklist.start("AtlasUpdate", Map.of());
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = JSON.readTree(started.body()).get("id").asText();

    // Steps 1 to 3 (presentation, coordonnées, élus et cadres), each completed by both at once.
    for (String phone : List.of("", "+33 2 98 00 80 80", "")) {
      TasklistForms.Task seenByFirst = firstTasklist.task(instanceId);
      TasklistForms.Task seenBySecond = secondTasklist.task(instanceId);
      assertThat(seenBySecond.id()).isEqualTo(seenByFirst.id());
      Map<String, Object> typedByFirst = typed(seenByFirst, phone, "NEXT");
      Map<String, Object> typedBySecond = typed(seenBySecond, phone.isEmpty() ? "" : "+33 2 98 00 99 99", "NEXT");
      CyclicBarrier together = new CyclicBarrier(2);
      CompletableFuture<EngineCaller.Answer> byFirst = CompletableFuture.supplyAsync(() -> {
        await(together);
        return firstTasklist.submit(seenByFirst, typedByFirst);
      });
      CompletableFuture<EngineCaller.Answer> bySecond = CompletableFuture.supplyAsync(() -> {
        await(together);
        return secondTasklist.submit(seenBySecond, typedBySecond);
      });
      List<EngineCaller.Answer> answers = new ArrayList<>(List.of(byFirst.get(), bySecond.get()));
      answers.sort(Comparator.comparingInt(EngineCaller.Answer::status));
      assertThat(answers.get(0).status()).as("one completes %s: %s", seenByFirst.name(), answers).isEqualTo(204);
      EngineCaller.Answer refused = answers.get(1);
      // 409 when both were inside the engine at once, 404 when the second came just after.
      assertThat(refused.status()).as("the other is refused: %s", refused.body()).isIn(404, 409);
      assertThat(JSON.readTree(refused.body()).path("message").asText()).as(refused.body())
          .contains("quelqu'un d'autre").contains("rien n'a été enregistré");
      assertThat(tasks.createTaskQuery().taskId(seenByFirst.id()).count()).as("the step is done").isZero();
      assertThat(tasks.createTaskQuery().processInstanceId(instanceId).count()).as("the next step, alone").isEqualTo(1);
      if (!phone.isEmpty()) {
        String winner = answers.get(0) == byFirst.get() ? phone : "+33 2 98 00 99 99";
        assertThat(updates.content(updates.draftOfProcess(instanceId).getId()).coordinates().phone())
            .as("the draft holds the winner's values only").isEqualTo(winner.replace(" ", ""));
      }
    }
  }

  /** What the agent types into the step's form. */
  private static Map<String, Object> typed(TasklistForms.Task task, String phone, String action) {
    return switch (task.taskDefinitionKey()) {
      case "Task_EditCoordinates" -> Map.of("coordinatesPhone", phone);
      case "Task_ListContacts" -> Map.of("contactAction", action);
      default -> Map.of();
    };
  }

  private String agent(String name) {
    String groupId = "commune29019";
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName("Brest");
      group.setType("COLLECTIVITE");
      identity.saveGroup(group);
    }
    String id = name + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    StaffMembers.create(identity, id, "Yann", "Kerouac", id + "@mairie-brest.example.fr", PASSWORD);
    identity.createMembership(id, groupId);
    return id;
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
