package fr.gouv.cncd.atlas.account;

import fr.gouv.cncd.atlas.web.FrenchDates;
import fr.gouv.cncd.atlas.account.AccountRequestCommand.UnlistedLocalAuthority;
import fr.gouv.cncd.atlas.account.AccountRequestWorkflow.Candidate;
import fr.gouv.cncd.atlas.account.AccountRequestWorkflow.ReviewSheet;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.referential.LocalAuthority;
import fr.gouv.cncd.atlas.referential.LocalAuthorityType;
import fr.gouv.cncd.atlas.security.EmailAddresses;
import fr.gouv.cncd.atlas.security.PasswordRules;
import fr.gouv.cncd.atlas.security.PersonNames;
import fr.gouv.cncd.atlas.web.ConflictException;
import fr.gouv.cncd.atlas.web.GoneException;
import fr.gouv.cncd.atlas.web.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Account requests: submission, the DAECT's review, activation, expiry. */
@Service
public class AccountRequests {

  private static final Logger log = LoggerFactory.getLogger(AccountRequests.class);
  private static final Set<AccountRequestStatus> OPEN =
      EnumSet.of(AccountRequestStatus.PENDING_REVIEW, AccountRequestStatus.APPROVED);
  private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9]{3,30}");
  private static final Pattern PHONE = Pattern.compile("0\\d{9}|\\+\\d{8,15}");
  private static final Pattern DEPARTMENT = Pattern.compile("\\d{2,3}|2A|2B");

  private final AccountRequestRepository requests;
  private final LocalAuthorities authorities;
  private final PasswordRules passwordRules;
  private final UserDirectory users;
  private final AccountRequestWorkflow workflow;
  private final AccountProperties properties;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  AccountRequests(AccountRequestRepository requests, LocalAuthorities authorities, PasswordRules passwordRules,
      UserDirectory users, AccountRequestWorkflow workflow, AccountProperties properties, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.requests = requests;
    this.authorities = authorities;
    this.passwordRules = passwordRules;
    this.users = users;
    this.workflow = workflow;
    this.properties = properties;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Validates and records a request, then starts its process. Never trusts the page's checks. */
  @Transactional
  public AccountRequest submit(AccountRequestCommand command) {
    InvalidRequestException errors = new InvalidRequestException("La demande comporte des erreurs.");
    LocalAuthority authority = null;
    LocalAuthorityType unlistedType = null;
    UnlistedLocalAuthority unlisted = command.unlistedLocalAuthority();
    String localAuthorityId = trim(command.localAuthorityId());
    if (unlisted != null && localAuthorityId != null) {
      errors.add("localAuthorityId", "Choisissez une collectivité dans la liste ou cochez « Ma collectivité n'est pas"
          + " dans la liste », pas les deux.");
    } else if (unlisted == null) {
      if (localAuthorityId == null) {
        errors.add("localAuthorityId", "Choisissez votre collectivité dans la liste.");
      } else {
        authority = authorities.find(localAuthorityId).orElse(null);
        if (authority == null) {
          errors.add("localAuthorityId", "Cette collectivité n'existe pas dans le référentiel.");
        }
      }
    } else {
      String name = trim(unlisted.name());
      if (name == null || name.length() < 2 || name.length() > 200) {
        errors.add("unlistedLocalAuthority.name", "Indiquez le nom de votre collectivité (2 à 200 caractères).");
      }
      try {
        unlistedType = unlisted.type() == null ? null : LocalAuthorityType.valueOf(unlisted.type().trim());
      } catch (IllegalArgumentException e) {
        unlistedType = null;
      }
      if (unlistedType == null) {
        errors.add("unlistedLocalAuthority.type", "Choisissez le type de votre collectivité.");
      }
      String department = upper(trim(unlisted.departmentCode()));
      if (department == null || !DEPARTMENT.matcher(department).matches()
          || authorities.departmentName(department).isEmpty()) {
        errors.add("unlistedLocalAuthority.departmentCode",
            "Indiquez le code d'un département existant (par exemple 35, 2A ou 974).");
      }
    }
    Civility civility = null;
    try {
      civility = command.civility() == null ? null : Civility.valueOf(command.civility().trim());
    } catch (IllegalArgumentException e) {
      civility = null;
    }
    if (civility == null) {
      errors.add("civility", "Choisissez votre civilité (Madame ou Monsieur).");
    }
    PersonNames.problem(PersonNames.Part.LAST_NAME, command.lastName()).ifPresent(m -> errors.add("lastName", m));
    PersonNames.problem(PersonNames.Part.FIRST_NAME, command.firstName()).ifPresent(m -> errors.add("firstName", m));
    String lastName = command.lastName() == null ? null : PersonNames.normalize(command.lastName());
    String firstName = command.firstName() == null ? null : PersonNames.normalize(command.firstName());
    String function = trim(command.function());
    if (function == null || function.length() > 150) {
      errors.add("function", "Indiquez votre fonction au sein de la collectivité (150 caractères au plus).");
    }
    EmailAddresses.problem(command.email()).ifPresent(m -> errors.add("email", m));
    String email = command.email() == null ? null : EmailAddresses.normalize(command.email());
    String phone = trim(command.phone());
    if (phone != null) {
      phone = phone.replaceAll("[\\s.()-]", "");
      if (!PHONE.matcher(phone).matches()) {
        errors.add("phone", "Indiquez un numéro de téléphone valide (10 chiffres, ou au format international +33…).");
      }
    }
    String username = trim(command.username());
    if (username == null || !USERNAME.matcher(username).matches()) {
      errors.add("username", "L'identifiant doit compter de 3 à 30 caractères : lettres non accentuées et chiffres,"
          + " sans espace.");
      username = null;
    } else {
      username = username.toLowerCase(Locale.ROOT);
    }
    List<String> passwordViolations = passwordRules.check(command.password(),
        new PasswordRules.Holder(username, firstName, lastName, email));
    if (!passwordViolations.isEmpty()) {
      errors.add("password", String.join(" ", passwordViolations));
    }
    errors.throwIfAny();

    if (users.userExists(username) || requests.existsByUsername(username, OPEN)) {
      throw usernameTaken(username);
    }
    if (requests.existsByEmail(email, OPEN)) {
      throw emailTaken(email);
    }

    StoredPassword password = users.hashPassword(command.password());
    AccountRequest request = claim(new AccountRequest(
        authority == null ? null : authority.getId(),
        unlisted == null ? null : trim(unlisted.name()), unlistedType,
        unlisted == null ? null : upper(trim(unlisted.departmentCode())),
        civility, lastName, firstName, function, email, phone, username, password, clock.instant()),
        username, email);
    workflow.start(request, reviewSheet(request));
    log.info("Account request {} submitted for user {} of {}", request.getId(), username,
        request.isUnlisted() ? "an unlisted collectivité" : request.getLocalAuthorityId());
    return request;
  }

  /**
   * Inserts the request at once: the database's unique claims on the identifiant and the e-mail
   * decide between concurrent identical requests (the checks above only give the usual case its
   * message).
   */
  private AccountRequest claim(AccountRequest request, String username, String email) {
    try {
      return requests.saveAndFlush(request);
    } catch (DataIntegrityViolationException e) {
      String constraint = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
      if (constraint.contains("claimed_email")) {
        throw emailTaken(email);
      }
      throw usernameTaken(username);
    }
  }

  private static ConflictException usernameTaken(String username) {
    return new ConflictException("username", "L'identifiant « " + username + " » est déjà utilisé : choisissez-en un autre.");
  }

  private static ConflictException emailTaken(String email) {
    return new ConflictException("email", "Une demande de compte est déjà en cours pour l'adresse " + email
        + ". Vous recevrez un courriel dès qu'elle aura été traitée.");
  }

  /**
   * The request's process was ended by an administrator (deleted or cancelled) before it was
   * completed: the request is closed and frees its identifiant and e-mail.
   */
  @Transactional
  public void cancel(String requestId) {
    requests.findById(requestId).filter(AccountRequest::cancel)
        .ifPresent(request -> log.info("Account request {} cancelled: its process was ended", requestId));
  }

  public AccountRequest get(String requestId) {
    return requests.findById(requestId)
        .orElseThrow(() -> new IllegalArgumentException("No account request " + requestId));
  }

  /** Checks a review decision without applying it: throws InvalidReviewException with a French message. */
  public void checkReview(String requestId, ReviewDecision decision) {
    validate(get(requestId), decision);
  }

  /** Applies the DAECT's decision. Returns true when the request is approved. */
  @Transactional
  public boolean review(String requestId, ReviewDecision decision, String reviewer) {
    AccountRequest request = get(requestId);
    validate(request, decision);
    Instant now = clock.instant();
    switch (decision.outcome()) {
      case REJECT -> request.reject(decision.rejectionMotive().trim(), reviewer, now);
      case APPROVE -> request.approve(request.getLocalAuthorityId(), reviewer, now);
      case ATTACH_TO_EXISTING -> request.approve(decision.chosenLocalAuthorityId(), reviewer, now);
      case ADD_TO_REFERENTIAL -> {
        LocalAuthority added = authorities.add(request.getUnlistedName(), request.getUnlistedType(),
            request.getUnlistedDepartmentCode());
        request.approve(added.getId(), reviewer, now);
      }
    }
    log.info("Account request {} reviewed by {}: {}", requestId, reviewer, decision.outcome());
    return request.getStatus() == AccountRequestStatus.APPROVED;
  }

  private void validate(AccountRequest request, ReviewDecision decision) {
    if (request.getStatus() != AccountRequestStatus.PENDING_REVIEW) {
      throw new InvalidReviewException("Cette demande a déjà été traitée.");
    }
    if (decision == null || decision.outcome() == null) {
      throw new InvalidReviewException("Choisissez une décision : valider ou rejeter la demande.");
    }
    switch (decision.outcome()) {
      case REJECT -> {
        String motive = decision.rejectionMotive() == null ? "" : decision.rejectionMotive().trim();
        if (motive.length() < 5) {
          throw new InvalidReviewException("Le motif du rejet est obligatoire : il est envoyé au demandeur.");
        }
        if (motive.length() > 2000) {
          throw new InvalidReviewException("Le motif du rejet ne doit pas dépasser 2 000 caractères.");
        }
      }
      case APPROVE -> {
        if (request.isUnlisted()) {
          throw new InvalidReviewException("La collectivité n'est pas dans le référentiel : choisissez l'entrée du"
              + " référentiel qui lui correspond, ajoutez-la au référentiel, ou rejetez la demande.");
        }
      }
      case ATTACH_TO_EXISTING -> {
        if (!request.isUnlisted()) {
          throw new InvalidReviewException("La collectivité de cette demande est déjà dans le référentiel.");
        }
        if (authorities.find(decision.chosenLocalAuthorityId()).isEmpty()) {
          throw new InvalidReviewException("Choisissez dans le référentiel la collectivité qui correspond à la demande.");
        }
      }
      case ADD_TO_REFERENTIAL -> {
        if (!request.isUnlisted()) {
          throw new InvalidReviewException("La collectivité de cette demande est déjà dans le référentiel.");
        }
        if (!decision.additionConfirmed()) {
          throw new InvalidReviewException("Cochez la confirmation de l'ajout de « " + request.getUnlistedName()
              + " » au référentiel : cet ajout est définitif.");
        }
      }
    }
  }

  /**
   * Issues a new activation token and returns it: only its hash is stored. Committed in its own
   * transaction before the mail leaves, so a mailed token is always the stored one.
   */
  public String issueActivationToken(String requestId) {
    String token = SecretTokens.newToken();
    ownTransaction.executeWithoutResult(status -> get(requestId)
        .issueActivationToken(SecretTokens.hash(token), clock.instant().plus(properties.activationValidity())));
    return token;
  }

  /** The requester confirms the activation: the account is opened (by the process). */
  @Transactional(noRollbackFor = GoneException.class)
  public AccountRequest activate(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      throw new InvalidRequestException("Le lien d'activation est incomplet.")
          .add("token", "Le lien d'activation est incomplet : copiez l'adresse complète reçue par courriel.");
    }
    // Locked: of two concurrent activations with one link, the second waits and finds it used.
    AccountRequest request = requests.findForActivation(SecretTokens.hash(token.trim()))
        .orElseThrow(() -> new GoneException("Ce lien d'activation n'est pas valide. Vérifiez que vous avez copié"
            + " l'adresse complète, ou faites une nouvelle demande de compte."));
    if (request.getStatus() == AccountRequestStatus.ACTIVATED) {
      throw new GoneException("Ce lien d'activation a déjà été utilisé : votre compte « " + request.getUsername()
          + " » est actif. Connectez-vous à la téléprocédure.", true);
    }
    if (request.isActivationExpired(clock.instant())) {
      throw new GoneException("Ce lien d'activation a expiré. Faites une nouvelle demande de compte.");
    }
    request.activate(clock.instant());
    workflow.activationConfirmed(request.getId());
    log.info("Account request {} activated by its requester", request.getId());
    return request;
  }

  /** Opens the account of an activated request: the user can now log in. */
  @Transactional
  public void openAccount(String requestId) {
    AccountRequest request = get(requestId);
    if (request.getStatus() != AccountRequestStatus.ACTIVATED) {
      throw new IllegalStateException("Account request " + requestId + " is not activated");
    }
    LocalAuthority authority = authorities.find(request.getLocalAuthorityId()).orElseThrow();
    users.createUser(new UserDirectory.NewUser(request.getUsername(), request.getFirstName(), request.getLastName(),
        request.getEmail(), request.getPassword(), authority.groupId(), authority.getName()));
    request.forgetPassword();
    log.info("Account {} opened for {}", request.getUsername(), authority.getId());
  }

  /** Closes a request whose activation link expired. */
  @Transactional
  public void expire(String requestId) {
    get(requestId).expire();
    log.info("Account request {} closed: activation link expired", requestId);
  }

  private ReviewSheet reviewSheet(AccountRequest request) {
    String authorityLabel;
    String otherAccounts;
    String unlistedLabel = null;
    String authorityName;
    List<Candidate> candidates = List.of();
    if (request.isUnlisted()) {
      String department = request.getUnlistedDepartmentCode();
      unlistedLabel = request.getUnlistedName() + " — " + request.getUnlistedType().label() + " — "
          + department + " " + authorities.departmentName(department).orElse("");
      authorityLabel = "Collectivité absente du référentiel : " + unlistedLabel;
      authorityName = request.getUnlistedName() + " (hors référentiel)";
      otherAccounts = "Sans objet (collectivité absente du référentiel)";
      candidates = authorities.lookalikes(request.getUnlistedName(), department, 20).stream().map(a -> new Candidate(label(a), a.getId())).toList();
    } else {
      LocalAuthority authority = authorities.find(request.getLocalAuthorityId()).orElseThrow();
      authorityLabel = label(authority);
      authorityName = authority.getName();
      List<String> members = users.membersOf(authority.groupId());
      otherAccounts = members.isEmpty() ? "Aucun compte actif pour cette collectivité" : String.join(" ; ", members);
    }
    return new ReviewSheet(request.getDisplayName(), request.getFunction(), request.getEmail(),
        request.getPhone() == null ? "Non renseigné" : displayPhone(request.getPhone()), request.getUsername(), authorityLabel,
        otherAccounts, unlistedLabel, candidates, FrenchDates.dayAndTime(request.getCreatedAt()),
        authorityName + " — " + request.getDisplayName(), samePersonPending(request));
  }

  /** « Demande de l'identifiant « jmorvan2 » (jeanne.morvan@rennes.fr), reçue le 2 décembre 2026 à 10 h 15 », one line each. */
  private String samePersonPending(AccountRequest request) {
    List<String> others = requests.findSamePerson(request.getLastName(), request.getFirstName(),
            request.getLocalAuthorityId(), request.getUnlistedName(), AccountRequestStatus.PENDING_REVIEW).stream()
        .filter(other -> !other.getId().equals(request.getId()))
        .map(other -> "Demande de l'identifiant « " + other.getUsername() + " » (" + other.getEmail() + "), reçue le "
            + FrenchDates.dayAndTime(other.getCreatedAt()))
        .toList();
    if (others.isEmpty()) {
      return null;
    }
    // The sheet lists a few; a process variable's text holds at most 4,000 characters.
    String listed = String.join("\n", others.subList(0, Math.min(others.size(), SAME_PERSON_LISTED)));
    int more = others.size() - SAME_PERSON_LISTED;
    return more <= 0 ? listed : listed + "\n… et " + more + (more == 1 ? " autre demande en attente." : " autres demandes en attente.");
  }

  /** How many other pending requests of the same person a review sheet lists by name. */
  static final int SAME_PERSON_LISTED = 5;

  /** « Rennes — Commune — 35 Ille-et-Vilaine (INSEE 35238) » */
  String label(LocalAuthority authority) {
    return authorities.label(authority);
  }

  /** « 02 99 00 00 00 » and « +33 2 23 62 10 10 » for French numbers; other international ones as given. */
  static String displayPhone(String phone) {
    if (phone.matches("0\\d{9}")) {
      return phone.replaceAll("(\\d{2})(?!$)", "$1 ");
    }
    if (phone.matches("\\+33\\d{9}")) {
      return "+33 " + phone.charAt(3) + " " + phone.substring(4).replaceAll("(\\d{2})(?!$)", "$1 ");
    }
    return phone;
  }

  private static String trim(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }
}
