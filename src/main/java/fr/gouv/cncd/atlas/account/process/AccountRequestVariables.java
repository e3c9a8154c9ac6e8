package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.ReviewDecision;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of the AccountRequest process: ids, routing flags and what the DAECT's form shows.
 * Never a password, a hash or a token. Every String constant of this class is a variable (FormsTest
 * reads them); the process's other names are in AccountRequestProcess.
 */
final class AccountRequestVariables {

  static final String ACCOUNT_REQUEST_ID = "accountRequestId";
  static final String UNLISTED = "unlisted";
  static final String REQUEST_SUMMARY = "requestSummary";
  static final String APPROVED = "approved";
  static final String DECISION = "decision";
  static final String UNLISTED_DECISION = "unlistedDecision";
  static final String REJECTION_MOTIVE = "rejectionMotive";
  static final String CHOSEN_LOCAL_AUTHORITY_ID = "chosenLocalAuthorityId";
  static final String ADDITION_CONFIRMED = "additionConfirmed";
  // What the review form shows, put at the start by CamundaAccountRequestWorkflow
  static final String REQUESTED_ON = "requestedOn";
  static final String REQUESTER_NAME = "requesterName";
  static final String REQUESTER_FUNCTION = "requesterFunction";
  static final String REQUESTER_EMAIL = "requesterEmail";
  static final String REQUESTER_PHONE = "requesterPhone";
  static final String REQUESTED_USERNAME = "requestedUsername";
  static final String LOCAL_AUTHORITY_LABEL = "localAuthorityLabel";
  static final String OTHER_ACTIVE_ACCOUNTS = "otherActiveAccounts";
  /** The other pending requests of the same person for the same collectivité, or empty. */
  static final String SAME_PERSON_PENDING = "samePersonPending";
  /** The listed collectivité asked for (none for an unlisted one). */
  static final String LOCAL_AUTHORITY_ID = "localAuthorityId";
  /** The département of an unlisted collectivité. */
  static final String DEPARTMENT_CODE = "departmentCode";
  // Unlisted collectivité only
  static final String UNLISTED_LOCAL_AUTHORITY_LABEL = "unlistedLocalAuthorityLabel";
  static final String CANDIDATE_LOCAL_AUTHORITIES = "candidateLocalAuthorities";

  private final VariableScope scope;

  private AccountRequestVariables(VariableScope scope) {
    this.scope = scope;
  }

  static AccountRequestVariables of(VariableScope scope) {
    return new AccountRequestVariables(scope);
  }

  String accountRequestId() {
    return (String) scope.getVariable(ACCOUNT_REQUEST_ID);
  }

  boolean unlisted() {
    return Boolean.TRUE.equals(scope.getVariable(UNLISTED));
  }

  /** The validator's decision as the form submitted it; the radio shown depends on {@code unlisted}. */
  ReviewDecision decision() {
    String value = (String) scope.getVariable(unlisted() ? UNLISTED_DECISION : DECISION);
    ReviewDecision.Outcome outcome = null;
    if (value != null) {
      try {
        outcome = ReviewDecision.Outcome.valueOf(value);
      } catch (IllegalArgumentException e) {
        outcome = null;
      }
    }
    return new ReviewDecision(outcome, (String) scope.getVariable(REJECTION_MOTIVE),
        (String) scope.getVariable(CHOSEN_LOCAL_AUTHORITY_ID), Boolean.TRUE.equals(scope.getVariable(ADDITION_CONFIRMED)));
  }

  void approved(boolean approved) {
    scope.setVariable(APPROVED, approved);
  }
}
