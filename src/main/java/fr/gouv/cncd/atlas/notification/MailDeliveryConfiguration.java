package fr.gouv.cncd.atlas.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * SMTP when {@code spring.mail.host} is set (Spring Boot then provides the JavaMailSender);
 * otherwise mails are written as .eml files to the outbox folder.
 */
@Configuration
class MailDeliveryConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MailDeliveryConfiguration.class);
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  @Bean
  MailDelivery mailDelivery(Environment environment, ObjectProvider<JavaMailSender> sender, MailProperties properties) {
    String host = environment.getProperty("spring.mail.host", "");
    if (!host.isBlank()) {
      JavaMailSender smtp = sender.getObject();
      log.info("Mails are sent through SMTP server {}", host);
      return (message, mail) -> {
        try {
          smtp.send(message);
        } catch (MailException e) {
          throw new MailNotSentException("SMTP delivery failed for mail " + mail.key(), e);
        }
      };
    }
    Path outbox = properties.outboxDir().toAbsolutePath().normalize();
    log.info("No SMTP host configured (spring.mail.host): mails are written to {}", outbox);
    return (message, mail) -> writeToOutbox(outbox, message, mail);
  }

  private static void writeToOutbox(Path outbox, MimeMessage message, Mail mail) {
    String name = LocalDateTime.now().format(FILE_TIME) + "-" + mail.template() + "-"
        + mail.key().replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
    try {
      Files.createDirectories(outbox);
      Path file = outbox.resolve(name);
      try (OutputStream out = Files.newOutputStream(file)) {
        message.writeTo(out);
      }
      log.info("Mail « {} » to {} written to {}", mail.subject(), mail.to(), file);
      for (String link : mail.loggableLinks()) {
        log.info("  link: {}", link);
      }
    } catch (IOException | MessagingException e) {
      throw new MailNotSentException("Cannot write mail " + mail.key() + " to the outbox " + outbox, e);
    }
  }
}
