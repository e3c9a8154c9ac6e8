package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.AccountNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_SendActivationLink: issues the activation token and mails the link. */
@Component("sendActivationLink")
class SendActivationLinkAdapter implements JavaDelegate {

  private final AccountNotifications notifications;

  SendActivationLinkAdapter(AccountNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.sendActivationLink(AccountRequestVariables.of(execution).accountRequestId(), MailKeys.of(execution));
  }
}
