package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.AccountNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_SendRejection: the requester learns the motive of the rejection. */
@Component("sendRejection")
class SendRejectionAdapter implements JavaDelegate {

  private final AccountNotifications notifications;

  SendRejectionAdapter(AccountNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.sendRejection(AccountRequestVariables.of(execution).accountRequestId(), MailKeys.of(execution));
  }
}
