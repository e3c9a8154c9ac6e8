package fr.gouv.cncd.atlas.atlas.report;

import fr.gouv.cncd.atlas.security.PlatformProperties;
import fr.gouv.cncd.atlas.web.FrenchDates;
import fr.gouv.cncd.atlas.atlas.AtlasHistory;
import fr.gouv.cncd.atlas.notification.Mail;
import fr.gouv.cncd.atlas.notification.MailProperties;
import fr.gouv.cncd.atlas.notification.Mailer;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.referential.LocalAuthority;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails about published versions: the receipt to whoever validated one, with its two
 * documents, and the DAECT's daily digest of the day's validations.
 */
@Service
public class DocumentMails {

  private final AtlasHistory history;
  private final AtlasReports reports;
  private final AtlasAttestations attestations;
  private final LocalAuthorities authorities;
  private final Mailer mailer;
  private final String publicUrl;
  private final AttestationProperties properties;
  private final String daectAddress;

  DocumentMails(AtlasHistory history, AtlasReports reports, AtlasAttestations attestations,
      LocalAuthorities authorities, Mailer mailer, PlatformProperties platform,
      AttestationProperties properties, MailProperties mail) {
    this.properties = properties;
    this.daectAddress = mail.daectAddress();
    this.history = history;
    this.reports = reports;
    this.attestations = attestations;
    this.authorities = authorities;
    this.mailer = mailer;
    this.publicUrl = platform.publicUrl();
  }

  /**
   * One mail a day to the DAECT with the updates validated that day (Paris time), not one per
   * update: thousands arrive during a yearly campaign. Nothing is sent on a day without any, nor
   * when atlas.attestation.daect-daily-digest is false; sent once per day.
   */
  @Transactional(readOnly = true)
  public int sendDaectDigest(java.time.LocalDate day) {
    if (!properties.daectDailyDigest()) {
      return 0;
    }
    java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
    List<AtlasHistory.Version> validated = history.validatedBetween(day.atStartOfDay(paris).toInstant(),
        day.plusDays(1).atStartOfDay(paris).toInstant());
    if (validated.isEmpty()) {
      return 0;
    }
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (AtlasHistory.Version version : validated) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("localAuthority", authorities.find(version.localAuthorityId()).map(authorities::label)
          .orElse(version.localAuthorityId()));
      row.put("version", version.number());
      row.put("publishedAt", FrenchDates.dayAndTime(version.publishedAt()));
      row.put("publishedBy", version.publishedBy());
      row.put("report", publicUrl + "/api/local-authorities/" + version.localAuthorityId() + "/atlas/versions/"
          + version.number() + "/report.pdf");
      rows.add(row);
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("day", FrenchDates.weekdayAndDay(day));
    model.put("count", rows.size());
    model.put("updates", rows);
    model.put("cockpitUrl", publicUrl + "/camunda/app/cockpit/");
    mailer.send(new Mail("daect-digest:" + day, daectAddress, rows.size() == 1
        ? "1 mise à jour de l'Atlas validée le " + model.get("day")
        : rows.size() + " mises à jour de l'Atlas validées le " + model.get("day"),
        "daect-daily-digest", model, List.of(publicUrl + "/camunda/app/cockpit/")));
    return rows.size();
  }

  private static Mail.Attachment attachment(AtlasDocument document, LocalAuthority authority, int version) {
    return new Mail.Attachment(document.getKind().fileName(authority.getName(), version), "application/pdf",
        document.getContent());
  }

  /**
   * The receipt of a validated update, to the agent who validated it, with the compte-rendu and the
   * attestation attached; sent once per mail key.
   */
  @Transactional(readOnly = true)
  public void sendReceipt(String updateId, String to, String recipientName, String mailKey) {
    AtlasHistory.Version version = history.publishedBy(updateId)
        .orElseThrow(() -> new IllegalStateException("Update " + updateId + " has published no version"));
    LocalAuthority authority = authorities.find(version.localAuthorityId()).orElseThrow();
    AtlasDocument report = reports.report(version.localAuthorityId(), version.number())
        .orElseThrow(() -> new IllegalStateException("No compte-rendu for version " + version.number()));
    AtlasDocument attestation = attestations.attestation(version.localAuthorityId(), version.number())
        .orElseThrow(() -> new IllegalStateException("No attestation for version " + version.number()));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("recipientName", recipientName);
    model.put("localAuthorityName", authority.getName());
    model.put("version", version.number());
    model.put("publishedAt", FrenchDates.dayAndTime(version.publishedAt()));
    model.put("code", attestation.getVerificationCode());
    model.put("verificationUrl", publicUrl + "/verification");
    model.put("tasklistUrl", publicUrl + "/camunda/app/tasklist/");
    mailer.send(new Mail(mailKey, to, "Mise à jour de l'Atlas publiée : " + authority.getName(),
        "atlas-update-receipt", model, List.of(publicUrl + "/verification"), List.of(
            attachment(report, authority, version.number()), attachment(attestation, authority, version.number()))));
  }
}
