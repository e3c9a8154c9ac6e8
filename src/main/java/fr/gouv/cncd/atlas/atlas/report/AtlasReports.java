package fr.gouv.cncd.atlas.atlas.report;

import fr.gouv.cncd.atlas.web.FrenchDates;
import fr.gouv.cncd.atlas.atlas.AtlasChange;
import fr.gouv.cncd.atlas.atlas.AtlasComparison;
import fr.gouv.cncd.atlas.atlas.AtlasContent;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Contact;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Coordinates;
import fr.gouv.cncd.atlas.atlas.AtlasContent.NetworkMembership;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Project;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectKind;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectStatus;
import fr.gouv.cncd.atlas.atlas.AtlasHistory;
import fr.gouv.cncd.atlas.atlas.AtlasSection;
import fr.gouv.cncd.atlas.atlas.AtlasWording;
import fr.gouv.cncd.atlas.atlas.report.AtlasDocument.Kind;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.referential.LocalAuthority;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The compte-rendu of an update (« télécharger un compte-rendu de vos dernières mises à jour au
 * format PDF »): who, when, which version, what the update changed section by section and field by
 * field, then the whole Atlas as published. Written once per version, after its publication, and
 * kept with it (with its SHA-256) so that it can be downloaded again, identical.
 */
@Service
public class AtlasReports {

  private static final Logger log = LoggerFactory.getLogger(AtlasReports.class);
  private static final List<AtlasSection> SECTIONS = List.of(AtlasSection.values());

  private final AtlasHistory history;
  private final AtlasDocumentRepository documents;
  private final LocalAuthorities authorities;
  private final AtlasWording wording;
  private final ReportTemplates templates;
  private final PdfRenderer renderer;
  private final Clock clock;

  AtlasReports(AtlasHistory history, AtlasDocumentRepository documents, LocalAuthorities authorities,
      AtlasWording wording, ReportTemplates templates, PdfRenderer renderer, Clock clock) {
    this.history = history;
    this.documents = documents;
    this.authorities = authorities;
    this.wording = wording;
    this.templates = templates;
    this.renderer = renderer;
    this.clock = clock;
  }

  /**
   * Writes the compte-rendu of the version an update published; does nothing when it exists
   * already (a retried job). {@code names} gives a user's name as documents show it.
   */
  @Transactional
  public void writeReport(String updateId, UnaryOperator<String> names) {
    AtlasHistory.Version version = history.publishedBy(updateId)
        .orElseThrow(() -> new IllegalStateException("Update " + updateId + " has published no version"));
    if (documents.existsByVersionIdAndKind(version.id(), Kind.REPORT)) {
      log.info("Compte-rendu of version {} of {} exists already", version.number(), version.localAuthorityId());
      return;
    }
    long start = System.nanoTime();
    byte[] pdf = renderer.render(reportXhtml(version, names));
    documents.saveAndFlush(new AtlasDocument(version.id(), Kind.REPORT, pdf, clock.instant(), null));
    log.info("Compte-rendu of version {} of {} written: {} bytes in {} ms", version.number(),
        version.localAuthorityId(), pdf.length, (System.nanoTime() - start) / 1_000_000);
  }

  /** The compte-rendu of a version, when it was written. */
  @Transactional(readOnly = true)
  public Optional<AtlasDocument> report(String localAuthorityId, int number) {
    return history.version(localAuthorityId, number)
        .flatMap(version -> documents.findByVersionIdAndKind(version.id(), Kind.REPORT));
  }

  /** The documents written for each of these versions (by version id), without reading them. */
  @Transactional(readOnly = true)
  public Map<String, Set<Kind>> documentsOf(List<AtlasHistory.Version> versions) {
    Map<String, Set<Kind>> written = new HashMap<>();
    documents.findByVersionIdIn(versions.stream().map(AtlasHistory.Version::id).toList()).forEach(document ->
        written.computeIfAbsent(document.getVersionId(), id -> EnumSet.noneOf(Kind.class))
            .add(document.getKind()));
    return written;
  }

  /** The compte-rendu of the version an update published, when it was written. */
  @Transactional(readOnly = true)
  public Optional<AtlasDocument> reportOfUpdate(String updateId) {
    return history.publishedBy(updateId).flatMap(version -> documents.findByVersionIdAndKind(version.id(), Kind.REPORT));
  }

  /** The XHTML the compte-rendu is rendered from. */
  String reportXhtml(AtlasHistory.Version version, UnaryOperator<String> names) {
    LocalAuthority authority = authorities.find(version.localAuthorityId())
        .orElseThrow(() -> new IllegalStateException("Unknown collectivité " + version.localAuthorityId()));
    AtlasContent before = history.content(version.localAuthorityId(), version.baseVersion());
    AtlasContent published = history.content(version.localAuthorityId(), version.number());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("authority", authority(authority));
    model.put("version", version.number());
    model.put("baseVersion", version.baseVersion());
    model.put("startedAt", version.updateStartedAt() == null ? null : FrenchDates.dayAndTime(version.updateStartedAt()));
    model.put("startedBy", version.updateStartedBy() == null ? null : names.apply(version.updateStartedBy()));
    model.put("publishedAt", FrenchDates.dayAndTime(version.publishedAt()));
    model.put("publishedBy", names.apply(version.publishedBy()));
    model.put("generatedAt", FrenchDates.dayAndTime(clock.instant()));
    model.put("sections", changes(AtlasComparison.compare(before, published)));
    model.put("coordinates", coordinates(published.coordinates()));
    model.put("contacts", published.contacts().stream().map(this::contact).toList());
    model.put("networks", published.networks().stream().map(this::network).toList());
    model.put("projects", published.projects().stream().filter(p -> p.status() == ProjectStatus.ACTIVE)
        .map(this::project).toList());
    model.put("archivedProjects", published.projects().stream().filter(p -> p.status() == ProjectStatus.ARCHIVED).count());
    return templates.render("compte-rendu.ftlx", model);
  }

  private Map<String, Object> authority(LocalAuthority authority) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", authority.getName());
    view.put("type", authority.getTypeLabel());
    view.put("department", authority.getDepartmentCode() == null ? null
        : authority.getDepartmentCode() + " " + authorities.departmentName(authority.getDepartmentCode()).orElse(""));
    view.put("code", authority.getCode());
    view.put("label", authorities.label(authority));
    return view;
  }

  private List<Map<String, Object>> changes(List<AtlasChange> changes) {
    List<Map<String, Object>> sections = new ArrayList<>();
    for (AtlasSection section : SECTIONS) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (AtlasChange change : changes) {
        if (change.section() != section) {
          continue;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("item", wording.item(change));
        row.put("kind", AtlasWording.KINDS.get(change.kind()));
        boolean field = change.field() != null;
        row.put("field", field ? wording.field(change.field()) : "");
        row.put("before", field ? wording.value(change.field(), change.before()) : "");
        row.put("after", field ? wording.value(change.field(), change.after()) : "");
        rows.add(row);
      }
      sections.add(Map.of("name", AtlasWording.SECTIONS.get(section), "changes", rows));
    }
    return sections;
  }

  private List<Map<String, String>> coordinates(Coordinates coordinates) {
    List<Map<String, String>> lines = new ArrayList<>();
    line(lines, "address", coordinates.address());
    line(lines, "postalCode", coordinates.postalCode());
    line(lines, "town", coordinates.town());
    line(lines, "phone", coordinates.phone());
    line(lines, "email", coordinates.email());
    line(lines, "website", coordinates.website());
    line(lines, "internationalService", coordinates.internationalService());
    return lines;
  }

  private void line(List<Map<String, String>> lines, String field, String value) {
    lines.add(Map.of("label", wording.field(field), "value", value == null || value.isBlank() ? "—" : value));
  }

  private Map<String, String> contact(Contact contact) {
    return Map.of("name", wording.contactName(contact), "function", orDash(contact.function()),
        "quality", wording.code(contact.quality() == null ? null : contact.quality().name()),
        "email", orDash(contact.email()), "phone", orDash(contact.phone()));
  }

  private Map<String, String> network(NetworkMembership membership) {
    return Map.of("name", wording.network(membership),
        "year", membership.yearJoined() == null ? "—" : membership.yearJoined().toString());
  }

  private Map<String, String> project(Project project) {
    String dates = AtlasWording.date(project.startDate()) + (project.ongoing() ? " – en cours"
        : project.endDate() == null ? "" : " – " + AtlasWording.date(project.endDate()));
    return Map.of("reference", String.valueOf(project.reference()),
        "kind", project.kind() == ProjectKind.COOPERATION ? "Coopération décentralisée" : "Autre action extérieure",
        "title", orDash(project.title()), "country", wording.country(project.country()),
        "partner", orDash(project.partnerAuthority()), "themes", wording.themes(project.themes()), "dates", dates);
  }

  private static String orDash(String text) {
    return text == null || text.isBlank() ? "—" : text;
  }
}
