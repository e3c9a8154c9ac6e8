package fr.gouv.cncd.atlas.monitoring.process;

import fr.gouv.cncd.atlas.monitoring.InstanceFact;
import fr.gouv.cncd.atlas.monitoring.InstanceFact.Status;
import fr.gouv.cncd.atlas.monitoring.ProcessFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * The facts from the engine's history: instances of AccountRequest and AtlasUpdate, their
 * collectivité (variables localAuthorityId, departmentCode), open incidents, and how they ended.
 */
@Component
class CamundaProcessFacts implements ProcessFacts {

  static final List<String> PROCESS_KEYS = List.of("AccountRequest", "AtlasUpdate");
  private static final Set<String> ABANDON_ENDS = Set.of("EndEvent_ActivationExpired", "EndEvent_UpdateAbandoned");
  private static final String LOCAL_AUTHORITY_ID = "localAuthorityId";
  private static final String DEPARTMENT_CODE = "departmentCode";
  /** Ids per query of variables (an IN list the databases take without complaint). */
  private static final int CHUNK = 500;

  private final HistoryService history;

  CamundaProcessFacts(HistoryService history) {
    this.history = history;
  }

  @Override
  public List<InstanceFact> startedSince(Instant since) {
    return facts(query().startedAfter(Date.from(since)).list());
  }

  @Override
  public List<InstanceFact> ofLocalAuthorities(Collection<String> localAuthorityIds, int limit) {
    Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
    for (String id : localAuthorityIds) {
      for (HistoricProcessInstance instance : query().variableValueEquals(LOCAL_AUTHORITY_ID, id)
          .orderByProcessInstanceStartTime().desc().listPage(0, limit)) {
        found.put(instance.getId(), instance);
      }
    }
    return mostRecent(facts(found.values()), limit);
  }

  @Override
  public List<InstanceFact> withBusinessKeyContaining(String text, int limit) {
    String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return mostRecent(facts(query().processInstanceBusinessKeyLike(pattern)
        .orderByProcessInstanceStartTime().desc().listPage(0, limit)), limit);
  }

  private HistoricProcessInstanceQuery query() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKeyIn(PROCESS_KEYS.toArray(String[]::new));
  }

  private static List<InstanceFact> mostRecent(List<InstanceFact> facts, int limit) {
    return facts.stream().sorted(Comparator.comparing(InstanceFact::startedAt).reversed()).limit(limit).toList();
  }

  private List<InstanceFact> facts(Collection<HistoricProcessInstance> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      String[] chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new);
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(chunk).variableNameIn(LOCAL_AUTHORITY_ID, DEPARTMENT_CODE).disableCustomObjectDeserialization()
          .list()) {
        variables.computeIfAbsent(variable.getProcessInstanceId(), k -> new HashMap<>())
            .put(variable.getName(), variable.getValue());
      }
    }
    Set<String> inIncident = new HashSet<>();
    for (HistoricIncident incident : history.createHistoricIncidentQuery().open().list()) {
      inIncident.add(incident.getProcessInstanceId());
    }
    List<InstanceFact> facts = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      Map<String, Object> values = variables.getOrDefault(instance.getId(), Map.of());
      facts.add(new InstanceFact(instance.getProcessDefinitionKey(), instance.getId(), instance.getBusinessKey(),
          (String) values.get(LOCAL_AUTHORITY_ID), (String) values.get(DEPARTMENT_CODE),
          instance.getStartTime().toInstant(), instance.getEndTime() == null ? null : instance.getEndTime().toInstant(),
          status(instance, inIncident.contains(instance.getId()))));
    }
    return facts;
  }

  private static Status status(HistoricProcessInstance instance, boolean incident) {
    if (instance.getEndTime() == null) {
      return incident ? Status.INCIDENT : Status.OPEN;
    }
    boolean completed = HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState());
    return completed && !ABANDON_ENDS.contains(instance.getEndActivityId()) ? Status.FINISHED : Status.ABANDONED;
  }
}
