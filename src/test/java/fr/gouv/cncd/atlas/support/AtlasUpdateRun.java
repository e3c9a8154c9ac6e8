package fr.gouv.cncd.atlas.support;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.atlas.AtlasContent.Coordinates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * One Atlas update driven through the engine as its agent would through Tasklist (each step's
 * form submitted), for tests that need an update at some step, or published.
 */
public final class AtlasUpdateRun {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final String agent;
  private final List<String> groups;
  private String processInstanceId;

  public AtlasUpdateRun(RuntimeService runtime, TaskService tasks, FormService forms, IdentityService identity,
      String agent, List<String> groups) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.forms = forms;
    this.identity = identity;
    this.agent = agent;
    this.groups = groups;
  }

  public AtlasUpdateRun start() {
    processInstanceId = asAgent(() -> runtime.startProcessInstanceByKey("AtlasUpdate").getId());
    return this;
  }

  public String processInstanceId() {
    return processInstanceId;
  }

  public Task currentTask() {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(task).as("open step of %s", processInstanceId).isNotNull();
    return task;
  }

  /** Completes the open step with what its form would submit. */
  public AtlasUpdateRun submit(Map<String, Object> values) {
    String taskId = currentTask().getId();
    asAgent(() -> {
      forms.submitTaskForm(taskId, Variables.fromMap(values));
      return null;
    });
    return this;
  }

  /** From step 1 to step 6 (its list), the coordinates sent back as they are. */
  public AtlasUpdateRun toCooperations(Coordinates coordinates) {
    submit(Map.of());
    submit(coordinates(coordinates));
    submit(Map.of("contactAction", "NEXT"));
    submit(Map.of());
    return submit(Map.of("networkAction", "NEXT"));
  }

  /** From step 1 to « Valider » at step 8, changing nothing but the phone number. */
  public AtlasUpdateRun validatedWithPhone(Coordinates coordinates, String phone) {
    toCooperations(new Coordinates(coordinates.address(), coordinates.postalCode(), coordinates.town(), phone,
        coordinates.email(), coordinates.website(), coordinates.internationalService()));
    submit(Map.of("cooperationAction", "NEXT"));
    submit(Map.of("externalActionAction", "NEXT"));
    return submit(Map.of("validationChoice", "VALIDATE"));
  }

  /** What step 2's form submits for these coordinates. */
  public static Map<String, Object> coordinates(Coordinates coordinates) {
    Map<String, Object> values = new HashMap<>();
    values.put("coordinatesAddress", coordinates.address());
    values.put("coordinatesPostalCode", coordinates.postalCode());
    values.put("coordinatesTown", coordinates.town());
    values.put("coordinatesPhone", coordinates.phone());
    values.put("coordinatesEmail", coordinates.email());
    values.put("coordinatesWebsite", coordinates.website());
    values.put("coordinatesService", coordinates.internationalService());
    return values;
  }

  private <T> T asAgent(Supplier<T> call) {
    identity.setAuthentication(agent, groups);
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
