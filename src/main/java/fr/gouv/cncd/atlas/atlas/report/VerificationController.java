package fr.gouv.cncd.atlas.atlas.report;

import fr.gouv.cncd.atlas.web.FrenchDates;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.security.ClientAddress;
import fr.gouv.cncd.atlas.security.SlidingWindowLimiter;
import fr.gouv.cncd.atlas.web.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Public verification of an attestation « Atlas à jour » (the page /verification and
 * GET /api/attestations/{code}), and the public status of a collectivité's Atlas
 * (GET /api/local-authorities/{id}/atlas-status). Guesses are throttled per client address.
 */
@Controller
class VerificationController {

  private final AtlasAttestations attestations;
  private final AtlasStatuses statuses;
  private final LocalAuthorities authorities;
  private final SlidingWindowLimiter guesses;

  VerificationController(AtlasAttestations attestations, AtlasStatuses statuses, LocalAuthorities authorities,
      AttestationProperties properties, Clock clock) {
    this.attestations = attestations;
    this.statuses = statuses;
    this.authorities = authorities;
    this.guesses = new SlidingWindowLimiter(properties.verificationLimit(), 10_000, clock);
  }

  /** What the API says of a code. */
  record AttestationView(String code, String localAuthorityId, String localAuthorityName, int version,
      Instant publishedAt, boolean current, int currentVersion) {}

  /** The public status of a collectivité's Atlas. */
  record StatusView(String localAuthorityId, String localAuthorityName, boolean upToDate, String status,
      Integer lastValidatedVersion, Instant lastValidatedAt, LocalDate upToDateUntil, String rule) {}

  @GetMapping("/api/attestations/{code}")
  @ResponseBody
  ResponseEntity<AttestationView> attestation(@PathVariable String code) {
    throttle();
    AtlasAttestations.Verification verification = attestations.verify(code)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "Aucune attestation ne porte le code « " + code + " ». Vérifiez le code : douze lettres et chiffres,"
                + " par exemple ABCD-EFGH-JKMN."));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new AttestationView(verification.code(),
        verification.localAuthorityId(), verification.localAuthorityName(), verification.version(),
        verification.publishedAt(), verification.current(), verification.currentVersion()));
  }

  @GetMapping("/api/local-authorities/{id}/atlas-status")
  @ResponseBody
  StatusView status(@PathVariable String id) {
    var authority = authorities.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "Aucune collectivité ne porte l'identifiant « " + id + " »."));
    AtlasStatuses.Status status = statuses.of(id);
    return new StatusView(authority.getId(), authority.getName(), status.upToDate(), status.statusLabel(),
        status.lastValidatedVersion(), status.lastValidatedAt(), status.upToDateUntil(), status.rule());
  }

  @GetMapping("/verification")
  String page(@RequestParam(required = false) String code, Model model) {
    if (code == null || code.isBlank()) {
      return "verification";
    }
    model.addAttribute("typed", code.strip());
    Optional<Duration> wait = guesses.tryAcquire(String.valueOf(ClientAddress.current()));
    if (wait.isPresent()) {
      model.addAttribute("error", new TooManyRequestsException("Trop de vérifications",
          "Vous avez vérifié trop de codes en peu de temps.", wait.get()).getMessage());
      return "verification";
    }
    if (AtlasAttestations.canonical(code).isEmpty()) {
      model.addAttribute("error", "Ce code n'a pas la forme d'un code de vérification : douze lettres et chiffres,"
          + " par exemple ABCD-EFGH-JKMN (sans 0, O, 1, I ni L).");
      return "verification";
    }
    Optional<AtlasAttestations.Verification> verification = attestations.verify(code);
    if (verification.isEmpty()) {
      model.addAttribute("error", "Aucune attestation ne porte ce code. Vérifiez chaque caractère ; si le code est"
          + " exact, l'attestation n'a pas été délivrée par la téléprocédure Atlas CNCD.");
      return "verification";
    }
    AtlasAttestations.Verification found = verification.get();
    model.addAttribute("code", found.code());
    model.addAttribute("authority", found.localAuthorityLabel());
    model.addAttribute("version", found.version());
    model.addAttribute("publishedAt", FrenchDates.dayAndTime(found.publishedAt()));
    model.addAttribute("current", found.current());
    model.addAttribute("currentVersion", found.currentVersion());
    AtlasStatuses.Status status = statuses.of(found.localAuthorityId());
    model.addAttribute("upToDate", status.upToDate());
    model.addAttribute("statusLabel", status.statusLabel());
    model.addAttribute("upToDateUntil", status.upToDateUntil() == null ? null : FrenchDates.day(status.upToDateUntil()));
    model.addAttribute("rule", status.rule());
    return "verification";
  }

  private void throttle() {
    guesses.tryAcquire(String.valueOf(ClientAddress.current())).ifPresent(wait -> {
      throw new TooManyRequestsException("Trop de vérifications", "Vous avez vérifié trop de codes en peu de temps.",
          wait);
    });
  }
}
