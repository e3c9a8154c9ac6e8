package fr.gouv.cncd.atlas.security.process;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.IncidentQueryImpl;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.GetJobExceptionStacktraceCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.FindHistoryCleanupJobsCmd;
import org.camunda.bpm.engine.impl.cmd.GetHistoricJobLogExceptionStacktraceCmd;
import org.camunda.bpm.engine.impl.HistoricJobLogQueryImpl;
import org.camunda.bpm.engine.impl.HistoricIncidentQueryImpl;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl;

/**
 * Engine operations whose answer the engine gets wrong for a caller:
 * <ul>
 *   <li>its metrics, jobs and incidents are readable by any logged-in user: they are for
 *       administrators and process managers;</li>
 *   <li>a job without a process (the history cleanup) may be suspended, reprioritised, executed or
 *       deleted by anyone: only administrators change jobs, process managers retry them;</li>
 *   <li>anyone may delete any task's attachment: attachments (which Tasklist does not offer) are
 *       for administrators only;</li>
 *   <li>a process manager, who only reads, may comment on tasks and send signals or conditions;</li>
 *   <li>deleting a task of a running process answers 500 (it is a bad request: end the process).</li>
 * </ul>
 */
final class OperationGuard extends CommandInterceptor {

  static final String METRICS_ARE_FOR_MONITORING = "Les métriques du moteur sont réservées aux administrateurs et"
      + " aux pilotes des processus.";
  static final String JOBS_ARE_FOR_MONITORING = "Les tâches techniques et les incidents sont réservés aux"
      + " administrateurs et aux pilotes des processus.";
  static final String JOBS_ARE_CHANGED_BY_ADMINISTRATORS = "Seul un administrateur peut suspendre, exécuter,"
      + " supprimer ou replanifier une tâche technique ; les pilotes relancent les tâches en échec.";
  static final String MONITORS_READ_ONLY = "Les pilotes des processus consultent et relancent les tâches en échec :"
      + " ils ne modifient ni les tâches, ni leurs pièces jointes, ni le déroulement des procédures.";
  static final String ATTACHMENTS_ARE_ADMINISTRATORS = "Les pièces jointes des tâches sont gérées par les"
      + " administrateurs.";
  static final String PROCESS_TASKS_STAY = "Cette tâche fait partie d'une procédure en cours : elle ne peut pas être"
      + " supprimée. Un administrateur peut annuler la procédure elle-même.";
  private static final Field TASK_ID = EngineFields.of(DeleteTaskCmd.class, "taskId");
  private static final Field TASK_IDS = EngineFields.of(DeleteTaskCmd.class, "taskIds");
  private static final Field RETRY_JOB_ID = EngineFields.of(SetJobRetriesCmd.class, "jobId");
  private static final Field RETRY_JOB_IDS = EngineFields.of(SetJobRetriesCmd.class, "jobIds");
  private static final Field RETRY_DUE_DATE_SET = EngineFields.of(SetJobRetriesCmd.class, "isDueDateSet");
  private static final Field BATCH_RETRY_DUE_DATE_SET = EngineFields.of(AbstractSetJobsRetriesBatchCmd.class, "isDueDateSet");
  private static final Field BATCH_RETRY_JOB_IDS = EngineFields.of(SetJobsRetriesBatchCmd.class, "ids");
  private static final Field BATCH_RETRY_JOB_QUERY = EngineFields.of(SetJobsRetriesBatchCmd.class, "jobQuery");

  private final ProcessEngineConfigurationImpl configuration;

  OperationGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Caller caller = Caller.current(configuration.getIdentityService());
    if (caller != null && !caller.isAdministrator()) {
      boolean monitor = caller.monitors();
      if (!monitor && command instanceof MetricsQueryImpl) {
        throw new AuthorizationException(METRICS_ARE_FOR_MONITORING);
      }
      if (!monitor && (command instanceof JobQueryImpl || command instanceof IncidentQueryImpl
          || command instanceof GetJobExceptionStacktraceCmd || command instanceof FindHistoryCleanupJobsCmd
          || command instanceof HistoricJobLogQueryImpl || command instanceof GetHistoricJobLogExceptionStacktraceCmd
          || command instanceof HistoricIncidentQueryImpl || isJobRetry(command))) {
        throw new AuthorizationException(JOBS_ARE_FOR_MONITORING);
      }
      if (isJobRetry(command) && (reschedules(command) || reachesJobsWithoutProcess(command))) {
        throw new AuthorizationException(JOBS_ARE_CHANGED_BY_ADMINISTRATORS);
      }
      if (command instanceof CreateAttachmentCmd || command instanceof SaveAttachmentCmd
          || command instanceof DeleteAttachmentCmd) {
        throw new AuthorizationException(ATTACHMENTS_ARE_ADMINISTRATORS);
      }
      if (changesAJob(command)) {
        throw new AuthorizationException(JOBS_ARE_CHANGED_BY_ADMINISTRATORS);
      }
      if (monitor && !caller.worksTasks() && writesAsAParticipant(command)) {
        throw new AuthorizationException(MONITORS_READ_ONLY);
      }
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
    List<String> ids = new ArrayList<>();
    if (EngineFields.read(TASK_ID, delete) instanceof String id) {
      ids.add(id);
    }
    if (EngineFields.read(TASK_IDS, delete) instanceof Collection<?> many) {
      many.forEach(id -> ids.add(String.valueOf(id)));
    }
    return ids;
  }


  private static boolean isJobRetry(Command<?> command) {
    return command instanceof SetJobRetriesCmd || command instanceof AbstractSetJobsRetriesBatchCmd;
  }

  /** A retry may also move the due date: that is rescheduling, for administrators. */
  private static boolean reschedules(Command<?> command) {
    Object dueDateSet = command instanceof SetJobRetriesCmd
        ? EngineFields.read(RETRY_DUE_DATE_SET, command) : EngineFields.read(BATCH_RETRY_DUE_DATE_SET, command);
    return Boolean.TRUE.equals(dueDateSet);
  }

  /**
   * Camunda checks nothing for a job without a process (the history cleanup): a retry that names
   * one, or that selects jobs by an arbitrary job query, is for administrators.
   */
  private boolean reachesJobsWithoutProcess(Command<?> command) {
    List<String> jobIds = new ArrayList<>();
    if (command instanceof SetJobRetriesCmd) {
      if (EngineFields.read(RETRY_JOB_ID, command) instanceof String id) {
        jobIds.add(id);
      }
      if (EngineFields.read(RETRY_JOB_IDS, command) instanceof Collection<?> ids) {
        ids.forEach(id -> jobIds.add(String.valueOf(id)));
      }
    } else if (command instanceof SetJobsRetriesBatchCmd) {
      if (EngineFields.read(BATCH_RETRY_JOB_QUERY, command) != null) {
        return true;
      }
      if (EngineFields.read(BATCH_RETRY_JOB_IDS, command) instanceof Collection<?> ids) {
        ids.forEach(id -> jobIds.add(String.valueOf(id)));
      }
    }
    return !jobIds.isEmpty() && AsApplication.run(configuration.getIdentityService(),
        () -> configuration.getManagementService().createJobQuery().jobIds(new java.util.HashSet<>(jobIds)).list())
        .stream().anyMatch(job -> job.getProcessDefinitionKey() == null);
  }

  private static boolean changesAJob(Command<?> command) {
    return command instanceof AbstractSetJobStateCmd || command instanceof AbstractSetJobDefinitionStateCmd
        || command instanceof SetJobPriorityCmd || command instanceof SetJobDefinitionPriorityCmd
        || command instanceof SetJobDuedateCmd || command instanceof RecalculateJobDuedateCmd
        || command instanceof DeleteJobCmd || command instanceof DeleteJobsCmd || command instanceof ExecuteJobsCmd
        || command instanceof UnlockJobCmd;
  }

  /** What a task's participant may do and a reader may not. */
  private static boolean writesAsAParticipant(Command<?> command) {
    return command instanceof AddCommentCmd || command instanceof UpdateCommentCmd
        || command instanceof DeleteTaskCommentCmd || command instanceof DeleteProcessInstanceCommentCmd
        || command instanceof SignalEventReceivedCmd
        || command instanceof EvaluateStartConditionCmd;
  }
}
