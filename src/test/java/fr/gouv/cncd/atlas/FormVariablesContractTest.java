package fr.gouv.cncd.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.account.AccountRequest;
import fr.gouv.cncd.atlas.account.AccountRequestCommand;
import fr.gouv.cncd.atlas.account.AccountRequestCommand.UnlistedLocalAuthority;
import fr.gouv.cncd.atlas.account.AccountRequests;
import fr.gouv.cncd.atlas.security.Groups;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.StaffMembers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contract between each form and the code, on the running engine: at every user task, each
 * variable the task's form shows (display-only fields, options, tables, variables of its hiding
 * conditions) is among the task's form variables, as Tasklist fetches them; and each field the form
 * submits is a variable the process's code reads (a constant of its variables accessor).
 */
@H2ApplicationTest
class FormVariablesContractTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String PASSWORD = "Coop#Bretagne-2026";
  /** Bruz: no other test updates its Atlas (one update per collectivité at a time). */
  private static final String LOCAL_AUTHORITY_GROUP = "commune35047";
  private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService formService;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired AccountRequests requests;

  private final Set<String> checkedTasks = new TreeSet<>();

  @AfterEach
  void logOut() {
    identity.clearAuthentication();
  }

  @Test
  void reviewFormOfARequestFindsEveryVariableItShows() {
    ProcessInstance instance = submitted(new AccountRequestCommand("commune-35047", null, "MADAME", "Le Gall",
        "Nolwenn", "Chargée de mission Europe", "nolwenn.legall" + SEQUENCE.incrementAndGet() + "@example.org",
        "02 99 05 45 45", "nlegall" + SEQUENCE.get() + "c", PASSWORD));
    try {
      identity.setAuthentication("validateur", List.of(Groups.DAECT));
      checkForm(taskOf(instance, "Task_ReviewAccountRequest"));
      assertThat(checkedTasks).as("user tasks of AccountRequest whose form was checked")
          .isEqualTo(userTasksOf(instance));
    } finally {
      delete(instance);
    }
  }

  @Test
  void reviewFormOfARequestForAnUnlistedCollectiviteFindsEveryVariableItShows() {
    ProcessInstance instance = submitted(new AccountRequestCommand(null,
        new UnlistedLocalAuthority("Syndicat intercommunal de jumelage du pays de Bruz", "EPCI", "35"), "MONSIEUR",
        "Riou", "Yann", "Directeur général des services", "yann.riou" + SEQUENCE.incrementAndGet() + "@example.org",
        null, "yriou" + SEQUENCE.get() + "c", PASSWORD));
    try {
      identity.setAuthentication("validateur", List.of(Groups.DAECT));
      checkForm(taskOf(instance, "Task_ReviewAccountRequest"));
    } finally {
      delete(instance);
    }
  }

  @Test
  void everyFormOfTheAtlasUpdateFindsEveryVariableItShows() {
    String agent = "contratbruz" + SEQUENCE.incrementAndGet();
    StaffMembers.create(identity, agent, "Gwenaëlle", "Morvan", agent + "@example.org", PASSWORD);
    if (identity.createGroupQuery().groupId(LOCAL_AUTHORITY_GROUP).count() == 0) {
      Group group = identity.newGroup(LOCAL_AUTHORITY_GROUP);
      group.setName("Bruz");
      group.setType(Groups.LOCAL_AUTHORITY_GROUP_TYPE);
      identity.saveGroup(group);
    }
    identity.createMembership(agent, LOCAL_AUTHORITY_GROUP);
    identity.setAuthentication(agent, List.of(LOCAL_AUTHORITY_GROUP, Groups.LOCAL_AUTHORITY_STAFF));
    ProcessInstance instance = runtime.startProcessInstanceByKey("AtlasUpdate");
    try {
      complete(checkForm(taskOf(instance, "Task_ReadPresentation")), Map.of());
      complete(checkForm(taskOf(instance, "Task_EditCoordinates")), Map.of(
          "coordinatesAddress", "Hôtel de ville, avenue Alphonse Legault", "coordinatesPostalCode", "35170",
          "coordinatesTown", "Bruz"));
      walkThroughList(instance, "Task_ListContacts", "contactAction", "Task_EditContact");
      complete(checkForm(taskOf(instance, "Task_ReadOdaAmounts")), Map.of());
      walkThroughList(instance, "Task_ListNetworks", "networkAction", "Task_EditNetworkMembership");
      walkThroughList(instance, "Task_ListCooperations", "cooperationAction", "Task_EditCooperation");
      walkThroughList(instance, "Task_ListExternalActions", "externalActionAction", "Task_EditExternalAction");
      complete(checkForm(taskOf(instance, "Task_ValidateUpdate")), Map.of("validationChoice", "VALIDATE"));
      // Publication and compte-rendu are jobs, run as the job executor does: without a user.
      identity.clearAuthentication();
      Jobs.runAll(management);
      identity.setAuthentication(agent, List.of(LOCAL_AUTHORITY_GROUP, Groups.LOCAL_AUTHORITY_STAFF));
      checkForm(taskOf(instance, "Task_DownloadReport"));

      assertThat(checkedTasks).as("user tasks of AtlasUpdate whose form was checked").isEqualTo(userTasksOf(instance));
    } finally {
      delete(instance);
    }
  }

  /** A list step: add (the sheet opens), leave the sheet without saving, then go on to the next step. */
  private void walkThroughList(ProcessInstance instance, String listTask, String actionKey, String sheetTask) {
    complete(checkForm(taskOf(instance, listTask)), Map.of(actionKey, "ADD"));
    complete(checkForm(taskOf(instance, sheetTask)), Map.of("sheetDecision", "DISCARD"));
    complete(checkForm(taskOf(instance, listTask)), Map.of(actionKey, "NEXT"));
  }

  /**
   * Both sides of the contract at one task: what its form shows is there, what it submits is read.
   * A component its hiding conditions hide whatever the user picks need not find its variables.
   */
  private Task checkForm(Task task) {
    String processId = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    String formId = formService.getTaskFormData(task.getId()).getCamundaFormRef().getKey();
    CamundaForm form = CamundaForm.withId(formId);
    VariableMap variables = formService.getTaskFormVariables(task.getId());

    Set<String> shown = form.shownVariables(component -> mayBeVisible(form, component, variables));
    assertThat(shown).as("variables form %s shows", formId).isNotEmpty();
    assertThat(variables.keySet())
        .as("form variables of %s (process %s), where form %s shows %s", task.getTaskDefinitionKey(), processId,
            formId, shown)
        .containsAll(shown);
    assertThat(form.inputKeys())
        .as("fields form %s submits at %s: variables the code reads (constants of %s)", formId,
            task.getTaskDefinitionKey(), ProcessVariables.accessorOf(processId).getName())
        .isSubsetOf(ProcessVariables.of(processId));
    checkedTasks.add(task.getTaskDefinitionKey());
    return task;
  }

  /**
   * Whether some choice of the form's own fields leaves the component shown: each field its hiding
   * conditions read takes each of its proposed values (or nothing); a field typed freely may be anything.
   */
  private static boolean mayBeVisible(CamundaForm form, CamundaForm.Component component, Map<String, Object> variables) {
    if (component.hides().isEmpty()) {
      return true;
    }
    Set<String> read = new TreeSet<>();
    component.hides().forEach(hide -> read.addAll(CamundaForm.variablesIn(hide)));
    List<Map<String, Object>> choices = new ArrayList<>();
    choices.add(new HashMap<>());
    for (String name : read) {
      if (form.inputKeys().contains(name)) {
        List<Object> values = proposedValues(form.field(name).orElseThrow());
        if (values == null) {
          return true;
        }
        List<Map<String, Object>> expanded = new ArrayList<>();
        for (Map<String, Object> choice : choices) {
          for (Object value : values) {
            Map<String, Object> more = new HashMap<>(choice);
            more.put(name, value);
            expanded.add(more);
          }
        }
        choices = expanded;
      }
    }
    for (Map<String, Object> choice : choices) {
      Map<String, Object> context = new HashMap<>();
      read.forEach(name -> context.put(name, variables.get(name)));
      context.putAll(choice);
      if (component.hides().stream().noneMatch(hide -> hides(hide, context))) {
        return true;
      }
    }
    return false;
  }

  /** The values a field offers, nothing chosen included; null when it is typed freely. */
  private static List<Object> proposedValues(CamundaForm.Component field) {
    List<Object> values = new ArrayList<>();
    values.add(null);
    if (!field.values().isEmpty()) {
      values.addAll(field.values());
    } else if (field.type().equals("checkbox")) {
      values.addAll(List.of(true, false));
    } else {
      return null;
    }
    return values;
  }

  /** As form-js: the component is hidden when its condition is true, shown when it is anything else or fails. */
  private static boolean hides(String condition, Map<String, Object> context) {
    try {
      Object result = FEEL.evaluateSimpleExpression(condition.substring(1), Variables.fromMap(context).asVariableContext());
      return Boolean.TRUE.equals(result);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private ProcessInstance submitted(AccountRequestCommand command) {
    AccountRequest request = requests.submit(command);
    Jobs.runAll(management);
    return runtime.createProcessInstanceQuery().variableValueEquals("accountRequestId", request.getId()).singleResult();
  }

  private Task taskOf(ProcessInstance instance, String taskId) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task).as("task of instance %s, expected at %s", instance.getId(), taskId).isNotNull();
    assertThat(task.getTaskDefinitionKey()).as("task of instance %s", instance.getId()).isEqualTo(taskId);
    return task;
  }

  private void complete(Task task, Map<String, Object> variables) {
    tasks.complete(task.getId(), variables);
  }

  private Set<String> userTasksOf(ProcessInstance instance) {
    Set<String> ids = new TreeSet<>();
    repository.getBpmnModelInstance(instance.getProcessDefinitionId()).getModelElementsByType(UserTask.class)
        .forEach(task -> ids.add(task.getId()));
    return ids;
  }

  private void delete(ProcessInstance instance) {
    identity.clearAuthentication();
    if (runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
      runtime.deleteProcessInstance(instance.getId(), "Fin du test du contrat des formulaires");
    }
  }
}
