package fr.gouv.cncd.atlas.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One line of an import of the former site's accounts, and what became of it. */
@Entity
@Table(name = "legacy_account")
class LegacyAccount {

  enum Outcome {
    /** Created here; its holder chooses a new password. */
    MIGRATED,
    /** Created before 2014: invalid, must be recreated through /inscription. */
    REFUSED,
    /** Already imported earlier. */
    ALREADY_IMPORTED,
    /** The line cannot be imported (unknown collectivité, identifiant taken...). */
    IN_ERROR
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "legacy_username")
  private String legacyUsername;

  private String username;

  private String email;

  @Column(name = "local_authority_id")
  private String localAuthorityId;

  @Column(name = "created_on")
  private LocalDate createdOn;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  private String detail;

  @Column(name = "imported_at")
  private Instant importedAt;

  protected LegacyAccount() {}

  LegacyAccount(String legacyUsername, String username, String email, String localAuthorityId, LocalDate createdOn,
      Outcome outcome, String detail, Instant importedAt) {
    this.legacyUsername = legacyUsername;
    this.username = username;
    this.email = email;
    this.localAuthorityId = localAuthorityId;
    this.createdOn = createdOn;
    this.outcome = outcome;
    this.detail = detail;
    this.importedAt = importedAt;
  }
}
