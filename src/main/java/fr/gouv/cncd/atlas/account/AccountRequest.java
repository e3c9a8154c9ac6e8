package fr.gouv.cncd.atlas.account;

import fr.gouv.cncd.atlas.referential.LocalAuthorityType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A collectivité staff member's request for an account (demande de compte). The AccountRequest
 * process only holds its id; the data, and the hash of the chosen password, live here.
 */
@Entity
@Table(name = "account_request")
public class AccountRequest {

  @Id
  private String id;

  @Enumerated(EnumType.STRING)
  private AccountRequestStatus status;

  @Column(name = "local_authority_id")
  private String localAuthorityId;

  @Column(name = "unlisted_name")
  private String unlistedName;

  @Enumerated(EnumType.STRING)
  @Column(name = "unlisted_type")
  private LocalAuthorityType unlistedType;

  @Column(name = "unlisted_department_code")
  private String unlistedDepartmentCode;

  @Enumerated(EnumType.STRING)
  private Civility civility;

  @Column(name = "last_name")
  private String lastName;

  @Column(name = "first_name")
  private String firstName;

  @Column(name = "job_function")
  private String function;

  private String email;

  private String phone;

  private String username;

  /** Lower-cased identifiant while the request is open or activated (unique in the database). */
  @Column(name = "claimed_username")
  private String claimedUsername;

  /** Lower-cased e-mail while the request is open (unique in the database). */
  @Column(name = "claimed_email")
  private String claimedEmail;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "password_salt")
  private String passwordSalt;

  @Column(name = "rejection_motive")
  private String rejectionMotive;

  @Column(name = "reviewed_by")
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "activation_token_hash")
  private String activationTokenHash;

  @Column(name = "activation_expires_at")
  private Instant activationExpiresAt;

  @Column(name = "activated_at")
  private Instant activatedAt;

  @Column(name = "created_at")
  private Instant createdAt;

  protected AccountRequest() {}

  AccountRequest(String localAuthorityId, String unlistedName, LocalAuthorityType unlistedType,
      String unlistedDepartmentCode, Civility civility, String lastName, String firstName, String function,
      String email, String phone, String username, StoredPassword password, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.status = AccountRequestStatus.PENDING_REVIEW;
    this.localAuthorityId = localAuthorityId;
    this.unlistedName = unlistedName;
    this.unlistedType = unlistedType;
    this.unlistedDepartmentCode = unlistedDepartmentCode;
    this.civility = civility;
    this.lastName = lastName;
    this.firstName = firstName;
    this.function = function;
    this.email = email;
    this.phone = phone;
    this.username = username;
    this.claimedUsername = username.toLowerCase(java.util.Locale.ROOT);
    this.claimedEmail = email.toLowerCase(java.util.Locale.ROOT);
    this.passwordHash = password.hash();
    this.passwordSalt = password.salt();
    this.createdAt = now;
  }

  void approve(String localAuthorityId, String reviewer, Instant now) {
    requireStatus(AccountRequestStatus.PENDING_REVIEW);
    this.localAuthorityId = localAuthorityId;
    this.status = AccountRequestStatus.APPROVED;
    this.reviewedBy = reviewer;
    this.reviewedAt = now;
  }

  void reject(String motive, String reviewer, Instant now) {
    requireStatus(AccountRequestStatus.PENDING_REVIEW);
    this.status = AccountRequestStatus.REJECTED;
    this.rejectionMotive = motive;
    this.reviewedBy = reviewer;
    this.reviewedAt = now;
    release();
  }

  void issueActivationToken(String tokenHash, Instant expiresAt) {
    requireStatus(AccountRequestStatus.APPROVED);
    this.activationTokenHash = tokenHash;
    this.activationExpiresAt = expiresAt;
  }

  boolean isActivationExpired(Instant now) {
    return status == AccountRequestStatus.EXPIRED
        || (status == AccountRequestStatus.APPROVED && activationExpiresAt != null && !now.isBefore(activationExpiresAt));
  }

  void activate(Instant now) {
    requireStatus(AccountRequestStatus.APPROVED);
    this.status = AccountRequestStatus.ACTIVATED;
    this.activatedAt = now;
    this.claimedEmail = null;
  }

  void expire() {
    if (status == AccountRequestStatus.APPROVED) {
      this.status = AccountRequestStatus.EXPIRED;
      release();
    }
  }

  /** An administrator ended the request's process before it was completed. Returns false if it was already closed. */
  boolean cancel() {
    if (status != AccountRequestStatus.PENDING_REVIEW && status != AccountRequestStatus.APPROVED) {
      return false;
    }
    this.status = AccountRequestStatus.CANCELLED;
    this.activationTokenHash = null;
    release();
    return true;
  }

  /** A closed request frees its identifiant and e-mail for a new request, and forgets the password. */
  private void release() {
    this.claimedUsername = null;
    this.claimedEmail = null;
    forgetPassword();
  }

  /** The password hash is only kept until the account is opened (or the request closed). */
  void forgetPassword() {
    this.passwordHash = null;
    this.passwordSalt = null;
  }

  private void requireStatus(AccountRequestStatus expected) {
    if (status != expected) {
      throw new IllegalStateException("Account request " + id + " is " + status + ", not " + expected);
    }
  }

  public boolean isUnlisted() {
    return localAuthorityId == null;
  }

  public String getId() {
    return id;
  }

  public AccountRequestStatus getStatus() {
    return status;
  }

  public String getLocalAuthorityId() {
    return localAuthorityId;
  }

  public String getUnlistedName() {
    return unlistedName;
  }

  public LocalAuthorityType getUnlistedType() {
    return unlistedType;
  }

  public String getUnlistedDepartmentCode() {
    return unlistedDepartmentCode;
  }

  public Civility getCivility() {
    return civility;
  }

  public String getLastName() {
    return lastName;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getFunction() {
    return function;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public String getUsername() {
    return username;
  }

  StoredPassword getPassword() {
    return passwordHash == null ? null : new StoredPassword(passwordHash, passwordSalt);
  }

  public String getRejectionMotive() {
    return rejectionMotive;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  public Instant getActivationExpiresAt() {
    return activationExpiresAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getFullName() {
    return firstName + " " + lastName;
  }

  /** « Mme Marie Dupont » */
  public String getDisplayName() {
    return civility.abbreviation() + " " + getFullName();
  }
}
