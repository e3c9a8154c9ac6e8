package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.AccountRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the AccountRequest process (built in, see CloseCancelledRequests): when an administrator deletes or cancels an
 * instance before it completes, its request is closed (CANCELLED) and frees its identifiant and
 * e-mail. A normal end leaves the request as its last step set it.
 */
@Component("closeCancelledRequest")
class CloseCancelledRequestListener implements ExecutionListener {

  private final AccountRequests requests;

  CloseCancelledRequestListener(AccountRequests requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      requests.cancel(AccountRequestVariables.of(execution).accountRequestId());
    }
  }
}
