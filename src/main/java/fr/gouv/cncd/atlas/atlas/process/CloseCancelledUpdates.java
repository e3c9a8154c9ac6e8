package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.process.ProcessEndHandler;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Closes the draft of an AtlasUpdate instance that ends without publication (an administrator
 * cancelling it in Cockpit), so that the collectivité can start a new update. The published Atlas
 * is untouched. After a publication it finds the draft published and changes nothing.
 */
@Component
class CloseCancelledUpdates implements ProcessEndHandler {

  private final AtlasUpdates updates;

  CloseCancelledUpdates(AtlasUpdates updates) {
    this.updates = updates;
  }

  @Override
  public String processKey() {
    return AtlasUpdateProcess.PROCESS_KEY;
  }

  @Override
  public void processEnded(DelegateExecution execution) {
    updates.cancelProcess(execution.getProcessInstanceId());
  }
}
