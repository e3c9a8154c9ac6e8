package fr.gouv.cncd.atlas.monitoring;

import fr.gouv.cncd.atlas.atlas.AtlasReaders;
import fr.gouv.cncd.atlas.security.Groups;
import fr.gouv.cncd.atlas.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The process managers' figures, shown by Cockpit's « Suivi de l'Atlas » (a dashboard plugin), with
 * the Cockpit session or HTTP Basic: process managers and administrators only.
 */
@RestController
class MonitoringController {

  private static final Set<String> MONITORS = Set.of(Groups.PROCESS_MANAGERS, Groups.ADMINISTRATORS);

  private final Monitoring monitoring;
  private final AtlasReaders readers;

  MonitoringController(Monitoring monitoring, AtlasReaders readers) {
    this.monitoring = monitoring;
    this.readers = readers;
  }

  @GetMapping("/api/monitoring/summary")
  ResponseEntity<?> summary(HttpServletRequest request) {
    return refusal(request).orElseGet(() -> ok(monitoring.summary()));
  }

  @GetMapping("/api/monitoring/instances")
  ResponseEntity<?> search(@RequestParam(name = "q", required = false) String query, HttpServletRequest request) {
    Optional<ResponseEntity<?>> refusal = refusal(request);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    String text = query == null ? "" : query.strip();
    InvalidRequestException errors = new InvalidRequestException("La recherche n'est pas valide.");
    if (text.length() < 2) {
      errors.add("q", "Saisissez au moins 2 caractères du nom de la collectivité.");
    } else if (text.length() > 100) {
      errors.add("q", "La recherche ne doit pas dépasser 100 caractères.");
    }
    errors.throwIfAny();
    return ok(monitoring.search(text));
  }

  private static ResponseEntity<?> ok(Object body) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  private Optional<ResponseEntity<?>> refusal(HttpServletRequest request) {
    Optional<AtlasReaders.Reader> reader;
    try {
      reader = readers.of(request);
    } catch (AtlasReaders.BadCredentialsException e) {
      return Optional.of(unauthorized("Identifiant ou mot de passe incorrect."));
    }
    if (reader.isEmpty()) {
      return Optional.of(unauthorized("Connectez-vous à Cockpit (ou HTTP Basic) pour consulter le suivi des procédures."));
    }
    if (Collections.disjoint(reader.get().groups(), MONITORS)) {
      return Optional.of(problem(HttpStatus.FORBIDDEN, "Accès refusé",
          "Le suivi des procédures est réservé aux pilotes des processus et aux administrateurs."));
    }
    return Optional.empty();
  }

  private static ResponseEntity<?> unauthorized(String detail) {
    ResponseEntity<ProblemDetail> problem = problem(HttpStatus.UNAUTHORIZED, "Authentification requise", detail);
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Atlas CNCD\"")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
