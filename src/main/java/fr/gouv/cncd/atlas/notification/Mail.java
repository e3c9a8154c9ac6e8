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
 */
public record Mail(String key, String to, String subject, String template, Map<String, Object> model,
    List<String> loggableLinks) {}
