package fr.gouv.cncd.atlas.notification;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings.
 *
 * @param from sender of every mail
 * @param outboxDir where mails are written as .eml files when spring.mail.host is not set
 * @param daectAddress address of the DAECT, told when an account request is waiting
 */
@ConfigurationProperties("atlas.mail")
public record MailProperties(
    @DefaultValue("Atlas CNCD <ne-pas-repondre@atlas.cncd.fr>") String from,
    @DefaultValue("./data/outbox") Path outboxDir,
    @DefaultValue("daect@diplomatie.gouv.fr") String daectAddress) {}
