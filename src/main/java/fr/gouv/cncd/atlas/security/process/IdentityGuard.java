package fr.gouv.cncd.atlas.security.process;

import fr.gouv.cncd.atlas.security.EmailAddresses;
import fr.gouv.cncd.atlas.security.PasswordRules;
import fr.gouv.cncd.atlas.security.PersonNames;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Engine-level rules on users, whatever the entry point (/engine-rest, the webapps, Admin):
 * <ul>
 *   <li>a new password follows the teleprocedure's rules, refused with a French 400 naming each
 *       broken rule (the engine's own check answers 500 « Password does not match policy »);</li>
 *   <li>only administrators change a name or an e-mail address: an agent cannot rename herself
 *       « Camille Martin (DAECT) »; her identity is the one the DAECT approved; and names and
 *       addresses typed by anyone follow the request form's rules (one script, nothing invisible);</li>
 *   <li>one sees the groups of oneself only (Tasklist asks for its own user's groups).</li>
 * </ul>
 */
final class IdentityGuard extends CommandInterceptor {

  static final String PROFILE_IS_THE_DAECTS = "Votre nom, votre prénom et votre adresse électronique sont ceux que"
      + " la DAECT a validés : seul un administrateur peut les modifier.";
  static final String ACCOUNTS_ARE_THE_ADMINISTRATORS = "Seul un administrateur peut créer ou modifier le compte"
      + " d'une autre personne.";
  static final String OTHERS_GROUPS = "Vous ne pouvez consulter que vos propres groupes.";
  private static final Field SAVED_USER = EngineFields.of(SaveUserCmd.class, "user");
  private static final Field NEW_PASSWORD = EngineFields.of(UserEntity.class, "newPassword");

  private final ProcessEngineConfigurationImpl configuration;
  private final PasswordRules passwordRules;

  IdentityGuard(ProcessEngineConfigurationImpl configuration, PasswordRules passwordRules) {
    this.configuration = configuration;
    this.passwordRules = passwordRules;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Caller caller = Caller.current(configuration.getIdentityService());
    if (command instanceof SaveUserCmd save && savedUser(save) instanceof UserEntity user) {
      boolean administrator = caller != null && caller.isAdministrator();
      if (caller != null && !administrator && !(caller.is(user.getId()) && user.getRevision() > 0)) {
        // Refused before the engine checks the password policy, which would answer 500.
        throw new AuthorizationException(ACCOUNTS_ARE_THE_ADMINISTRATORS);
      }
      checkPassword(user);
      if (caller != null && !administrator && profileChanged(user)) {
        throw new AuthorizationException(PROFILE_IS_THE_DAECTS);
      }
      if (caller != null) {
        checkProfile(user);
      }
    } else if (command instanceof GroupQueryImpl query && caller != null && query.getUserId() != null
        && !caller.is(query.getUserId()) && !caller.isAdministrator()) {
      throw new AuthorizationException(OTHERS_GROUPS);
    }
    return next.execute(command);
  }

  /**
   * A name or an e-mail typed in Admin or sent to the API follows the request form's rules. Only
   * what changes is checked: a password change must not fail on a name stored before the rules
   * (migrated accounts have none).
   */
  private void checkProfile(UserEntity user) {
    User stored = user.getRevision() == 0 ? null : stored(user);
    List<String> problems = new java.util.ArrayList<>();
    if (stored == null || !Objects.equals(stored.getFirstName(), user.getFirstName())) {
      PersonNames.problem(PersonNames.Part.FIRST_NAME, user.getFirstName()).ifPresent(problems::add);
    }
    if (stored == null || !Objects.equals(stored.getLastName(), user.getLastName())) {
      PersonNames.problem(PersonNames.Part.LAST_NAME, user.getLastName()).ifPresent(problems::add);
    }
    if (stored == null || !Objects.equals(stored.getEmail(), user.getEmail())) {
      EmailAddresses.problem(user.getEmail()).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join(" ", problems));
    }
  }

  private void checkPassword(UserEntity user) {
    if (!user.hasNewPassword()) {
      return;
    }
    // getPassword() is the stored hash; the new password is only in a protected field.
    List<String> violations = passwordRules.check(newPassword(user),
        new PasswordRules.Holder(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail()));
    if (!violations.isEmpty()) {
      throw new BadUserRequestException(String.join(" ", violations));
    }
  }

  /** Compares with the stored user. */
  private boolean profileChanged(UserEntity user) {
    User stored = stored(user);
    return stored == null || !Objects.equals(stored.getFirstName(), user.getFirstName())
        || !Objects.equals(stored.getLastName(), user.getLastName())
        || !Objects.equals(stored.getEmail(), user.getEmail());
  }

  /** The user as stored, read without the caller's rights (she may not read it). */
  private User stored(UserEntity user) {
    return AsApplication.run(configuration.getIdentityService(),
        () -> configuration.getIdentityService().createUserQuery().userId(user.getId()).singleResult());
  }


  private static String newPassword(UserEntity user) {
    return (String) EngineFields.read(NEW_PASSWORD, user);
  }


  private static Object savedUser(SaveUserCmd command) {
    return EngineFields.read(SAVED_USER, command);
  }


}
