package fr.gouv.cncd.atlas.account;

import fr.gouv.cncd.atlas.security.EmailAddresses;
import fr.gouv.cncd.atlas.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * « Mot de passe oublié ? »: a holder gives an identifiant or an e-mail address and, if an account
 * matches, receives at the account's own address a link to choose a new password.
 *
 * <p>The request does the same work whether an account matches or not: it only starts the
 * PasswordReset process, whose asynchronous step looks the account up and mails the link (with
 * retries). So the answer, and its time, never tell whether an account exists, and a failing mail
 * server never fails the request.
 */
@Service
public class PasswordResets {

  private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
  static final int MAX_IDENTIFIER_LENGTH = EmailAddresses.MAX_LENGTH;

  private final PasswordResetWorkflow workflow;
  private final UserDirectory users;
  private final AccountNotifications notifications;

  PasswordResets(PasswordResetWorkflow workflow, UserDirectory users, AccountNotifications notifications) {
    this.workflow = workflow;
    this.users = users;
    this.notifications = notifications;
  }

  /** Records the request; the link, if any, leaves later. Throws only for an empty or unreadable identifier. */
  public void request(String typedIdentifier) {
    String identifier = typedIdentifier == null ? "" : typedIdentifier.strip();
    if (identifier.isEmpty()) {
      throw new InvalidRequestException("La demande comporte une erreur.")
          .add("identifier", "Indiquez votre identifiant ou votre adresse électronique.");
    }
    if (identifier.length() > MAX_IDENTIFIER_LENGTH || identifier.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidRequestException("La demande comporte une erreur.")
          .add("identifier", "Indiquez votre identifiant (lettres et chiffres) ou votre adresse électronique.");
    }
    workflow.start(identifier);
  }

  /**
   * The asynchronous step: mails a link to each account the identifier designates (the account of
   * that identifiant, or the accounts registered with that address). Each mail has its own
   * idempotence key, so a retried step sends only what is missing.
   */
  public void sendLinks(String identifier, String mailKey) {
    List<UserDirectory.Profile> holders = holdersOf(identifier);
    if (holders.isEmpty()) {
      log.info("Password reset {}: no account matches the identifier given", mailKey);
      return;
    }
    for (UserDirectory.Profile holder : holders) {
      notifications.sendPasswordResetLink(holder, mailKey + ":" + holder.username());
      log.info("Password reset {}: link mailed to user {}", mailKey, holder.username());
    }
  }

  private List<UserDirectory.Profile> holdersOf(String identifier) {
    Map<String, UserDirectory.Profile> found = new LinkedHashMap<>();
    if (identifier.contains("@")) {
      if (EmailAddresses.isValid(identifier)) {
        // Addresses are stored as typed: look for the address as given and in lower case.
        for (String address : List.of(identifier, identifier.toLowerCase(Locale.ROOT))) {
          users.profilesWithEmail(address).forEach(profile -> found.putIfAbsent(profile.username(), profile));
        }
      }
    } else {
      users.profile(identifier.toLowerCase(Locale.ROOT)).ifPresent(profile -> found.put(profile.username(), profile));
    }
    List<UserDirectory.Profile> holders = new ArrayList<>();
    for (UserDirectory.Profile profile : found.values()) {
      if (profile.email() != null && EmailAddresses.isValid(profile.email())) {
        holders.add(profile);
      }
    }
    return holders;
  }
}
