package fr.gouv.cncd.atlas.notification;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renders French mails (HTML and text parts) from FreeMarker templates and hands them to the
 * delivery (SMTP, or the outbox folder of the embedded default). Each mail carries an idempotence
 * key; one already sent is skipped, so a retried step never sends twice.
 */
@Service
public class Mailer {

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);
  static final String PRODUCT = "Atlas CNCD";

  private final MailDelivery delivery;
  private final SentMailRepository sentMails;
  private final MailProperties properties;
  private final Configuration templates;
  private final JavaMailSenderImpl messageFactory = new JavaMailSenderImpl();
  private final TransactionTemplate ownTransaction;

  Mailer(MailDelivery delivery, SentMailRepository sentMails, MailProperties properties,
      PlatformTransactionManager transactionManager) {
    this.delivery = delivery;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.sentMails = sentMails;
    this.properties = properties;
    this.templates = new Configuration(Configuration.VERSION_2_3_32);
    templates.setClassForTemplateLoading(Mailer.class, "/templates/mail");
    templates.setDefaultEncoding("UTF-8");
    templates.setLocale(Locale.FRANCE);
    templates.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    templates.setLogTemplateExceptions(false);
    templates.setRecognizeStandardFileExtensions(true);
  }

  /** Whether a mail with this idempotence key was already sent. */
  public boolean wasSent(String key) {
    return sentMails.existsById(key);
  }

  /** Sends the mail unless a mail with the same key was already sent. */
  public void send(Mail mail) {
    if (sentMails.existsById(mail.key())) {
      log.info("Mail {} already sent: not sent again", mail.key());
      return;
    }
    Map<String, Object> model = new HashMap<>(mail.model());
    model.put("product", PRODUCT);
    model.put("subject", mail.subject());
    try {
      MimeMessage message = messageFactory.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(properties.from());
      helper.setTo(mail.to());
      helper.setSubject("[" + PRODUCT + "] " + mail.subject());
      helper.setText(render(mail.template() + ".txt.ftl", model), render(mail.template() + ".html.ftlh", model));
      for (Mail.Attachment attachment : mail.attachments()) {
        helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()), attachment.contentType());
      }
      message.setHeader("X-Atlas-Mail-Key", mail.key());
      delivery.deliver(message, mail);
    } catch (MessagingException e) {
      throw new MailNotSentException("Cannot build mail " + mail.key(), e);
    }
    record(mail);
  }

  /** Recorded in its own transaction: once delivered, a rollback of the caller must not resend it. */
  private void record(Mail mail) {
    ownTransaction.executeWithoutResult(
        status -> sentMails.save(new SentMail(mail.key(), mail.to(), mail.subject(), Instant.now())));
  }

  private String render(String template, Map<String, Object> model) {
    try (StringWriter out = new StringWriter()) {
      templates.getTemplate(template).process(model, out);
      return out.toString();
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException("Cannot render mail template " + template, e);
    }
  }
}
