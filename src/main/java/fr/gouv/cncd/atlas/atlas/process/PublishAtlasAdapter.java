package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.AtlasPublication;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_PublishAtlas (asynchronous, retried): publishes the validated draft in one
 * transaction. When a later version was published since the draft started, the user goes back
 * to step 8 (error AtlasChangedMeanwhile) instead of overwriting it.
 */
@Component("publishAtlas")
class PublishAtlasAdapter implements JavaDelegate {

  private final AtlasPublication publication;
  private final AtlasUpdates updates;

  PublishAtlasAdapter(AtlasPublication publication, AtlasUpdates updates) {
    this.publication = publication;
    this.updates = updates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AtlasUpdateVariables variables = AtlasUpdateVariables.of(execution);
    String draftId = updates.draftOfProcess(execution.getProcessInstanceId()).getId();
    if (publication.publish(draftId) == AtlasPublication.Outcome.CHANGED_MEANWHILE) {
      throw new BpmnError(AtlasUpdateProcess.ATLAS_CHANGED_MEANWHILE, "A later version was published meanwhile");
    }
    variables.set(AtlasUpdateVariables.PUBLISHED_VERSION, updates.draft(draftId).getPublishedVersion());
  }
}
