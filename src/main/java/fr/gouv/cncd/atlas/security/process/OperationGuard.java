package fr.gouv.cncd.atlas.security.process;

import fr.gouv.cncd.atlas.security.Groups;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl;

/**
 * Engine operations whose answer the engine gets wrong for a caller: its metrics are readable by
 * any logged-in user (they are for administrators and process managers), and deleting a task of
 * a running process answers 500 (it is a bad request: end the process instead).
 */
final class OperationGuard extends CommandInterceptor {

  static final String METRICS_ARE_FOR_MONITORING = "Les métriques du moteur sont réservées aux administrateurs et"
      + " aux pilotes des processus.";
  static final String PROCESS_TASKS_STAY = "Cette tâche fait partie d'une procédure en cours : elle ne peut pas être"
      + " supprimée. Un administrateur peut annuler la procédure elle-même.";
  private static final Field TASK_ID = IdentityGuard.field(DeleteTaskCmd.class, "taskId");
  private static final Field TASK_IDS = IdentityGuard.field(DeleteTaskCmd.class, "taskIds");

  private final ProcessEngineConfigurationImpl configuration;

  OperationGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
    if (caller != null && command instanceof MetricsQueryImpl && !monitors(caller)) {
      throw new AuthorizationException(METRICS_ARE_FOR_MONITORING);
    }
    if (caller != null && command instanceof DeleteTaskCmd delete && partOfAProcess(taskIds(delete))) {
      throw new BadUserRequestException(PROCESS_TASKS_STAY);
    }
    return next.execute(command);
  }

  private boolean partOfAProcess(List<String> taskIds) {
    return !taskIds.isEmpty() && AsApplication.run(configuration.getIdentityService(),
        () -> configuration.getTaskService().createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).list())
        .stream().anyMatch(task -> task.getProcessInstanceId() != null);
  }

  private static List<String> taskIds(DeleteTaskCmd delete) {
    try {
      List<String> ids = new ArrayList<>();
      if (TASK_ID.get(delete) instanceof String id) {
        ids.add(id);
      }
      if (TASK_IDS.get(delete) instanceof Collection<?> many) {
        many.forEach(id -> ids.add(String.valueOf(id)));
      }
      return ids;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read the tasks of a DeleteTaskCmd", e);
    }
  }

  private static boolean monitors(Authentication caller) {
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    return groups.contains(Groups.ADMINISTRATORS) || groups.contains(Groups.PROCESS_MANAGERS);
  }
}
