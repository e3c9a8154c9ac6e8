package fr.gouv.cncd.atlas.web;

/** The request conflicts with existing data (identifiant taken...): answered 409 with the faulty field. */
public class ConflictException extends RuntimeException {

  private final FieldMessage error;

  public ConflictException(String field, String message) {
    super(message);
    this.error = new FieldMessage(field, message);
  }

  public FieldMessage error() {
    return error;
  }
}
