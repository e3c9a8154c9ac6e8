package fr.gouv.cncd.atlas.atlas.report;

import fr.gouv.cncd.atlas.web.FrenchDates;
import fr.gouv.cncd.atlas.security.PlatformProperties;
import fr.gouv.cncd.atlas.atlas.AtlasHistory;
import fr.gouv.cncd.atlas.atlas.report.AtlasDocument.Kind;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.referential.LocalAuthority;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attestation « Atlas à jour » of a published version: one page saying that the collectivité
 * updated its Atlas on that date, with a verification code that anyone (a co-financing instructor)
 * types on /verification to see the collectivité, the date and whether the version is still the
 * current one. The code is 12 characters drawn at random (SecureRandom) from 31 letters and digits
 * that cannot be mistaken for one another (no 0/O, 1/I/L), written in three groups: about 10^18
 * codes, so guessing one is hopeless, and guesses are throttled anyway.
 */
@Service
public class AtlasAttestations {

  private static final Logger log = LoggerFactory.getLogger(AtlasAttestations.class);
  static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final int GROUPS = 3;
  private static final int GROUP_LENGTH = 4;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a verification code proves. */
  public record Verification(String code, String localAuthorityId, String localAuthorityName, String localAuthorityLabel,
      int version, Instant publishedAt, boolean current, int currentVersion) {}

  private final AtlasHistory history;
  private final AtlasDocumentRepository documents;
  private final LocalAuthorities authorities;
  private final ReportTemplates templates;
  private final PdfRenderer renderer;
  private final Clock clock;
  private final String publicUrl;

  AtlasAttestations(AtlasHistory history, AtlasDocumentRepository documents, LocalAuthorities authorities,
      ReportTemplates templates, PdfRenderer renderer, Clock clock, PlatformProperties platform) {
    this.history = history;
    this.documents = documents;
    this.authorities = authorities;
    this.templates = templates;
    this.renderer = renderer;
    this.clock = clock;
    this.publicUrl = platform.publicUrl();
  }

  /** Writes the attestation of the version an update published; nothing when it exists (a retried job). */
  @Transactional
  public void writeAttestation(String updateId) {
    AtlasHistory.Version version = history.publishedBy(updateId)
        .orElseThrow(() -> new IllegalStateException("Update " + updateId + " has published no version"));
    if (documents.existsByVersionIdAndKind(version.id(), Kind.ATTESTATION)) {
      return;
    }
    String code = newCode();
    LocalAuthority authority = authorities.find(version.localAuthorityId())
        .orElseThrow(() -> new IllegalStateException("Unknown collectivité " + version.localAuthorityId()));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("authorityName", authority.getName());
    model.put("authorityLabel", authorities.label(authority));
    model.put("version", version.number());
    model.put("publishedAt", FrenchDates.dayAndTime(version.publishedAt()));
    model.put("code", code);
    model.put("verificationUrl", publicUrl + "/verification");
    model.put("issuedAt", FrenchDates.dayAndTime(clock.instant()));
    byte[] pdf = renderer.render(templates.render("attestation.ftlx", model));
    documents.saveAndFlush(new AtlasDocument(version.id(), Kind.ATTESTATION, pdf, clock.instant(), code));
    log.info("Attestation of version {} of {} written", version.number(), version.localAuthorityId());
  }

  @Transactional(readOnly = true)
  public Optional<AtlasDocument> attestation(String localAuthorityId, int number) {
    return history.version(localAuthorityId, number)
        .flatMap(version -> documents.findByVersionIdAndKind(version.id(), Kind.ATTESTATION));
  }

  /** What a typed code proves; empty when no attestation bears it. Spaces, dashes and case do not matter. */
  @Transactional(readOnly = true)
  public Optional<Verification> verify(String typed) {
    Optional<String> code = canonical(typed);
    if (code.isEmpty()) {
      return Optional.empty();
    }
    return documents.findByVerificationCode(code.get()).flatMap(document -> history.byId(document.getVersionId()))
        .map(version -> {
          LocalAuthority authority = authorities.find(version.localAuthorityId()).orElseThrow();
          int current = history.currentNumber(version.localAuthorityId());
          return new Verification(code.get(), authority.getId(), authority.getName(), authorities.label(authority),
              version.number(), version.publishedAt(), current == version.number(), current);
        });
  }

  /** « ABCD-EFGH-JKMN » from what was typed, or empty when it cannot be a code. */
  static Optional<String> canonical(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-‐‑–—.]", "");
    if (compact.length() != GROUPS * GROUP_LENGTH || !compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      return Optional.empty();
    }
    StringBuilder code = new StringBuilder();
    for (int group = 0; group < GROUPS; group++) {
      if (group > 0) {
        code.append('-');
      }
      code.append(compact, group * GROUP_LENGTH, (group + 1) * GROUP_LENGTH);
    }
    return Optional.of(code.toString());
  }

  private String newCode() {
    while (true) {
      StringBuilder compact = new StringBuilder();
      for (int i = 0; i < GROUPS * GROUP_LENGTH; i++) {
        compact.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      String code = canonical(compact.toString()).orElseThrow();
      if (documents.findByVerificationCode(code).isEmpty()) {
        return code;
      }
    }
  }
}
