package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.AtlasDraft;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.atlas.AtlasVersionPublished;
import fr.gouv.cncd.atlas.atlas.DraftStatus;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A version published while the collectivité's update waits at step 8 (a DAECT correction): the
 * step's recap and conflict are written again, in the publication's transaction, so that Tasklist
 * shows the frame « Modifications publiées depuis le début de votre mise à jour » at once — not
 * only a refused « Valider ». Step 8 alone shows the published Atlas; the other steps show the
 * draft, which such a publication does not change. Whoever publishes, the engine's authorization
 * checks do not apply: the application writes its own process's variables.
 */
@Component
class RefreshWaitingValidation {

  private static final Logger log = LoggerFactory.getLogger(RefreshWaitingValidation.class);

  private final AtlasUpdates updates;
  private final ValidationStep validation;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ProcessEngineConfigurationImpl configuration;

  RefreshWaitingValidation(AtlasUpdates updates, ValidationStep validation, ProcessEngine engine) {
    this.updates = updates;
    this.validation = validation;
    this.tasks = engine.getTaskService();
    this.runtime = engine.getRuntimeService();
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @EventListener
  void refresh(AtlasVersionPublished published) {
    AtlasDraft draft = updates.running(published.localAuthorityId())
        .filter(d -> d.getStatus() == DraftStatus.OPEN && d.getProcessInstanceId() != null).orElse(null);
    if (draft == null) {
      return; // no update, or one already validated: its publication will find the new version
    }
    configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      Task waiting = tasks.createTaskQuery().processInstanceId(draft.getProcessInstanceId())
          .taskDefinitionKey(AtlasUpdateProcess.VALIDATE_UPDATE).singleResult();
      if (waiting != null) {
        runtime.setVariables(waiting.getProcessInstanceId(), validation.recap(draft.getId()));
        log.info("Version {} of the Atlas of {} published during update {}: its step 8 shows the conflict",
            published.version(), published.localAuthorityId(), draft.getId());
      }
      return null;
    }));
  }
}
