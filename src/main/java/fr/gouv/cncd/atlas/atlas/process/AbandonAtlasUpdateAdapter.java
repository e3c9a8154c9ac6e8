package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_AbandonUpdate: the user abandons the update at step 8; nothing is published. */
@Component("abandonAtlasUpdate")
class AbandonAtlasUpdateAdapter implements JavaDelegate {

  private final AtlasUpdates updates;

  AbandonAtlasUpdateAdapter(AtlasUpdates updates) {
    this.updates = updates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    updates.cancel(updates.draftOfProcess(execution.getProcessInstanceId()).getId());
  }
}
