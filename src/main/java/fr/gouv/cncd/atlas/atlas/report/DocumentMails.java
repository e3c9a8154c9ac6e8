package fr.gouv.cncd.atlas.atlas.report;

import fr.gouv.cncd.atlas.atlas.AtlasHistory;
import fr.gouv.cncd.atlas.notification.Mail;
import fr.gouv.cncd.atlas.notification.Mailer;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.referential.LocalAuthority;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The mails about a published version: the receipt to whoever validated it, with its two documents. */
@Service
public class DocumentMails {

  private final AtlasHistory history;
  private final AtlasReports reports;
  private final AtlasAttestations attestations;
  private final LocalAuthorities authorities;
  private final Mailer mailer;
  private final String publicUrl;

  DocumentMails(AtlasHistory history, AtlasReports reports, AtlasAttestations attestations,
      LocalAuthorities authorities, Mailer mailer, @Value("${atlas.public-url}") String publicUrl) {
    this.history = history;
    this.reports = reports;
    this.attestations = attestations;
    this.authorities = authorities;
    this.mailer = mailer;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
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
    String base = DocumentController.slug(authority.getName()) + "-version-" + version.number() + ".pdf";
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("recipientName", recipientName);
    model.put("localAuthorityName", authority.getName());
    model.put("version", version.number());
    model.put("publishedAt", AtlasReports.when(version.publishedAt()));
    model.put("code", attestation.getVerificationCode());
    model.put("verificationUrl", publicUrl + "/verification");
    model.put("tasklistUrl", publicUrl + "/camunda/app/tasklist/");
    mailer.send(new Mail(mailKey, to, "Mise à jour de l'Atlas publiée : " + authority.getName(),
        "atlas-update-receipt", model, List.of(publicUrl + "/verification"), List.of(
            new Mail.Attachment("compte-rendu-atlas-" + base, "application/pdf", report.getContent()),
            new Mail.Attachment("attestation-atlas-" + base, "application/pdf", attestation.getContent()))));
  }
}
