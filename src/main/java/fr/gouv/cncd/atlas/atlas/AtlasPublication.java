package fr.gouv.cncd.atlas.atlas;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a validated draft as the collectivité's next Atlas version, in one transaction: the
 * version and the draft's new state are written together or not at all. Idempotent: a retried or
 * duplicated publication of the same draft finds it published and changes nothing (the draft row
 * is locked, and a version records its update id under a unique constraint).
 */
@Service
public class AtlasPublication {

  private static final Logger log = LoggerFactory.getLogger(AtlasPublication.class);

  public enum Outcome {
    /** A new version was written. */
    PUBLISHED,
    /** This draft had been published before: nothing written. */
    ALREADY_PUBLISHED,
    /** A later version was published since the draft started: the draft is open again, nothing written. */
    CHANGED_MEANWHILE
  }

  private final AtlasDraftRepository drafts;
  private final AtlasVersionRepository versions;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  AtlasPublication(AtlasDraftRepository drafts, AtlasVersionRepository versions, Clock clock,
      ApplicationEventPublisher events) {
    this.drafts = drafts;
    this.versions = versions;
    this.clock = clock;
    this.events = events;
  }

  @Transactional
  public Outcome publish(String draftId) {
    AtlasDraft draft = drafts.findForPublication(draftId)
        .orElseThrow(() -> new IllegalArgumentException("No draft " + draftId));
    if (draft.getStatus() == DraftStatus.PUBLISHED || versions.findByUpdateId(draftId).isPresent()) {
      log.info("Atlas update {} of {} was published before (version {}): nothing to do", draftId,
          draft.getLocalAuthorityId(), draft.getPublishedVersion());
      return Outcome.ALREADY_PUBLISHED;
    }
    int current = versions.findFirstByLocalAuthorityIdOrderByNumberDesc(draft.getLocalAuthorityId())
        .map(AtlasVersion::getNumber).orElse(0);
    if (current != draft.getBaseVersion()) {
      draft.reopen();
      log.info("Atlas update {} of {} started from version {}, but version {} was published since: back to the user",
          draftId, draft.getLocalAuthorityId(), draft.getBaseVersion(), current);
      return Outcome.CHANGED_MEANWHILE;
    }
    int number = current + 1;
    versions.saveAndFlush(new AtlasVersion(draft.getLocalAuthorityId(), number, draft.getContent(),
        clock.instant(), draft.getUpdatedBy(), draftId));
    draft.published(number, clock.instant());
    drafts.saveAndFlush(draft);
    log.info("Atlas of {} published as version {} by update {}", draft.getLocalAuthorityId(), number, draftId);
    return Outcome.PUBLISHED;
  }

  /**
   * Publishes a content directly as the next version, outside any update (demo data; a correction
   * made by the DAECT). A running update then sees it at step 8, even when it is already there
   * (AtlasVersionPublished, handled in this transaction).
   */
  @Transactional
  public int publishDirectly(String localAuthorityId, AtlasContent content, String by) {
    int number = versions.findFirstByLocalAuthorityIdOrderByNumberDesc(localAuthorityId)
        .map(AtlasVersion::getNumber).orElse(0) + 1;
    versions.saveAndFlush(new AtlasVersion(localAuthorityId, number, AtlasDocuments.write(content), clock.instant(),
        by, null));
    events.publishEvent(new AtlasVersionPublished(localAuthorityId, number));
    return number;
  }
}
