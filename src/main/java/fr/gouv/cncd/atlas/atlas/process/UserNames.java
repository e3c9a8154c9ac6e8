package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.security.PersonNames;
import java.util.Optional;
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
    User user = find(userId);
    String name = user == null ? "" : PersonNames.fullName(user.getFirstName(), user.getLastName());
    return name.isEmpty() ? userId : name + " (" + userId + ")";
  }

  /** Who to write to: « Marie Dupont » and her address; empty when the user or the address is unknown. */
  Optional<Recipient> recipient(String userId) {
    User user = find(userId);
    return user == null || user.getEmail() == null || user.getEmail().isBlank() ? Optional.empty()
        : Optional.of(new Recipient(greeting(user), user.getEmail()));
  }

  record Recipient(String name, String email) {}

  /** « Marie Dupont », or « Madame, Monsieur » for an account without a name. */
  private static String greeting(User user) {
    String name = PersonNames.fullName(user.getFirstName(), user.getLastName());
    return name.isEmpty() ? "Madame, Monsieur" : name;
  }

  private User find(String userId) {
    return Context.getCommandContext() == null ? query(userId)
        : Context.getCommandContext().runWithoutAuthorization(() -> query(userId));
  }

  private User query(String userId) {
    return identity.createUserQuery().userId(userId).singleResult();
  }
}
