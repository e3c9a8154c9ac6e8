package fr.gouv.cncd.atlas.atlas;

import java.time.Instant;

/** The published Atlas of a collectivité: its latest version (number 0 and empty content when none). */
public record PublishedAtlas(String localAuthorityId, int version, Instant publishedAt, String publishedBy,
    AtlasContent content) {

  static PublishedAtlas of(AtlasVersion version) {
    return new PublishedAtlas(version.getLocalAuthorityId(), version.getNumber(), version.getPublishedAt(),
        version.getPublishedBy(), AtlasDocuments.read(version.getContent()));
  }

  static PublishedAtlas none(String localAuthorityId) {
    return new PublishedAtlas(localAuthorityId, 0, null, null, AtlasContent.EMPTY);
  }
}
