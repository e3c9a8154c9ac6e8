package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.StoredPassword;
import fr.gouv.cncd.atlas.account.UserDirectory;
import fr.gouv.cncd.atlas.security.Groups;
import fr.gouv.cncd.atlas.security.PersonNames;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.stereotype.Component;

/** Camunda's identity store as the user directory of the teleprocedure. */
@Component
class CamundaUserDirectory implements UserDirectory {

  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl configuration;

  CamundaUserDirectory(IdentityService identity, ProcessEngine engine) {
    this.identity = identity;
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @Override
  public boolean userExists(String username) {
    return identity.createUserQuery().userId(username).count() > 0;
  }

  @Override
  public StoredPassword hashPassword(String password) {
    String salt = configuration.getSaltGenerator().generateSalt();
    String hash = configuration.getPasswordManager().encrypt(EncryptionUtil.saltPassword(password, salt));
    return new StoredPassword(hash, salt);
  }

  @Override
  public void createUser(NewUser newUser) {
    ensureLocalAuthorityGroup(newUser.groupId(), newUser.groupName());
    UserEntity user = (UserEntity) identity.newUser(newUser.username());
    user.setFirstName(newUser.firstName());
    user.setLastName(newUser.lastName());
    user.setEmail(newUser.email());
    // The password was checked against the policy and hashed when the request was submitted;
    // without one, the user gets a random one nobody knows until they choose theirs.
    StoredPassword password = newUser.password() != null ? newUser.password()
        : hashPassword(java.util.UUID.randomUUID() + "#" + java.util.UUID.randomUUID());
    user.setDbPassword(password.hash());
    user.setSalt(password.salt());
    identity.saveUser(user);
    identity.createMembership(newUser.username(), Groups.LOCAL_AUTHORITY_STAFF);
    identity.createMembership(newUser.username(), newUser.groupId());
  }

  @Override
  public void changePassword(String username, String password) {
    User user = identity.createUserQuery().userId(username).singleResult();
    if (user == null) {
      throw new IllegalArgumentException("No user " + username);
    }
    user.setPassword(password);
    identity.saveUser(user);
  }

  @Override
  public java.util.Optional<Profile> profile(String username) {
    return java.util.Optional.ofNullable(identity.createUserQuery().userId(username).singleResult())
        .map(CamundaUserDirectory::profileOf);
  }

  @Override
  public List<Profile> profilesWithEmail(String email) {
    return identity.createUserQuery().userEmail(email).list().stream().map(CamundaUserDirectory::profileOf).toList();
  }

  private static Profile profileOf(User user) {
    return new Profile(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail());
  }

  @Override
  public List<String> membersOf(String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).orderByUserLastName().asc().list().stream()
        .map(CamundaUserDirectory::describe).toList();
  }

  /** The collectivité's group: its staff see its tasks. */
  void ensureLocalAuthorityGroup(String groupId, String name) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(name);
      group.setType(Groups.LOCAL_AUTHORITY_GROUP_TYPE);
      identity.saveGroup(group);
    }
  }

  /** « Marie Dupont (mdupont) », or « jeanancien (nom non renseigné) » for an account without a name. */
  private static String describe(User user) {
    String name = PersonNames.fullName(user.getFirstName(), user.getLastName());
    return name.isEmpty() ? user.getId() + " (nom non renseigné)" : name + " (" + user.getId() + ")";
  }
}
