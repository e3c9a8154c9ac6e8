package fr.gouv.cncd.atlas.web;

/**
 * What the request refers to existed but is no longer usable (expired or used link): answered 410.
 * {@code accountActive} says that the link was used to open an account that is active now: the page
 * then offers to log in, not a new request.
 */
public class GoneException extends RuntimeException {

  private final boolean accountActive;

  public GoneException(String detail) {
    this(detail, false);
  }

  public GoneException(String detail, boolean accountActive) {
    super(detail);
    this.accountActive = accountActive;
  }

  public boolean accountActive() {
    return accountActive;
  }
}
