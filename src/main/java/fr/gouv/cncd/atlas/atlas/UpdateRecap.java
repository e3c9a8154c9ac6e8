package fr.gouv.cncd.atlas.atlas;

import java.util.List;

/**
 * Step 8's recap: what the draft changes compared with the version it started from, and, when a
 * later version was published meanwhile, what that version changed (the draft must take it in
 * before it can be validated).
 */
public record UpdateRecap(List<AtlasChange> changes, PublishedAtlas published, int baseVersion,
    List<AtlasChange> publishedMeanwhile) {

  public boolean conflict() {
    return published.version() != baseVersion;
  }
}
