package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.AccountNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_SendExpiryNotice: tells the requester to ask again. */
@Component("sendExpiryNotice")
class SendExpiryNoticeAdapter implements JavaDelegate {

  private final AccountNotifications notifications;

  SendExpiryNoticeAdapter(AccountNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.sendExpiryNotice(AccountRequestVariables.of(execution).accountRequestId(), MailKeys.of(execution));
  }
}
