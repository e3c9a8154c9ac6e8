package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.AccountNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_SendAcknowledgement: the requester's acknowledgement mail. */
@Component("sendRequestAcknowledgement")
class SendRequestAcknowledgementAdapter implements JavaDelegate {

  private final AccountNotifications notifications;

  SendRequestAcknowledgementAdapter(AccountNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.acknowledgeRequest(AccountRequestVariables.of(execution).accountRequestId(), MailKeys.of(execution));
  }
}
