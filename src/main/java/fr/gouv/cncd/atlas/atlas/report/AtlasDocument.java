package fr.gouv.cncd.atlas.atlas.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** A PDF document of a published version (its compte-rendu or its attestation), written once. */
@Entity
@Table(name = "atlas_document")
public class AtlasDocument {

  public enum Kind {
    REPORT("compte-rendu-atlas-"), ATTESTATION("attestation-atlas-");

    private final String filePrefix;

    Kind(String filePrefix) {
      this.filePrefix = filePrefix;
    }

    /** « compte-rendu-atlas-cesson-sevigne-version-2.pdf »: the file a user downloads or receives. */
    public String fileName(String localAuthorityName, int version) {
      String plain = java.text.Normalizer.normalize(localAuthorityName, java.text.Normalizer.Form.NFD)
          .replaceAll("\\p{M}", "");
      String slug = plain.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
      return filePrefix + slug + "-version-" + version + ".pdf";
    }
  }

  @Id
  private String id;

  @Column(name = "version_id", updatable = false)
  private String versionId;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false)
  private Kind kind;

  @Column(updatable = false, columnDefinition = "bytea")
  private byte[] content;

  @Column(updatable = false)
  private String sha256;

  @Column(name = "created_at", updatable = false)
  private Instant createdAt;

  @Column(name = "verification_code", updatable = false)
  private String verificationCode;

  protected AtlasDocument() {}

  AtlasDocument(String versionId, Kind kind, byte[] content, Instant createdAt, String verificationCode) {
    this.id = UUID.randomUUID().toString();
    this.versionId = versionId;
    this.kind = kind;
    this.content = content.clone();
    this.sha256 = sha256(content);
    this.createdAt = createdAt;
    this.verificationCode = verificationCode;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  public String getId() {
    return id;
  }

  public String getVersionId() {
    return versionId;
  }

  public Kind getKind() {
    return kind;
  }

  public byte[] getContent() {
    return content.clone();
  }

  public String getSha256() {
    return sha256;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getVerificationCode() {
    return verificationCode;
  }
}
