package fr.gouv.cncd.atlas.notification;

import jakarta.mail.internet.MimeMessage;

/** Where mails go: a real SMTP server, or the outbox folder of the embedded default. */
interface MailDelivery {

  void deliver(MimeMessage message, Mail mail);
}
