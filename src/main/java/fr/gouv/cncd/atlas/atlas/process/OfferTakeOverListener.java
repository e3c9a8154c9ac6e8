package fr.gouv.cncd.atlas.atlas.process;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Create listener of every step: the step is assigned to whoever did the previous one, and the
 * collectivité's group may take it over (TASK_ASSIGN on this task: « Tâches de mes groupes »,
 * then assign it to oneself), so that a colleague goes on when the first agent is away. Camunda
 * deletes a task's authorizations with the task.
 */
@Component("offerTakeOver")
class OfferTakeOverListener implements TaskListener {

  private final AuthorizationService authorizations;

  OfferTakeOverListener(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void notify(DelegateTask task) {
    String group = (String) task.getVariable(AtlasUpdateVariables.LOCAL_AUTHORITY_GROUP);
    if (group == null) {
      return;
    }
    // The user completing the previous step may not write authorizations: the application does.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      // The candidate group's own grant (made by Camunda for candidates) gets the permission to assign.
      Authorization takeOver = authorizations.createAuthorizationQuery().groupIdIn(group)
          .resourceType(Resources.TASK).resourceId(task.getId()).singleResult();
      if (takeOver == null) {
        takeOver = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        takeOver.setGroupId(group);
        takeOver.setResource(Resources.TASK);
        takeOver.setResourceId(task.getId());
      }
      takeOver.addPermission(TaskPermissions.READ);
      takeOver.addPermission(TaskPermissions.TASK_ASSIGN);
      takeOver.addPermission(TaskPermissions.TASK_WORK);
      authorizations.saveAuthorization(takeOver);
      return null;
    });
  }
}
