package fr.gouv.cncd.atlas.atlas;

import fr.gouv.cncd.atlas.web.FieldMessage;
import java.util.List;

/** What the user entered breaks a rule of the Atlas; each message names its field in French. */
public class InvalidAtlasDataException extends RuntimeException {

  private final List<FieldMessage> messages;

  public InvalidAtlasDataException(List<FieldMessage> messages) {
    super(messages.stream().map(FieldMessage::message).reduce((a, b) -> a + " " + b).orElse(""));
    this.messages = List.copyOf(messages);
  }

  public InvalidAtlasDataException(String field, String message) {
    this(List.of(new FieldMessage(field, message)));
  }

  public List<FieldMessage> messages() {
    return messages;
  }
}
