package fr.gouv.cncd.atlas.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A request whose fields are invalid: answered 400 {@code application/problem+json} with one French
 * message per field. Collect every error before throwing, so the user sees them all at once.
 */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldMessage> errors = new ArrayList<>();

  public InvalidRequestException(String detail) {
    super(detail);
  }

  public InvalidRequestException add(String field, String message) {
    errors.add(new FieldMessage(field, message));
    return this;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public List<FieldMessage> errors() {
    return List.copyOf(errors);
  }

  public void throwIfAny() {
    if (hasErrors()) {
      throw this;
    }
  }
}
