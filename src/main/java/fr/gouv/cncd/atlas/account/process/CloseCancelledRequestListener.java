package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.AccountRequests;
import fr.gouv.cncd.atlas.process.ProcessEndHandler;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When an administrator deletes or cancels an AccountRequest instance before it completes, its
 * request is closed (CANCELLED) and frees its identifiant and e-mail. A normal end leaves the
 * request as its last step set it.
 */
@Component
class CloseCancelledRequestListener implements ProcessEndHandler {

  private final AccountRequests requests;

  CloseCancelledRequestListener(AccountRequests requests) {
    this.requests = requests;
  }

  @Override
  public String processKey() {
    return AccountRequestProcess.PROCESS_KEY;
  }

  @Override
  public void processEnded(DelegateExecution execution) {
    if (execution.isCanceled()) {
      requests.cancel(AccountRequestVariables.of(execution).accountRequestId());
    }
  }
}
