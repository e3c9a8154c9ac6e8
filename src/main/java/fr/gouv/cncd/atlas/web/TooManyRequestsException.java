package fr.gouv.cncd.atlas.web;

import java.time.Duration;

/**
 * Too many requests in too little time: answered 429 with a Retry-After header (in seconds) and a
 * French detail that ends with when to try again.
 */
public class TooManyRequestsException extends RuntimeException {

  private final String title;
  private final long retryAfterSeconds;

  /**
   * @param title French title, e.g. « Trop de demandes »
   * @param reason French sentence saying what was refused; « Réessayez dans … » is appended
   * @param retryAfter how long until the next request would be accepted
   */
  public TooManyRequestsException(String title, String reason, Duration retryAfter) {
    super(reason + " Réessayez dans " + inFrench(secondsRoundedUp(retryAfter)) + ".");
    this.title = title;
    this.retryAfterSeconds = secondsRoundedUp(retryAfter);
  }

  public String title() {
    return title;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  private static long secondsRoundedUp(Duration delay) {
    return Math.max(1, delay.toSeconds() + (delay.toNanosPart() > 0 ? 1 : 0));
  }

  /** « 1 minute », « 7 minutes », « 24 heures »: rounded up, so that trying again then succeeds. */
  static String inFrench(long seconds) {
    long minutes = (seconds + 59) / 60;
    if (minutes < 120) {
      return minutes + (minutes == 1 ? " minute" : " minutes");
    }
    return (minutes + 59) / 60 + " heures";
  }
}
