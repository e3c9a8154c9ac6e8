package fr.gouv.cncd.atlas.atlas.report;

import fr.gouv.cncd.atlas.atlas.AtlasHistory;
import fr.gouv.cncd.atlas.atlas.AtlasReaders;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.referential.LocalAuthority;
import fr.gouv.cncd.atlas.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The documents of the Atlas versions: the list of a collectivité's versions, each version's
 * compte-rendu (also by the update, process instance, that published it) and attestation. Readable by the
 * collectivité's agents, the DAECT, process managers and administrators, with HTTP Basic or the
 * webapps' session; anyone else gets 404, as for an address that does not exist (nobody learns
 * that an update exists), and an anonymous caller 401.
 */
@RestController
class DocumentController {

  private static final Set<String> READERS_OF_EVERY_ATLAS = Set.of(Groups.DAECT, Groups.PROCESS_MANAGERS,
      Groups.ADMINISTRATORS);

  private final AtlasReaders readers;
  private final LocalAuthorities authorities;
  private final AtlasHistory history;
  private final AtlasReports reports;
  private final AtlasUpdates updates;
  private final AtlasAttestations attestations;

  DocumentController(AtlasReaders readers, LocalAuthorities authorities, AtlasHistory history, AtlasReports reports,
      AtlasUpdates updates, AtlasAttestations attestations) {
    this.attestations = attestations;
    this.readers = readers;
    this.authorities = authorities;
    this.history = history;
    this.reports = reports;
    this.updates = updates;
  }

  /** One version as listed, with the addresses of its documents (null while not written). */
  record VersionView(int number, Instant publishedAt, String publishedBy, boolean byUpdate, String report,
      String attestation) {}

  @GetMapping("/api/local-authorities/{id}/atlas/versions")
  ResponseEntity<?> versions(@PathVariable String id, HttpServletRequest request) {
    Access access = access(request, id);
    if (access.refusal() != null) {
      return access.refusal();
    }
    String base = "/api/local-authorities/" + id + "/atlas/versions/";
    List<AtlasHistory.Version> all = history.versions(id);
    Map<String, Set<AtlasDocument.Kind>> written = reports.documentsOf(all);
    List<VersionView> versions = all.stream().map(v -> {
      Set<AtlasDocument.Kind> kinds = written.getOrDefault(v.id(), Set.of());
      return new VersionView(v.number(), v.publishedAt(), v.publishedBy(), v.updateId() != null,
          kinds.contains(AtlasDocument.Kind.REPORT) ? base + v.number() + "/report.pdf" : null,
          kinds.contains(AtlasDocument.Kind.ATTESTATION) ? base + v.number() + "/attestation.pdf" : null);
    }).toList();
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(versions);
  }

  @GetMapping("/api/local-authorities/{id}/atlas/versions/{number}/report.pdf")
  ResponseEntity<?> report(@PathVariable String id, @PathVariable int number, HttpServletRequest request,
      HttpServletResponse response) {
    return documentOfVersion(id, number, request, response, () -> reports.report(id, number), "Le compte-rendu");
  }

  @GetMapping("/api/local-authorities/{id}/atlas/versions/{number}/attestation.pdf")
  ResponseEntity<?> attestation(@PathVariable String id, @PathVariable int number, HttpServletRequest request,
      HttpServletResponse response) {
    return documentOfVersion(id, number, request, response, () -> attestations.attestation(id, number),
        "L'attestation");
  }

  /** A document of a version, for those who may read the collectivité's documents. */
  private ResponseEntity<?> documentOfVersion(String id, int number, HttpServletRequest request,
      HttpServletResponse response, java.util.function.Supplier<Optional<AtlasDocument>> document, String what) {
    Access access = access(request, id);
    if (access.refusal() != null) {
      return access.refusal();
    }
    if (history.version(id, number).isEmpty()) {
      return notFound();
    }
    return pdf(document.get(), what, access.authority(), number, response);
  }

  @GetMapping("/api/atlas-updates/{processInstanceId}/report.pdf")
  ResponseEntity<?> reportOfUpdate(@PathVariable String processInstanceId, HttpServletRequest request,
      HttpServletResponse response) {
    Optional<String> localAuthorityId = updates.localAuthorityOfProcess(processInstanceId);
    Access access = access(request, localAuthorityId.orElse(null));
    if (access.refusal() != null) {
      return access.refusal();
    }
    Optional<String> updateId = updates.updateOfProcess(processInstanceId);
    Optional<AtlasHistory.Version> version = updateId.flatMap(history::publishedBy);
    if (version.isEmpty()) {
      return problem(HttpStatus.NOT_FOUND, "Document introuvable",
          "Cette mise à jour n'a pas (encore) été publiée : son compte-rendu est établi après la publication.");
    }
    return pdf(reports.reportOfUpdate(updateId.get()), "Le compte-rendu", access.authority(), version.get().number(),
        response);
  }

  private record Access(LocalAuthority authority, ResponseEntity<?> refusal) {}

  /**
   * Who may read the documents of a collectivité: 401 without (valid) credentials, 404 for a
   * reader of another collectivité and for an unknown one, alike.
   */
  private Access access(HttpServletRequest request, String localAuthorityId) {
    Optional<AtlasReaders.Reader> reader;
    try {
      reader = readers.of(request);
    } catch (AtlasReaders.BadCredentialsException e) {
      return new Access(null, unauthorized("Identifiant ou mot de passe incorrect."));
    }
    if (reader.isEmpty()) {
      return new Access(null, unauthorized("Connectez-vous (Tasklist, ou HTTP Basic) pour obtenir ce document."));
    }
    Optional<LocalAuthority> authority = Optional.ofNullable(localAuthorityId).flatMap(authorities::find);
    Set<String> groups = reader.get().groups();
    boolean allowed = authority.isPresent() && (groups.contains(authority.get().groupId())
        || groups.stream().anyMatch(READERS_OF_EVERY_ATLAS::contains));
    return allowed ? new Access(authority.get(), null) : new Access(null, notFound());
  }

  private ResponseEntity<?> pdf(Optional<AtlasDocument> document, String what, LocalAuthority authority, int number,
      HttpServletResponse response) {
    if (document.isEmpty()) {
      return problem(HttpStatus.NOT_FOUND, "Document pas encore établi", what + " de la version " + number
          + " est établi juste après sa publication : réessayez dans un instant. Une version publiée hors d'une"
          + " mise à jour (par la DAECT) n'en a pas.");
    }
    // The application forces UTF-8 on its answers (server.servlet.encoding.force): a PDF has no charset.
    response.setCharacterEncoding((String) null);
    String file = document.get().getKind().fileName(authority.getName(), number);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file, java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .eTag("\"" + document.get().getSha256() + "\"")
        .header("X-Content-SHA256", document.get().getSha256())
        .cacheControl(CacheControl.noStore())
        .body(document.get().getContent());
  }

  private static ResponseEntity<?> notFound() {
    return problem(HttpStatus.NOT_FOUND, "Document introuvable", "Aucun document ne se trouve à cette adresse.");
  }

  private static ResponseEntity<?> unauthorized(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
    problem.setTitle("Authentification requise");
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Atlas CNCD\"")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
