package fr.gouv.cncd.atlas.atlas;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One published state of a collectivité's Atlas. Written once by a publication, never changed:
 * the published Atlas is the version with the highest number.
 */
@Entity
@Table(name = "atlas_version")
public class AtlasVersion {

  @Id
  private String id;

  @Column(name = "local_authority_id", updatable = false)
  private String localAuthorityId;

  @Column(updatable = false)
  private int number;

  /** The whole published Atlas, as JSON (see AtlasDocuments). */
  @Column(updatable = false)
  private String content;

  @Column(name = "published_at", updatable = false)
  private Instant publishedAt;

  @Column(name = "published_by", updatable = false)
  private String publishedBy;

  @Column(name = "update_id", updatable = false)
  private String updateId;

  protected AtlasVersion() {}

  AtlasVersion(String localAuthorityId, int number, String content, Instant publishedAt, String publishedBy,
      String updateId) {
    this.id = UUID.randomUUID().toString();
    this.localAuthorityId = localAuthorityId;
    this.number = number;
    this.content = content;
    this.publishedAt = publishedAt;
    this.publishedBy = publishedBy;
    this.updateId = updateId;
  }

  public String getId() {
    return id;
  }

  public String getLocalAuthorityId() {
    return localAuthorityId;
  }

  public int getNumber() {
    return number;
  }

  String getContent() {
    return content;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public String getPublishedBy() {
    return publishedBy;
  }

  public String getUpdateId() {
    return updateId;
  }
}
