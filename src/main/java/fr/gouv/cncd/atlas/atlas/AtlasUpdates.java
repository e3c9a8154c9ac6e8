package fr.gouv.cncd.atlas.atlas;

import fr.gouv.cncd.atlas.atlas.AtlasContent.Contact;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Coordinates;
import fr.gouv.cncd.atlas.atlas.AtlasContent.NetworkMembership;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Project;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectKind;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectStatus;
import fr.gouv.cncd.atlas.web.FieldMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Atlas update of a collectivité (mise à jour de l'Atlas): its draft from start to
 * validation. Every change is checked, then written to the draft only; the published Atlas
 * changes by {@link AtlasPublication} alone.
 */
@Service
@Transactional
public class AtlasUpdates {

  private final AtlasDraftRepository drafts;
  private final AtlasVersionRepository versions;
  private final AtlasReferentials referentials;
  private final Clock clock;

  AtlasUpdates(AtlasDraftRepository drafts, AtlasVersionRepository versions, AtlasReferentials referentials,
      Clock clock) {
    this.drafts = drafts;
    this.versions = versions;
    this.referentials = referentials;
    this.clock = clock;
  }

  /** Opens the draft of a new update on top of the published Atlas; refused while one runs. */
  public AtlasDraft start(String localAuthorityId, String startedBy) {
    drafts.findByOpenFor(localAuthorityId).ifPresent(running -> {
      throw new UpdateAlreadyRunningException(running);
    });
    PublishedAtlas published = published(localAuthorityId);
    AtlasDraft draft = new AtlasDraft(localAuthorityId, published.version(),
        AtlasDocuments.write(published.content()), startedBy, clock.instant());
    try {
      return drafts.saveAndFlush(draft);
    } catch (DataIntegrityViolationException e) {
      throw new UpdateAlreadyRunningException(null);
    }
  }

  public void attach(String draftId, String processInstanceId) {
    draft(draftId).attachTo(processInstanceId);
  }

  @Transactional(readOnly = true)
  public Optional<AtlasDraft> running(String localAuthorityId) {
    return drafts.findByOpenFor(localAuthorityId);
  }

  @Transactional(readOnly = true)
  public AtlasDraft draft(String draftId) {
    return drafts.findById(draftId).orElseThrow(() -> new IllegalArgumentException("No draft " + draftId));
  }

  /** The draft of an update's process: bound on the server when the process started, never taken from a form. */
  @Transactional(readOnly = true)
  public AtlasDraft draftOfProcess(String processInstanceId) {
    return drafts.findByProcessInstanceId(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No draft for process instance " + processInstanceId));
  }

  /** A user completed a step of the update, at {@code when}: its idle period starts again (reminders, abandon). */
  public void stepCompleted(String draftId, String by, Instant when) {
    draft(draftId).stepCompleted(by, when);
  }

  /** Updates being edited with no step completed since {@code before}, the longest idle first. */
  @Transactional(readOnly = true)
  public List<AtlasDraft> idleSince(Instant before) {
    return drafts.findByStatusAndLastActivityAtBeforeOrderByLastActivityAt(DraftStatus.OPEN, before);
  }

  /** The editor of an idle update was reminded of it. */
  public void reminded(String draftId, Instant now) {
    draft(draftId).reminded(now);
  }

  /** The collectivité of an update's process, when the process is an update (running or ended). */
  @Transactional(readOnly = true)
  public Optional<String> localAuthorityOfProcess(String processInstanceId) {
    return drafts.findByProcessInstanceId(processInstanceId).map(AtlasDraft::getLocalAuthorityId);
  }

  /** The update (draft) id of an update's process. */
  @Transactional(readOnly = true)
  public Optional<String> updateOfProcess(String processInstanceId) {
    return drafts.findByProcessInstanceId(processInstanceId).map(AtlasDraft::getId);
  }

  @Transactional(readOnly = true)
  public AtlasContent content(String draftId) {
    return AtlasDocuments.read(draft(draftId).getContent());
  }

  @Transactional(readOnly = true)
  public PublishedAtlas published(String localAuthorityId) {
    return versions.findFirstByLocalAuthorityIdOrderByNumberDesc(localAuthorityId).map(PublishedAtlas::of)
        .orElseGet(() -> PublishedAtlas.none(localAuthorityId));
  }

  public void saveCoordinates(String draftId, Coordinates typed, String by) {
    Coordinates coordinates = new Coordinates(FieldChecks.clean(typed.address()), FieldChecks.clean(typed.postalCode()),
        FieldChecks.clean(typed.town()), phone(typed.phone()), FieldChecks.clean(typed.email()),
        FieldChecks.clean(typed.website()), FieldChecks.clean(typed.internationalService()));
    refuseIfAny(CoordinatesValidator.check(coordinates));
    Editing editing = edit(draftId);
    editing.store(editing.content().withCoordinates(coordinates), by);
  }

  /** Adds (id null) or replaces a contact; returns its id. */
  public String saveContact(String draftId, Contact typed, String by) {
    Editing editing = edit(draftId);
    AtlasContent content = editing.content();
    String id = existingOrNew(typed.id(), content.contact(typed.id()).isPresent());
    Contact contact = new Contact(id, typed.civility(), FieldChecks.clean(typed.lastName()),
        FieldChecks.clean(typed.firstName()), FieldChecks.clean(typed.function()), typed.quality(),
        FieldChecks.clean(typed.email()), phone(typed.phone()), typed.domains());
    refuseIfAny(ContactValidator.check(contact));
    editing.store(content.withContacts(AtlasContent.replacing(content.contacts(), Contact::id, contact)), by);
    return id;
  }

  public void deleteContact(String draftId, String contactId, String by) {
    Editing editing = edit(draftId);
    AtlasContent content = editing.content();
    if (content.contact(contactId).isEmpty()) {
      throw new InvalidAtlasDataException("contactChoice", "Contact : choisissez un contact de la liste.");
    }
    editing.store(content.withContacts(content.contacts().stream().filter(x -> !x.id().equals(contactId)).toList()), by);
  }

  public String saveNetwork(String draftId, NetworkMembership typed, String by) {
    Editing editing = edit(draftId);
    AtlasContent content = editing.content();
    String id = existingOrNew(typed.id(), content.network(typed.id()).isPresent());
    boolean other = NetworkMembershipValidator.OTHER.equals(typed.networkCode());
    NetworkMembership membership = new NetworkMembership(id, FieldChecks.clean(typed.networkCode()),
        other ? FieldChecks.clean(typed.otherName()) : null, typed.yearJoined());
    refuseIfAny(NetworkMembershipValidator.check(membership, referentials, Year.now(clock)));
    boolean duplicate = content.networks().stream().anyMatch(n -> !n.id().equals(id) && !other
        && n.networkCode() != null && n.networkCode().equals(membership.networkCode()));
    if (duplicate) {
      throw new InvalidAtlasDataException("networkCode", "Association ou réseau : déjà dans la liste ; modifiez l'adhésion existante.");
    }
    editing.store(content.withNetworks(AtlasContent.replacing(content.networks(), NetworkMembership::id, membership)), by);
    return id;
  }

  public void deleteNetwork(String draftId, String membershipId, String by) {
    Editing editing = edit(draftId);
    AtlasContent content = editing.content();
    if (content.network(membershipId).isEmpty()) {
      throw new InvalidAtlasDataException("networkChoice", "Adhésion : choisissez une adhésion de la liste.");
    }
    editing.store(content.withNetworks(content.networks().stream().filter(x -> !x.id().equals(membershipId)).toList()), by);
  }

  /** Adds (id null) or replaces a project of the given kind; returns its id. */
  public String saveProject(String draftId, ProjectKind kind, Project typed, String by) {
    Editing editing = edit(draftId);
    AtlasContent content = editing.content();
    Optional<Project> existing = Optional.ofNullable(typed.id()).flatMap(content::project).filter(p -> p.kind() == kind);
    if (typed.id() != null && existing.isEmpty()) {
      throw new InvalidAtlasDataException("projectTitle", "Projet : ce projet n'existe plus dans le brouillon.");
    }
    String id = existing.map(Project::id).orElseGet(() -> UUID.randomUUID().toString());
    ProjectStatus status = existing.map(Project::status).orElse(ProjectStatus.ACTIVE);
    Integer reference = existing.map(Project::reference).orElse(content.nextProjectReference());
    boolean cooperation = kind == ProjectKind.COOPERATION;
    Project project = new Project(id, kind, status, reference, FieldChecks.clean(typed.country()),
        FieldChecks.clean(typed.partnerAuthority()), FieldChecks.clean(typed.partnerLevel()),
        FieldChecks.clean(typed.otherPartners()), FieldChecks.clean(typed.title()),
        FieldChecks.clean(typed.description()), typed.themes(), typed.sdgs(), typed.startDate(),
        typed.ongoing() ? null : typed.endDate(), typed.ongoing(),
        cooperation ? FieldChecks.clean(typed.agreementType()) : null, cooperation ? typed.signatureDate() : null,
        cooperation ? typed.agreementEnd() : null, cooperation ? null : FieldChecks.clean(typed.actionNature()),
        typed.totalBudget(), typed.ownShare(), typed.cofundingMeae(), typed.cofundingEu(), typed.cofundingAfd(),
        typed.cofundingOther(), FieldChecks.clean(typed.otherCofunders()));
    refuseIfAny(ProjectValidator.check(project, referentials));
    Project stored = new Project(id, kind, status, reference, project.country(), project.partnerAuthority(),
        project.partnerLevel(), project.otherPartners(), project.title(), project.description(),
        project.themes().stream().distinct().toList(), project.sdgs().stream().distinct().toList(),
        project.startDate(), project.endDate(), project.ongoing(), project.agreementType(), project.signatureDate(),
        project.agreementEnd(), project.actionNature(), FieldChecks.euros(project.totalBudget()),
        FieldChecks.euros(project.ownShare()), FieldChecks.euros(project.cofundingMeae()),
        FieldChecks.euros(project.cofundingEu()), FieldChecks.euros(project.cofundingAfd()),
        FieldChecks.euros(project.cofundingOther()), project.otherCofunders());
    editing.store(content.withProjects(AtlasContent.replacing(content.projects(), Project::id, stored)), by);
    return id;
  }

  /** Archives (or restores) a project: it stays in the Atlas, marked archived. */
  public void setProjectStatus(String draftId, ProjectKind kind, String projectId, ProjectStatus status, String by,
      String choiceField) {
    Editing editing = edit(draftId);
    AtlasContent content = editing.content();
    Project project = content.project(projectId).filter(p -> p.kind() == kind)
        .orElseThrow(() -> new InvalidAtlasDataException(choiceField, "Projet : choisissez un projet de la liste."));
    if (project.status() == status) {
      throw new InvalidAtlasDataException(choiceField, status == ProjectStatus.ARCHIVED
          ? "Projet : « " + project.title() + " » est déjà archivé."
          : "Projet : « " + project.title() + " » n'est pas archivé.");
    }
    editing.store(content.withProjects(AtlasContent.replacing(content.projects(), Project::id, project.withStatus(status))), by);
  }

  @Transactional(readOnly = true)
  public UpdateRecap recap(String draftId) {
    AtlasDraft draft = draft(draftId);
    AtlasContent content = AtlasDocuments.read(draft.getContent());
    PublishedAtlas published = published(draft.getLocalAuthorityId());
    AtlasContent base = version(draft.getLocalAuthorityId(), draft.getBaseVersion());
    List<AtlasChange> meanwhile = published.version() == draft.getBaseVersion() ? List.of()
        : AtlasComparison.compare(base, published.content());
    return new UpdateRecap(AtlasComparison.compare(base, content), published, draft.getBaseVersion(), meanwhile);
  }

  /** Takes into the draft what was published since it started (see AtlasMerge). */
  public void rebase(String draftId, String by) {
    AtlasDraft draft = draft(draftId);
    PublishedAtlas published = published(draft.getLocalAuthorityId());
    if (published.version() == draft.getBaseVersion()) {
      throw new InvalidAtlasDataException("validationChoice", "Validation : rien n'a été publié depuis le début de"
          + " votre mise à jour ; il n'y a rien à intégrer.");
    }
    AtlasContent base = version(draft.getLocalAuthorityId(), draft.getBaseVersion());
    AtlasContent merged = AtlasMerge.merge(base, AtlasDocuments.read(draft.getContent()), published.content());
    draft.rebase(published.version(), AtlasDocuments.write(merged), by, clock.instant());
  }

  /** « Valider la mise à jour »: the draft is final and goes to publication. */
  public void validate(String draftId, String by) {
    AtlasDraft draft = draft(draftId);
    if (published(draft.getLocalAuthorityId()).version() != draft.getBaseVersion()) {
      throw new InvalidAtlasDataException("validationChoice", "Validation : l'Atlas publié a changé depuis le début"
          + " de votre mise à jour ; choisissez d'abord « Intégrer à mon brouillon les changements publiés entre-temps ».");
    }
    draft.validate(by, clock.instant());
  }

  /** Abandoned by the user or its process cancelled: closes the draft, publishes nothing. */
  public void cancel(String draftId) {
    drafts.findById(draftId).ifPresent(draft -> draft.cancel(clock.instant()));
  }

  /** Closes the draft of a process that ends without publication (none when its start was refused). */
  public void cancelProcess(String processInstanceId) {
    drafts.findByProcessInstanceId(processInstanceId).ifPresent(draft -> draft.cancel(clock.instant()));
  }

  private AtlasContent version(String localAuthorityId, int number) {
    return number == 0 ? AtlasContent.EMPTY
        : versions.findByLocalAuthorityIdAndNumber(localAuthorityId, number)
            .map(v -> AtlasDocuments.read(v.getContent()))
            .orElseThrow(() -> new IllegalStateException("No version " + number + " of " + localAuthorityId));
  }

  /** A draft being changed: loaded and read once, written back once. */
  private Editing edit(String draftId) {
    AtlasDraft draft = draft(draftId);
    return new Editing(draft, AtlasDocuments.read(draft.getContent()));
  }

  private final class Editing {
    private final AtlasDraft draft;
    private final AtlasContent content;

    private Editing(AtlasDraft draft, AtlasContent content) {
      this.draft = draft;
      this.content = content;
    }

    AtlasContent content() {
      return content;
    }

    void store(AtlasContent changed, String by) {
      draft.change(AtlasDocuments.write(changed), by, clock.instant());
    }
  }

  private static String existingOrNew(String id, boolean exists) {
    if (id != null && !exists) {
      throw new InvalidAtlasDataException("sheetTitle", "Fiche : cet élément n'existe plus dans le brouillon.");
    }
    return id != null ? id : UUID.randomUUID().toString();
  }

  private static String phone(String typed) {
    return FieldChecks.clean(FieldChecks.normalizePhone(typed));
  }

  private static void refuseIfAny(List<FieldMessage> messages) {
    if (!messages.isEmpty()) {
      throw new InvalidAtlasDataException(messages);
    }
  }
}
