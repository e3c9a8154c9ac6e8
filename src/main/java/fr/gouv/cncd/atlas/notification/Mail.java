package fr.gouv.cncd.atlas.notification;

import java.util.List;
import java.util.Map;

/**
 * A mail to send once.
 *
 * @param key idempotence key: a mail whose key was already sent is not sent again
 * @param to recipient address
 * @param subject French subject
 * @param template name of the FreeMarker templates under templates/mail ({@code <name>.html.ftlh}
 *     and {@code <name>.txt.ftl})
 * @param model values for the templates
 * @param loggableLinks links that may be written to the log in outbox mode; never a link that
 *     carries a secret (activation, password)
 * @param attachments files attached to the mail (PDF documents)
 */
public record Mail(String key, String to, String subject, String template, Map<String, Object> model,
    List<String> loggableLinks, List<Attachment> attachments) {

  /** A mail without attachments. */
  public Mail(String key, String to, String subject, String template, Map<String, Object> model,
      List<String> loggableLinks) {
    this(key, to, subject, template, model, loggableLinks, List.of());
  }

  public Mail {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** A file attached to a mail. */
  public record Attachment(String filename, String contentType, byte[] content) {}
}
