package fr.gouv.cncd.atlas.account.process;

import static fr.gouv.cncd.atlas.account.process.AccountRequestVariables.ACCOUNT_REQUEST_ID;
import static fr.gouv.cncd.atlas.account.process.AccountRequestVariables.ACTIVATION_MESSAGE;
import static fr.gouv.cncd.atlas.account.process.AccountRequestVariables.PROCESS_KEY;
import static fr.gouv.cncd.atlas.account.process.AccountRequestVariables.UNLISTED;

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

/** Starts and drives AccountRequest process instances; the business key is the request's id. */
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
        .putValue(AccountRequestVariables.REQUEST_SUMMARY, sheet.summary())
        .putValue("requestedOn", sheet.requestedOn())
        .putValue("requesterName", sheet.requesterName())
        .putValue("requesterFunction", sheet.requesterFunction())
        .putValue("requesterEmail", sheet.requesterEmail())
        .putValue("requesterPhone", sheet.requesterPhone())
        .putValue("requestedUsername", sheet.username())
        .putValue("localAuthorityLabel", sheet.localAuthorityLabel())
        .putValue("otherActiveAccounts", sheet.otherActiveAccounts());
    if (request.isUnlisted()) {
      // Plain ArrayList and LinkedHashMap: the only collections Object variables may deserialize into.
      List<Map<String, String>> candidates = new ArrayList<>();
      for (AccountRequestWorkflow.Candidate candidate : sheet.candidates()) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", candidate.label());
        option.put("value", candidate.value());
        candidates.add(option);
      }
      variables.putValue("unlistedLocalAuthorityLabel", sheet.unlistedLocalAuthorityLabel())
          .putValue("candidateLocalAuthorities",
              Variables.objectValue(candidates).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }
    runtime.startProcessInstanceByKey(PROCESS_KEY, request.getId(), variables);
  }

  @Override
  public void activationConfirmed(String requestId) {
    runtime.createMessageCorrelation(ACTIVATION_MESSAGE).processInstanceBusinessKey(requestId).correlate();
  }
}
