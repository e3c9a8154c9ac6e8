package fr.gouv.cncd.atlas.atlas;

import fr.gouv.cncd.atlas.atlas.AtlasContent.Contact;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Coordinates;
import fr.gouv.cncd.atlas.atlas.AtlasContent.NetworkMembership;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Project;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectStatus;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.referential.LocalAuthority;
import fr.gouv.cncd.atlas.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The published Atlas of a collectivité: everything to its own agents, the DAECT and the
 * administrators; to anyone else its public part (coordonnées of the institution, networks,
 * active projects), without contacts or ODA declarations.
 */
@RestController
class AtlasController {

  private final AtlasUpdates updates;
  private final OdaDeclarations declarations;
  private final LocalAuthorities authorities;
  private final AtlasReaders readers;
  private final AtlasReferentials referentials;

  AtlasController(AtlasUpdates updates, OdaDeclarations declarations, LocalAuthorities authorities,
      AtlasReaders readers, AtlasReferentials referentials) {
    this.updates = updates;
    this.declarations = declarations;
    this.authorities = authorities;
    this.readers = readers;
    this.referentials = referentials;
  }

  /** One network membership as the Atlas publishes it. */
  record NetworkView(String code, String name, Integer yearJoined) {}

  /** One ODA declaration. */
  record OdaView(int year, java.math.BigDecimal amount, boolean zeroDeclaration, java.time.LocalDate declaredOn) {}

  /** The published Atlas; {@code complete} false when contacts and ODA are withheld. */
  record AtlasView(String localAuthorityId, String localAuthorityName, boolean complete, int version,
      Instant publishedAt, Coordinates coordinates, List<Contact> contacts, List<OdaView> odaDeclarations,
      List<NetworkView> networks, List<Project> projects) {}

  @GetMapping("/api/local-authorities/{id}/atlas")
  ResponseEntity<?> atlas(@PathVariable String id, HttpServletRequest request) {
    LocalAuthority authority = authorities.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "Aucune collectivité ne porte l'identifiant « " + id + " »."));
    boolean complete;
    try {
      complete = readers.of(request).map(reader -> reader.groups().contains(authority.groupId())
          || reader.groups().contains(Groups.DAECT) || reader.groups().contains(Groups.ADMINISTRATORS)).orElse(false);
    } catch (AtlasReaders.BadCredentialsException e) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
          "Identifiant ou mot de passe incorrect. Sans identifiants, seule la partie publique de l'Atlas est donnée.");
      problem.setTitle("Authentification refusée");
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Atlas CNCD\"")
          .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
    PublishedAtlas published = updates.published(authority.getId());
    AtlasContent content = published.content();
    List<NetworkView> networks = content.networks().stream().map(this::network).toList();
    List<Project> projects = complete ? content.projects()
        : content.projects().stream().filter(p -> p.status() == ProjectStatus.ACTIVE).toList();
    AtlasView view = new AtlasView(authority.getId(), authority.getName(), complete, published.version(),
        published.publishedAt(), content.coordinates(), complete ? content.contacts() : null,
        complete ? declarations.of(authority.getId()).stream()
            .map(d -> new OdaView(d.getYear(), d.getAmount(), d.isZeroDeclaration(), d.getDeclaredOn())).toList() : null,
        networks, projects);
    // Private answers must not be kept by shared caches.
    return ResponseEntity.ok().cacheControl(complete ? CacheControl.noStore() : CacheControl.noCache())
        .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION + ", " + HttpHeaders.COOKIE).body(view);
  }

  private NetworkView network(NetworkMembership membership) {
    String name = membership.networkCode() == null || NetworkMembershipValidator.OTHER.equals(membership.networkCode())
        ? membership.otherName()
        : referentials.network(membership.networkCode()).map(CatalogueEntry::label).orElse(membership.networkCode());
    return new NetworkView(membership.networkCode(), name, membership.yearJoined());
  }
}
