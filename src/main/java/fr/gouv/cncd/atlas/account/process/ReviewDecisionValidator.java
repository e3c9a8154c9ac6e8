package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.AccountRequests;
import fr.gouv.cncd.atlas.account.InvalidReviewException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * End listener of Task_ReviewAccountRequest: refuses an incomplete decision (a rejection without
 * motive...). Thrown as FormFieldValidationException, it reaches Tasklist as a 400 whose message it
 * shows in red, and the task stays open with what the validator typed. A task ended because an
 * administrator deleted or cancelled the instance holds no decision: nothing to check.
 */
@Component("reviewDecisionValidator")
class ReviewDecisionValidator implements ExecutionListener {

  private final AccountRequests requests;

  ReviewDecisionValidator(AccountRequests requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    AccountRequestVariables variables = AccountRequestVariables.of(execution);
    try {
      requests.checkReview(variables.accountRequestId(), variables.decision());
    } catch (InvalidReviewException e) {
      throw new FormFieldValidationException("decision", e.getMessage());
    }
  }
}
