package fr.gouv.cncd.atlas.account;

import fr.gouv.cncd.atlas.security.PasswordRules;
import fr.gouv.cncd.atlas.web.GoneException;
import fr.gouv.cncd.atlas.web.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single-use links to choose a password: for accounts migrated from the former site, and for
 * forgotten passwords. Choosing a password through one link voids the user's other unused links.
 */
@Service
public class PasswordLinks {

  private static final Logger log = LoggerFactory.getLogger(PasswordLinks.class);

  private final PasswordLinkRepository links;
  private final UserDirectory users;
  private final PasswordRules rules;
  private final AccountProperties properties;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;
  private final ApplicationEventPublisher events;

  PasswordLinks(PasswordLinkRepository links, UserDirectory users, PasswordRules rules, AccountProperties properties,
      Clock clock, PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
    this.links = links;
    this.users = users;
    this.rules = rules;
    this.properties = properties;
    this.clock = clock;
    this.events = events;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Why a link is issued; it sets how long the link is valid. */
  public enum Purpose {
    /** An account migrated from the former site, whose holder has never chosen a password here. */
    MIGRATED_ACCOUNT,
    /** A holder who forgot the password asked for a link. */
    FORGOTTEN_PASSWORD
  }

  /** Issues a link token for a user and returns it; only its hash is stored, in its own transaction. */
  public IssuedLink issue(String username, Purpose purpose) {
    String token = SecretTokens.newToken();
    Instant now = clock.instant();
    PasswordLink link = new PasswordLink(SecretTokens.hash(token), username, now, now.plus(validity(purpose)));
    ownTransaction.executeWithoutResult(status -> links.save(link));
    return new IssuedLink(token, link.getExpiresAt());
  }

  /** Sets the password of the link's user, once. */
  @Transactional(noRollbackFor = GoneException.class)
  public String choosePassword(String token, String password) {
    if (token == null || token.isBlank() || token.length() > 100) {
      throw new InvalidRequestException("Le lien est incomplet.")
          .add("token", "Le lien est incomplet : copiez l'adresse complète reçue par courriel.");
    }
    PasswordLink link = links.findById(SecretTokens.hash(token.trim()))
        .orElseThrow(() -> new GoneException("Ce lien n'est pas valide. Vérifiez que vous avez copié l'adresse"
            + " complète reçue par courriel."));
    if (link.isUsed()) {
      throw new GoneException("Ce lien a déjà été utilisé : votre mot de passe est enregistré. Connectez-vous à la"
          + " téléprocédure.");
    }
    if (link.isExpired(clock.instant())) {
      throw new GoneException("Ce lien a expiré. Demandez-en un nouveau sur la page « Mot de passe oublié ? » de la"
          + " téléprocédure.");
    }
    UserDirectory.Profile profile = users.profile(link.getUsername())
        .orElseThrow(() -> new GoneException("Le compte de ce lien n'existe plus."));
    List<String> violations = rules.check(password,
        new PasswordRules.Holder(profile.username(), profile.firstName(), profile.lastName(), profile.email()));
    if (!violations.isEmpty()) {
      throw new InvalidRequestException("Le mot de passe ne respecte pas les règles.")
          .add("password", String.join(" ", violations));
    }
    users.changePassword(profile.username(), password);
    Instant now = clock.instant();
    link.use(now);
    links.findByUsernameAndUsedAtIsNull(profile.username()).forEach(other -> other.use(now));
    log.info("Password chosen by user {} through a password link", profile.username());
    events.publishEvent(new PasswordChosen(profile.username()));
    return profile.username();
  }

  /** How long a link is valid, for the holder's mail. */
  public Duration validity(Purpose purpose) {
    return switch (purpose) {
      case MIGRATED_ACCOUNT -> properties.passwordLinkValidity();
      case FORGOTTEN_PASSWORD -> properties.passwordResetLinkValidity();
    };
  }

  /** A token to mail, and when it expires. */
  public record IssuedLink(String token, java.time.Instant expiresAt) {

    @Override
    public String toString() {
      return "IssuedLink[hidden]";
    }
  }
}
