package fr.gouv.cncd.atlas.account.process;

import static fr.gouv.cncd.atlas.account.process.AccountRequestProcess.ACTIVATION_MESSAGE;
import static fr.gouv.cncd.atlas.account.process.AccountRequestProcess.PROCESS_KEY;
import static fr.gouv.cncd.atlas.account.process.AccountRequestVariables.*;

import fr.gouv.cncd.atlas.account.AccountRequest;
import fr.gouv.cncd.atlas.account.AccountRequestWorkflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Starts and drives AccountRequest process instances. Their business key is what Cockpit shows
 * (« Rennes — M. Yann Le Goff »); the request's id is the variable accountRequestId.
 */
@Component
class CamundaAccountRequestWorkflow implements AccountRequestWorkflow {

  private final RuntimeService runtime;

  CamundaAccountRequestWorkflow(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void start(AccountRequest request, ReviewSheet sheet) {
    VariableMap variables = Variables.createVariables()
        .putValue(ACCOUNT_REQUEST_ID, request.getId())
        .putValue(UNLISTED, request.isUnlisted())
        .putValue(REQUEST_SUMMARY, sheet.summary())
        .putValue(REQUESTED_ON, sheet.requestedOn())
        .putValue(REQUESTER_NAME, sheet.requesterName())
        .putValue(REQUESTER_FUNCTION, sheet.requesterFunction())
        .putValue(REQUESTER_EMAIL, sheet.requesterEmail())
        .putValue(REQUESTER_PHONE, sheet.requesterPhone())
        .putValue(REQUESTED_USERNAME, sheet.username())
        .putValue(LOCAL_AUTHORITY_LABEL, sheet.localAuthorityLabel())
        .putValue(OTHER_ACTIVE_ACCOUNTS, sheet.otherActiveAccounts())
        // Empty when there is none (Cockpit shows a variable without value as « null »).
        .putValue(SAME_PERSON_PENDING, sheet.samePersonPending() == null ? "" : sheet.samePersonPending());
    // Where the request comes from, for the process managers' counts and search.
    if (request.isUnlisted()) {
      variables.putValue(DEPARTMENT_CODE, request.getUnlistedDepartmentCode());
    } else {
      variables.putValue(LOCAL_AUTHORITY_ID, request.getLocalAuthorityId());
    }
    if (request.isUnlisted()) {
      // Plain ArrayList and LinkedHashMap: the only collections Object variables may deserialize into.
      List<Map<String, String>> candidates = new ArrayList<>();
      for (AccountRequestWorkflow.Candidate candidate : sheet.candidates()) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", candidate.label());
        option.put("value", candidate.value());
        candidates.add(option);
      }
      variables.putValue(UNLISTED_LOCAL_AUTHORITY_LABEL, sheet.unlistedLocalAuthorityLabel())
          .putValue(CANDIDATE_LOCAL_AUTHORITIES,
              Variables.objectValue(candidates).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }
    runtime.startProcessInstanceByKey(PROCESS_KEY, sheet.summary(), variables);
  }

  @Override
  public void activationConfirmed(String requestId) {
    runtime.createMessageCorrelation(ACTIVATION_MESSAGE).processInstanceVariableEquals(ACCOUNT_REQUEST_ID, requestId)
        .correlate();
  }
}
