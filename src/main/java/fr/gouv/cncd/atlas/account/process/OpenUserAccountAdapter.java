package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.AccountRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_OpenUserAccount: the activated requester becomes a user of their collectivité. */
@Component("openUserAccount")
class OpenUserAccountAdapter implements JavaDelegate {

  private final AccountRequests requests;

  OpenUserAccountAdapter(AccountRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.openAccount(AccountRequestVariables.of(execution).accountRequestId());
  }
}
