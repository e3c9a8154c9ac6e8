package fr.gouv.cncd.atlas.account;

import fr.gouv.cncd.atlas.web.FrenchDates;
import fr.gouv.cncd.atlas.notification.Mail;
import fr.gouv.cncd.atlas.notification.MailProperties;
import fr.gouv.cncd.atlas.notification.Mailer;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.security.PlatformProperties;
import java.time.Instant;
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
 *
 * <p>Until the account is activated, nobody has confirmed that the requester's e-mail address is
 * theirs: anyone can type a stranger's address, with a name, a function or a collectivité name
 * that carries a message or a link. So the mails to the requester (acknowledgement, rejection,
 * activation link, expiry) carry no text the requester typed: only fixed text, dates, the
 * collectivité's official name when it comes from the official referential, and the DAECT's own
 * motive. What the requester typed goes to the DAECT only (a known address). The mail to holders
 * of migrated accounts goes to the address of their former account, imported by an administrator;
 * the forgotten-password link goes to an activated account's own address.
 */
@Service
public class AccountNotifications {

  static final String TASKLIST_PATH = "/camunda/app/tasklist/";
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH'h'mm", Locale.FRANCE);

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
        "account-request-received", requesterModel(request), List.of()));
  }

  /** Tells the DAECT that a request waits for its review, with a link to the task (if still open). */
  public void notifyDaect(String requestId, String reviewTaskId, String mailKey) {
    AccountRequest request = requests.get(requestId);
    if (request.getStatus() != AccountRequestStatus.PENDING_REVIEW) {
      return;
    }
    String taskLink = platform.publicUrl() + TASKLIST_PATH + "default/#/"
        + (reviewTaskId == null ? "" : "?task=" + reviewTaskId);
    Map<String, Object> model = reviewerModel(request);
    model.put("taskLink", taskLink);
    mailer.send(new Mail(mailKey, mailProperties.daectAddress(),
        "Demande de compte à valider : " + model.get("localAuthorityName"), "account-request-to-review", model,
        List.of(taskLink)));
  }

  /** Tells the requester the request was rejected, and why. */
  public void sendRejection(String requestId, String mailKey) {
    AccountRequest request = requests.get(requestId);
    Map<String, Object> model = requesterModel(request);
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
    Map<String, Object> model = requesterModel(request);
    model.put("activationLink", platform.publicUrl() + "/activation#jeton=" + token);
    model.put("expiresOn", frenchDate(request.getActivationExpiresAt()));
    mailer.send(new Mail(mailKey, request.getEmail(), "Activez votre compte", "account-activation", model,
        List.of()));
  }

  /** Tells the requester the activation link expired and the request is closed. */
  public void sendExpiryNotice(String requestId, String mailKey) {
    AccountRequest request = requests.get(requestId);
    mailer.send(new Mail(mailKey, request.getEmail(), "Votre lien d'activation a expiré",
        "account-activation-expired", requesterModel(request), List.of(platform.publicUrl() + "/inscription")));
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
    model.put("expiresOn", frenchDate(link.expiresAt()));
    model.put("expiresAt", frenchDate(link.expiresAt()) + " à " + TIME.format(link.expiresAt().atZone(PARIS)));
    model.put("forgottenPasswordUrl", platform.publicUrl() + "/mot-de-passe-oublie");
    model.put("tasklistUrl", platform.publicUrl() + TASKLIST_PATH);
    mailer.send(new Mail(mailKey, holder.email(), subject, template, model, List.of()));
  }

  /** « 1er décembre 2026 », « 8 décembre 2026 », in Paris time. */
  static String frenchDate(Instant instant) {
    return FrenchDates.day(instant);
  }

  /**
   * What a mail to the requester's unconfirmed address may show: no typed text. The collectivité's
   * name only when it is an official one (not one the DAECT added from a requester's typing);
   * otherwise the templates leave it out.
   */
  private Map<String, Object> requesterModel(AccountRequest request) {
    Map<String, Object> model = new HashMap<>();
    model.put("requestedOn", frenchDate(request.getCreatedAt()));
    model.put("localAuthorityName", request.getLocalAuthorityId() == null ? null
        : authorities.find(request.getLocalAuthorityId()).filter(authority -> !authority.isAddedByDaect())
            .map(authority -> authority.getName()).orElse(null));
    model.put("publicUrl", platform.publicUrl());
    model.put("tasklistUrl", platform.publicUrl() + TASKLIST_PATH);
    model.put("registrationUrl", platform.publicUrl() + "/inscription");
    return model;
  }

  /** Everything the DAECT needs to review a request, typed text included: its address is known. */
  private Map<String, Object> reviewerModel(AccountRequest request) {
    Map<String, Object> model = new HashMap<>();
    model.put("civility", request.getCivility().label());
    model.put("fullName", request.getFullName());
    model.put("function", request.getFunction());
    model.put("email", request.getEmail());
    model.put("username", request.getUsername());
    model.put("requestedOn", frenchDate(request.getCreatedAt()));
    model.put("localAuthorityName", request.isUnlisted() ? request.getUnlistedName()
        : authorities.find(request.getLocalAuthorityId()).map(a -> a.getName()).orElse(request.getLocalAuthorityId()));
    return model;
  }
}
