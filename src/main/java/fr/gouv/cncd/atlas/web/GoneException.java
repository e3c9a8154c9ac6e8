package fr.gouv.cncd.atlas.web;

/** What the request refers to existed but is no longer usable (expired or used link): answered 410. */
public class GoneException extends RuntimeException {

  public GoneException(String detail) {
    super(detail);
  }
}
