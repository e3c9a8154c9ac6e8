package fr.gouv.cncd.atlas.atlas;

/** States of an update's draft: open while the user works, then published or closed without publication. */
public enum DraftStatus {
  /** The user works on it (steps 1 to 8). */
  OPEN,
  /** « Valider » was chosen: the publication job runs; the draft no longer changes. */
  VALIDATED,
  /** Its content is the collectivité's published version {@code publishedVersion}. */
  PUBLISHED,
  /** Abandoned by the user, or its process cancelled: nothing was published. */
  CANCELLED
}
