package fr.gouv.cncd.atlas.support;

import fr.gouv.cncd.atlas.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Creates users as if their account had been opened: staff of a collectivité with a password and an address. */
public final class StaffMembers {

  private StaffMembers() {}

  public static void create(IdentityService identity, String username, String firstName, String lastName,
      String email, String password) {
    User user = identity.newUser(username);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(username, Groups.LOCAL_AUTHORITY_STAFF);
  }
}
