package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.PasswordResets;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_SendPasswordResetLink: the holders of the accounts the identifier designates get a link. */
@Component("sendPasswordResetLink")
class SendPasswordResetLinkAdapter implements JavaDelegate {

  private final PasswordResets resets;

  SendPasswordResetLinkAdapter(PasswordResets resets) {
    this.resets = resets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    resets.sendLinks((String) execution.getVariable(CamundaPasswordResetWorkflow.IDENTIFIER), MailKeys.of(execution));
  }
}
