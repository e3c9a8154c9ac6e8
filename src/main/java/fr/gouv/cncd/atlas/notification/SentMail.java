package fr.gouv.cncd.atlas.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mail already sent, by idempotence key: a retried step does not send it again. */
@Entity
@Table(name = "sent_mail")
class SentMail {

  @Id
  @Column(name = "mail_key")
  private String key;

  private String recipient;

  private String subject;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected SentMail() {}

  SentMail(String key, String recipient, String subject, Instant sentAt) {
    this.key = key;
    this.recipient = recipient;
    this.subject = subject;
    this.sentAt = sentAt;
  }
}
