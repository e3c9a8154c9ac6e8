package fr.gouv.cncd.atlas.account;

/** Where an account request stands. */
public enum AccountRequestStatus {
  /** Waiting for the DAECT's review. */
  PENDING_REVIEW,
  /** Approved: the activation link was (or is being) sent. */
  APPROVED,
  /** Rejected by the DAECT, with a motive. */
  REJECTED,
  /** The requester confirmed the activation: the account exists. */
  ACTIVATED,
  /** The activation link expired before being used. */
  EXPIRED,
  /** An administrator ended the request's process (deleted or cancelled it in Cockpit or the API). */
  CANCELLED
}
