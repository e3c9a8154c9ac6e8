package fr.gouv.cncd.atlas.account;

import fr.gouv.cncd.atlas.notification.Mail;
import fr.gouv.cncd.atlas.notification.MailProperties;
import fr.gouv.cncd.atlas.notification.Mailer;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.security.PlatformProperties;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The mails of account creation. Each takes an idempotence key (the process step that sends it)
 * so that a retried step never sends twice.
 */
@Service
public class AccountNotifications {

  static final String TASKLIST_PATH = "/camunda/app/tasklist/";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));

  private final AccountRequests requests;
  private final PasswordLinks passwordLinks;
  private final UserDirectory users;
  private final LocalAuthorities authorities;
  private final Mailer mailer;
  private final MailProperties mailProperties;
  private final PlatformProperties platform;

  AccountNotifications(AccountRequests requests, PasswordLinks passwordLinks, UserDirectory users,
      LocalAuthorities authorities, Mailer mailer, MailProperties mailProperties, PlatformProperties platform) {
    this.requests = requests;
    this.passwordLinks = passwordLinks;
    this.users = users;
    this.authorities = authorities;
    this.mailer = mailer;
    this.mailProperties = mailProperties;
    this.platform = platform;
  }

  /** Acknowledges a request to its requester. */
  public void acknowledgeRequest(String requestId, String mailKey) {
    AccountRequest request = requests.get(requestId);
    mailer.send(new Mail(mailKey, request.getEmail(), "Votre demande de compte a bien été reçue",
        "account-request-received", model(request), List.of()));
  }

  /** Tells the DAECT that a request waits for its review, with a link to the task (if still open). */
  public void notifyDaect(String requestId, String reviewTaskId, String mailKey) {
    AccountRequest request = requests.get(requestId);
    if (request.getStatus() != AccountRequestStatus.PENDING_REVIEW) {
      return;
    }
    String taskLink = platform.publicUrl() + TASKLIST_PATH + "default/#/"
        + (reviewTaskId == null ? "" : "?task=" + reviewTaskId);
    Map<String, Object> model = model(request);
    model.put("taskLink", taskLink);
    mailer.send(new Mail(mailKey, mailProperties.daectAddress(),
        "Demande de compte à valider : " + model.get("localAuthorityName"), "account-request-to-review", model,
        List.of(taskLink)));
  }

  /** Tells the requester the request was rejected, and why. */
  public void sendRejection(String requestId, String mailKey) {
    AccountRequest request = requests.get(requestId);
    Map<String, Object> model = model(request);
    model.put("motive", request.getRejectionMotive());
    mailer.send(new Mail(mailKey, request.getEmail(), "Votre demande de compte n'a pas été acceptée",
        "account-request-rejected", model, List.of(platform.publicUrl() + "/inscription")));
  }

  /** Sends the activation link; a new token is issued for each sending attempt. */
  public void sendActivationLink(String requestId, String mailKey) {
    if (mailer.wasSent(mailKey)) {
      return;
    }
    String token = requests.issueActivationToken(requestId);
    AccountRequest request = requests.get(requestId);
    Map<String, Object> model = model(request);
    model.put("activationLink", platform.publicUrl() + "/activation#jeton=" + token);
    model.put("expiresOn", DATE.format(request.getActivationExpiresAt()));
    mailer.send(new Mail(mailKey, request.getEmail(), "Activez votre compte", "account-activation", model,
        List.of()));
  }

  /** Tells the requester the activation link expired and the request is closed. */
  public void sendExpiryNotice(String requestId, String mailKey) {
    AccountRequest request = requests.get(requestId);
    mailer.send(new Mail(mailKey, request.getEmail(), "Votre lien d'activation a expiré",
        "account-activation-expired", model(request), List.of(platform.publicUrl() + "/inscription")));
  }

  /** Invites the holder of a migrated account to choose a new password; a new link for each attempt. */
  public void sendPasswordLink(String username, String mailKey) {
    if (mailer.wasSent(mailKey)) {
      return;
    }
    sendLinkToChoosePassword(users.profile(username).orElseThrow(), PasswordLinks.Purpose.MIGRATED_ACCOUNT,
        "Votre compte a été repris : choisissez un nouveau mot de passe", "legacy-account-migrated", mailKey);
  }

  /** Sends a holder who forgot the password a link to choose a new one, to the account's own address. */
  public void sendPasswordResetLink(UserDirectory.Profile holder, String mailKey) {
    if (mailer.wasSent(mailKey)) {
      return;
    }
    sendLinkToChoosePassword(holder, PasswordLinks.Purpose.FORGOTTEN_PASSWORD, "Choisissez un nouveau mot de passe",
        "password-reset", mailKey);
  }

  private void sendLinkToChoosePassword(UserDirectory.Profile holder, PasswordLinks.Purpose purpose, String subject,
      String template, String mailKey) {
    PasswordLinks.IssuedLink link = passwordLinks.issue(holder.username(), purpose);
    Map<String, Object> model = new HashMap<>();
    model.put("username", holder.username());
    model.put("passwordLink", platform.publicUrl() + "/nouveau-mot-de-passe#jeton=" + link.token());
    model.put("expiresOn", DATE.format(link.expiresAt()));
    model.put("expiresAt", DATE_TIME.format(link.expiresAt()));
    model.put("forgottenPasswordUrl", platform.publicUrl() + "/mot-de-passe-oublie");
    model.put("tasklistUrl", platform.publicUrl() + TASKLIST_PATH);
    mailer.send(new Mail(mailKey, holder.email(), subject, template, model, List.of()));
  }

  private Map<String, Object> model(AccountRequest request) {
    Map<String, Object> model = new HashMap<>();
    model.put("civility", request.getCivility().label());
    model.put("firstName", request.getFirstName());
    model.put("lastName", request.getLastName());
    model.put("fullName", request.getFullName());
    model.put("function", request.getFunction());
    model.put("email", request.getEmail());
    model.put("username", request.getUsername());
    model.put("requestedOn", DATE.format(request.getCreatedAt()));
    model.put("localAuthorityName", request.isUnlisted() ? request.getUnlistedName()
        : authorities.find(request.getLocalAuthorityId()).map(a -> a.getName()).orElse(request.getLocalAuthorityId()));
    model.put("publicUrl", platform.publicUrl());
    model.put("tasklistUrl", platform.publicUrl() + TASKLIST_PATH);
    model.put("registrationUrl", platform.publicUrl() + "/inscription");
    return model;
  }
}
