package fr.gouv.cncd.atlas.support;

import fr.gouv.cncd.atlas.referential.LocalAuthority;
import fr.gouv.cncd.atlas.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
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

  /**
   * An agent of the collectivité (its group created if it has none yet, as an approved account
   * request does): "agent" followed by the digits of the collectivité's id, unless a username is given.
   */
  public static String agentOf(IdentityService identity, String localAuthorityId, String username, String firstName,
      String lastName, String password) {
    String groupId = LocalAuthority.groupIdOf(localAuthorityId);
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(localAuthorityId);
      group.setType("COLLECTIVITE");
      identity.saveGroup(group);
    }
    String agent = username != null ? username : "agent" + groupId.replaceAll("\\D", "");
    create(identity, agent, firstName, lastName, agent + "@mairie.example.fr", password);
    identity.createMembership(agent, groupId);
    return agent;
  }
}
