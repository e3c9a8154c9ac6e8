package fr.gouv.cncd.atlas.atlas.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * « Marie Dupont (mdupont) » for a user id, as the forms and messages of the Atlas update name
 * who started or last saved a draft. Read by the application: an agent may not list other users.
 */
@Component
class UserNames {

  private final IdentityService identity;

  UserNames(IdentityService identity) {
    this.identity = identity;
  }

  String of(String userId) {
    User user = Context.getCommandContext() == null ? find(userId)
        : Context.getCommandContext().runWithoutAuthorization(() -> find(userId));
    return user == null ? userId : user.getFirstName() + " " + user.getLastName() + " (" + userId + ")";
  }

  /** The user's e-mail address, null when unknown. */
  String email(String userId) {
    User user = Context.getCommandContext() == null ? find(userId)
        : Context.getCommandContext().runWithoutAuthorization(() -> find(userId));
    return user == null ? null : user.getEmail();
  }

  /** « Marie Dupont », or the id when the user is unknown. */
  String fullName(String userId) {
    User user = Context.getCommandContext() == null ? find(userId)
        : Context.getCommandContext().runWithoutAuthorization(() -> find(userId));
    return user == null ? userId : user.getFirstName() + " " + user.getLastName();
  }

  private User find(String userId) {
    return identity.createUserQuery().userId(userId).singleResult();
  }
}
