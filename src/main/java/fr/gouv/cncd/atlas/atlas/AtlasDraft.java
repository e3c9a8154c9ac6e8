package fr.gouv.cncd.atlas.atlas;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * The draft of one Atlas update: the collectivité's whole Atlas as the user changes it, on top of
 * the published version it started from ({@code baseVersion}). Its transitions are guarded: only
 * an open draft changes; a validated one is only published; a closed one never comes back.
 */
@Entity
@Table(name = "atlas_draft")
public class AtlasDraft {

  @Id
  private String id;

  @Column(name = "local_authority_id", updatable = false)
  private String localAuthorityId;

  /** The collectivité while the draft is open or validated (unique), else null. */
  @Column(name = "open_for")
  private String openFor;

  @Enumerated(EnumType.STRING)
  private DraftStatus status;

  @Column(name = "base_version")
  private int baseVersion;

  private String content;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "started_by", updatable = false)
  private String startedBy;

  @Column(name = "started_at", updatable = false)
  private Instant startedAt;

  @Column(name = "updated_by")
  private String updatedBy;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "published_version")
  private Integer publishedVersion;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "last_activity_at")
  private Instant lastActivityAt;

  @Column(name = "last_activity_by")
  private String lastActivityBy;

  @Column(name = "reminded_at")
  private Instant remindedAt;

  @Version
  @Column(name = "lock_version")
  private int lockVersion;

  protected AtlasDraft() {}

  AtlasDraft(String localAuthorityId, int baseVersion, String content, String startedBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.localAuthorityId = localAuthorityId;
    this.openFor = localAuthorityId;
    this.status = DraftStatus.OPEN;
    this.baseVersion = baseVersion;
    this.content = content;
    this.startedBy = startedBy;
    this.startedAt = now;
    this.updatedBy = startedBy;
    this.updatedAt = now;
    this.lastActivityAt = now;
    this.lastActivityBy = startedBy;
  }

  /** A user completed a step: the idle period starts again. */
  void stepCompleted(String by, Instant now) {
    this.lastActivityAt = now;
    this.lastActivityBy = by;
  }

  /** Its editor was reminded of it, for the idle period that started at lastActivityAt. */
  void reminded(Instant now) {
    this.remindedAt = now;
  }

  /** Whether the current idle period was reminded already. */
  public boolean remindedSinceLastActivity() {
    return remindedAt != null && !remindedAt.isBefore(lastActivityAt);
  }

  void change(String newContent, String by, Instant now) {
    requireOpen();
    this.content = newContent;
    this.updatedBy = by;
    this.updatedAt = now;
  }

  /** The draft now builds on a later published version (after merging what it brought). */
  void rebase(int newBaseVersion, String newContent, String by, Instant now) {
    change(newContent, by, now);
    this.baseVersion = newBaseVersion;
  }

  void validate(String by, Instant now) {
    requireOpen();
    this.status = DraftStatus.VALIDATED;
    this.updatedBy = by;
    this.updatedAt = now;
  }

  /** Back to open: the publication found a later version than its base (see AtlasPublication). */
  void reopen() {
    if (status != DraftStatus.VALIDATED) {
      throw new IllegalStateException("Draft " + id + " is " + status + ", not VALIDATED");
    }
    this.status = DraftStatus.OPEN;
  }

  void published(int version, Instant now) {
    if (status != DraftStatus.VALIDATED) {
      throw new IllegalStateException("Draft " + id + " is " + status + ", not VALIDATED");
    }
    this.status = DraftStatus.PUBLISHED;
    this.publishedVersion = version;
    this.openFor = null;
    this.closedAt = now;
  }

  void cancel(Instant now) {
    if (status == DraftStatus.PUBLISHED || status == DraftStatus.CANCELLED) {
      return;
    }
    this.status = DraftStatus.CANCELLED;
    this.openFor = null;
    this.closedAt = now;
  }

  private void requireOpen() {
    if (status != DraftStatus.OPEN) {
      throw new IllegalStateException("Draft " + id + " is " + status + ": it no longer changes");
    }
  }

  void attachTo(String instanceId) {
    this.processInstanceId = instanceId;
  }

  public String getId() {
    return id;
  }

  public String getLocalAuthorityId() {
    return localAuthorityId;
  }

  public DraftStatus getStatus() {
    return status;
  }

  public int getBaseVersion() {
    return baseVersion;
  }

  String getContent() {
    return content;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public Instant getLastActivityAt() {
    return lastActivityAt;
  }

  public String getLastActivityBy() {
    return lastActivityBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Integer getPublishedVersion() {
    return publishedVersion;
  }
}
