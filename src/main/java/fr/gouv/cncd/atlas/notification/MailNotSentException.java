package fr.gouv.cncd.atlas.notification;

/** A mail could not be delivered; the calling step fails and is retried. */
public class MailNotSentException extends RuntimeException {

  public MailNotSentException(String message, Throwable cause) {
    super(message, cause);
  }
}
