package fr.gouv.cncd.atlas.atlas;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The published versions of the collectivités' Atlas, read only: for the documents that describe them. */
@Service
@Transactional(readOnly = true)
public class AtlasHistory {

  /** A published version, without its content. {@code updateId} null when it was published outside an update. */
  public record Version(String id, String localAuthorityId, int number, Instant publishedAt, String publishedBy,
      String updateId, int baseVersion, Instant updateStartedAt, String updateStartedBy) {}

  private final AtlasVersionRepository versions;
  private final AtlasDraftRepository drafts;

  AtlasHistory(AtlasVersionRepository versions, AtlasDraftRepository drafts) {
    this.versions = versions;
    this.drafts = drafts;
  }

  /** The version an update published, once it is published. */
  public Optional<Version> publishedBy(String updateId) {
    return versions.findByUpdateId(updateId).map(this::describe);
  }

  public Optional<Version> version(String localAuthorityId, int number) {
    return versions.findByLocalAuthorityIdAndNumber(localAuthorityId, number).map(this::describe);
  }

  public Optional<Version> byId(String versionId) {
    return versions.findById(versionId).map(this::describe);
  }

  /** The number of the collectivité's published version, 0 when none. */
  public int currentNumber(String localAuthorityId) {
    return versions.findFirstByLocalAuthorityIdOrderByNumberDesc(localAuthorityId).map(AtlasVersion::getNumber).orElse(0);
  }

  /** The versions validated by collectivités (published by their updates) in [from, to), oldest first. */
  public List<Version> validatedBetween(Instant from, Instant to) {
    return describe(
        versions.findByUpdateIdIsNotNullAndPublishedAtGreaterThanEqualAndPublishedAtLessThanOrderByPublishedAt(from, to));
  }

  /** Every version of a collectivité's Atlas, the first one first. */
  public List<Version> versions(String localAuthorityId) {
    return describe(versions.findByLocalAuthorityIdOrderByNumber(localAuthorityId));
  }

  /** The Atlas as a version published it; version 0 is the empty Atlas before any publication. */
  public AtlasContent content(String localAuthorityId, int number) {
    if (number == 0) {
      return AtlasContent.EMPTY;
    }
    return versions.findByLocalAuthorityIdAndNumber(localAuthorityId, number)
        .map(version -> AtlasDocuments.read(version.getContent()))
        .orElseThrow(() -> new IllegalArgumentException("No version " + number + " of " + localAuthorityId));
  }

  /** Several versions, their updates read in one query. */
  private List<Version> describe(List<AtlasVersion> list) {
    Map<String, AtlasDraft> updates = drafts.findAllById(list.stream().map(AtlasVersion::getUpdateId)
        .filter(Objects::nonNull).toList()).stream().collect(Collectors.toMap(AtlasDraft::getId, draft -> draft));
    return list.stream().map(version -> describe(version,
        Optional.ofNullable(version.getUpdateId()).map(updates::get))).toList();
  }

  private Version describe(AtlasVersion version) {
    return describe(version, Optional.ofNullable(version.getUpdateId()).flatMap(drafts::findById));
  }

  private static Version describe(AtlasVersion version, Optional<AtlasDraft> update) {
    return new Version(version.getId(), version.getLocalAuthorityId(), version.getNumber(), version.getPublishedAt(),
        version.getPublishedBy(), version.getUpdateId(),
        update.map(AtlasDraft::getBaseVersion).orElse(version.getNumber() - 1),
        update.map(AtlasDraft::getStartedAt).orElse(null), update.map(AtlasDraft::getStartedBy).orElse(null));
  }
}
