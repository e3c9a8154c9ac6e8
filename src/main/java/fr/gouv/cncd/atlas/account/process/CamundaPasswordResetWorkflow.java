package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.PasswordResetWorkflow;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts PasswordReset instances. The identifier as typed is the only variable (no business key):
 * never a token, and nothing that tells whether an account matched.
 */
@Component
class CamundaPasswordResetWorkflow implements PasswordResetWorkflow {

  static final String PROCESS_KEY = "PasswordReset";
  static final String IDENTIFIER = "identifier";

  private final RuntimeService runtime;

  CamundaPasswordResetWorkflow(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void start(String identifier) {
    runtime.startProcessInstanceByKey(PROCESS_KEY, Variables.createVariables().putValue(IDENTIFIER, identifier));
  }
}
