package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.AccountNotifications;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** ServiceTask_NotifyDaect: tells the DAECT a request waits, with a link to the review task. */
@Component("notifyDaect")
class NotifyDaectAdapter implements JavaDelegate {

  private final AccountNotifications notifications;
  private final TaskService tasks;

  NotifyDaectAdapter(AccountNotifications notifications, TaskService tasks) {
    this.notifications = notifications;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Task review = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(AccountRequestProcess.REVIEW_TASK).singleResult();
    notifications.notifyDaect(AccountRequestVariables.of(execution).accountRequestId(),
        review == null ? null : review.getId(), MailKeys.of(execution));
  }
}
