package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.AccountNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_SendPasswordLink: the holder of a migrated account chooses a new password. */
@Component("sendPasswordLink")
class SendPasswordLinkAdapter implements JavaDelegate {

  private final AccountNotifications notifications;

  SendPasswordLinkAdapter(AccountNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.sendPasswordLink((String) execution.getVariable(CamundaLegacyAccountWorkflow.USERNAME),
        MailKeys.of(execution));
  }
}
