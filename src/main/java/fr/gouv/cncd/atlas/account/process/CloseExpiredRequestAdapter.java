package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.AccountRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_CloseExpiredRequest: the activation link expired; the request is closed. */
@Component("closeExpiredRequest")
class CloseExpiredRequestAdapter implements JavaDelegate {

  private final AccountRequests requests;

  CloseExpiredRequestAdapter(AccountRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.expire(AccountRequestVariables.of(execution).accountRequestId());
  }
}
