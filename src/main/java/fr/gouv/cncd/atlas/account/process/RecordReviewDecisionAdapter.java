package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.AccountRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** ServiceTask_RecordReviewDecision: applies the DAECT's decision and sets the routing flag. */
@Component("recordReviewDecision")
class RecordReviewDecisionAdapter implements JavaDelegate {

  private final AccountRequests requests;

  RecordReviewDecisionAdapter(AccountRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AccountRequestVariables variables = AccountRequestVariables.of(execution);
    Authentication authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String reviewer = authentication == null ? "daect" : authentication.getUserId();
    variables.approved(requests.review(variables.accountRequestId(), variables.decision(), reviewer));
  }
}
