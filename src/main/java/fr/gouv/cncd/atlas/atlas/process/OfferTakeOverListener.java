package fr.gouv.cncd.atlas.atlas.process;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
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
    // Camunda made the candidates' grant in this very command: it waits in the command's cache for
    // its insert, and takes the permission as it is.
    AuthorizationEntity pending = Context.getCommandContext().getDbEntityManager()
        .getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .filter(a -> group.equals(a.getGroupId()) && task.getId().equals(a.getResourceId())
            && a.getResourceType() == Resources.TASK.resourceType())
        .findFirst().orElse(null);
    if (pending != null) {
      pending.addPermission(TaskPermissions.TASK_ASSIGN);
      return;
    }
    // The user completing the previous step may not write authorizations: the application does.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      Authorization takeOver = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      takeOver.setGroupId(group);
      takeOver.setResource(Resources.TASK);
      takeOver.setResourceId(task.getId());
      takeOver.addPermission(TaskPermissions.READ);
      takeOver.addPermission(TaskPermissions.TASK_WORK);
      takeOver.addPermission(TaskPermissions.TASK_ASSIGN);
      authorizations.saveAuthorization(takeOver);
      return null;
    });
  }
}
