package fr.gouv.cncd.atlas.account;

/** A review decision that cannot be applied; the message is French, for the validator. */
public class InvalidReviewException extends RuntimeException {

  public InvalidReviewException(String message) {
    super(message);
  }
}
