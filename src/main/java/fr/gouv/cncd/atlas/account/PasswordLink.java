package fr.gouv.cncd.atlas.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A single-use link to choose a password; only the hash of its token is stored. */
@Entity
@Table(name = "password_link")
class PasswordLink {

  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  private String username;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "created_at")
  private Instant createdAt;

  protected PasswordLink() {}

  PasswordLink(String tokenHash, String username, Instant createdAt, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.username = username;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  String getUsername() {
    return username;
  }

  boolean isUsed() {
    return usedAt != null;
  }

  boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  Instant getExpiresAt() {
    return expiresAt;
  }

  void use(Instant now) {
    this.usedAt = now;
  }
}
