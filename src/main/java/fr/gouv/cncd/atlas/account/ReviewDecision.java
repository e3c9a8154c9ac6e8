package fr.gouv.cncd.atlas.account;

/**
 * The DAECT's decision on a request.
 *
 * @param outcome what the validator chose
 * @param rejectionMotive required when rejecting
 * @param chosenLocalAuthorityId for an unlisted collectivité found in the referential after all
 * @param additionConfirmed the validator ticked the confirmation that adding the collectivité to the
 *     referential is meant (it cannot be undone from the teleprocedure)
 */
public record ReviewDecision(Outcome outcome, String rejectionMotive, String chosenLocalAuthorityId,
    boolean additionConfirmed) {

  public enum Outcome {
    /** Approve (the collectivité is the one chosen by the requester). */
    APPROVE,
    /** Unlisted collectivité: it was in the referential after all; attach the request to that entry. */
    ATTACH_TO_EXISTING,
    /** Unlisted collectivité: add it to the referential, then approve. */
    ADD_TO_REFERENTIAL,
    /** Reject, with a motive. */
    REJECT
  }
}
