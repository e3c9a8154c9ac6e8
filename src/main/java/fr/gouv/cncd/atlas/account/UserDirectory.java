package fr.gouv.cncd.atlas.account;

import java.util.List;

/** The identity store the users log in with (Camunda's), as the account capability needs it. */
public interface UserDirectory {

  boolean userExists(String username);

  /** Hashes a password the way the identity store will check it, so the clear password is never kept. */
  StoredPassword hashPassword(String password);

  /**
   * Creates the user with an already hashed password, member of its collectivité's group. Without
   * a password the user cannot log in until one is chosen (migrated accounts).
   */
  void createUser(NewUser user);

  /** Sets a user's password; the identity store applies its password policy. */
  void changePassword(String username, String password);

  /** Name and e-mail of a user, if it exists. */
  java.util.Optional<Profile> profile(String username);

  /** The users registered with exactly this e-mail address. */
  List<Profile> profilesWithEmail(String email);

  /** Name and e-mail of a user. */
  record Profile(String username, String firstName, String lastName, String email) {}

  /** « Prénom Nom (identifiant) » of the users of a collectivité's group. */
  List<String> membersOf(String groupId);

  /**
   * A user to create.
   *
   * @param groupId the collectivité's group, created if missing
   * @param groupName the collectivité's name
   */
  record NewUser(String username, String firstName, String lastName, String email, StoredPassword password,
      String groupId, String groupName) {}
}
