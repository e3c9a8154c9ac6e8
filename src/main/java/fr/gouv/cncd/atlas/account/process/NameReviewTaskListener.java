package fr.gouv.cncd.atlas.account.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of Task_ReviewAccountRequest: names the task after the request (« Valider la
 * demande de compte : Rennes — M. Yann Le Goff ») so that validators tell tasks apart in Tasklist.
 */
@Component("nameReviewTask")
class NameReviewTaskListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object summary = task.getVariable(AccountRequestVariables.REQUEST_SUMMARY);
    if (summary != null) {
      task.setName(task.getName() + " : " + summary);
    }
  }
}
