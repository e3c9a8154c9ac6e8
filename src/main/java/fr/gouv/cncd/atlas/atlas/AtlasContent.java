package fr.gouv.cncd.atlas.atlas;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Atlas of one collectivité as a whole: what a version publishes and what a draft changes.
 * Immutable; every change gives a new content. Items keep their id across versions, which is
 * what a comparison of two contents matches them by.
 */
public record AtlasContent(Coordinates coordinates, List<Contact> contacts, List<NetworkMembership> networks,
    List<Project> projects) {

  public AtlasContent {
    coordinates = coordinates == null ? Coordinates.EMPTY : coordinates;
    contacts = contacts == null ? List.of() : List.copyOf(contacts);
    networks = networks == null ? List.of() : List.copyOf(networks);
    projects = projects == null ? List.of() : List.copyOf(projects);
  }

  public static final AtlasContent EMPTY = new AtlasContent(null, null, null, null);

  /** Coordonnées of the institution. */
  public record Coordinates(String address, String postalCode, String town, String phone, String email,
      String website, String internationalService) {
    public static final Coordinates EMPTY = new Coordinates(null, null, null, null, null, null, null);
  }

  /** Élu ou cadre territorial concerned by international action. */
  public record Contact(String id, Civility civility, String lastName, String firstName, String function,
      ContactQuality quality, String email, String phone, List<ContactDomain> domains) {
    public Contact {
      domains = domains == null ? List.of() : List.copyOf(domains);
    }
  }

  public enum Civility { MME, M }

  public enum ContactQuality { ELECTED, OFFICER }

  public enum ContactDomain { INTERNATIONAL_RELATIONS, EUROPEAN_AFFAIRS, DECENTRALIZED_COOPERATION }

  /** Membership of an association or network: one of the referential's, or typed in (OTHER). */
  public record NetworkMembership(String id, String networkCode, String otherName, Integer yearJoined) {}

  /**
   * A coopération décentralisée (with a convention) or an autre action extérieure, in the four
   * sub-sections of the guide's project sheet: partner, project, framework, funding.
   */
  public record Project(String id, ProjectKind kind, ProjectStatus status, Integer reference,
      // Partenaire
      String country, String partnerAuthority, String partnerLevel, String otherPartners,
      // Projet
      String title, String description, List<String> themes, List<String> sdgs, LocalDate startDate,
      LocalDate endDate, boolean ongoing,
      // Cadre: a coopération's agreement, an action's nature
      String agreementType, LocalDate signatureDate, LocalDate agreementEnd, String actionNature,
      // Financement
      BigDecimal totalBudget, BigDecimal ownShare, BigDecimal cofundingMeae, BigDecimal cofundingEu,
      BigDecimal cofundingAfd, BigDecimal cofundingOther, String otherCofunders) {

    public Project {
      themes = themes == null ? List.of() : List.copyOf(themes);
      sdgs = sdgs == null ? List.of() : List.copyOf(sdgs);
      status = status == null ? ProjectStatus.ACTIVE : status;
    }

    public Project withStatus(ProjectStatus newStatus) {
      return new Project(id, kind, newStatus, reference, country, partnerAuthority, partnerLevel, otherPartners,
          title, description, themes, sdgs, startDate, endDate, ongoing, agreementType, signatureDate,
          agreementEnd, actionNature, totalBudget, ownShare, cofundingMeae, cofundingEu, cofundingAfd,
          cofundingOther, otherCofunders);
    }

    public Project withIdentity(String newId, ProjectKind newKind, ProjectStatus newStatus, Integer newReference) {
      return new Project(newId, newKind, newStatus, newReference, country, partnerAuthority, partnerLevel,
          otherPartners, title, description, themes, sdgs, startDate, endDate, ongoing, agreementType,
          signatureDate, agreementEnd, actionNature, totalBudget, ownShare, cofundingMeae, cofundingEu,
          cofundingAfd, cofundingOther, otherCofunders);
    }
  }

  public enum ProjectKind { COOPERATION, EXTERNAL_ACTION }

  /** A project is archived, never silently deleted; an archived project can be restored. */
  public enum ProjectStatus { ACTIVE, ARCHIVED }

  public AtlasContent withCoordinates(Coordinates newCoordinates) {
    return new AtlasContent(newCoordinates, contacts, networks, projects);
  }

  public AtlasContent withContacts(List<Contact> newContacts) {
    return new AtlasContent(coordinates, newContacts, networks, projects);
  }

  public AtlasContent withNetworks(List<NetworkMembership> newNetworks) {
    return new AtlasContent(coordinates, contacts, newNetworks, projects);
  }

  public AtlasContent withProjects(List<Project> newProjects) {
    return new AtlasContent(coordinates, contacts, networks, newProjects);
  }

  public Optional<Contact> contact(String id) {
    return contacts.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<NetworkMembership> network(String id) {
    return networks.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  public Optional<Project> project(String id) {
    return projects.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public List<Project> projects(ProjectKind kind) {
    return projects.stream().filter(p -> p.kind() == kind).toList();
  }

  /** The next free project number of the collectivité (N° shown in lists), never reused. */
  public int nextProjectReference() {
    return projects.stream().map(Project::reference).filter(r -> r != null).mapToInt(Integer::intValue).max()
        .orElse(0) + 1;
  }

  /** The list with the item of that id replaced (or added at the end when absent). */
  static <T> List<T> replacing(List<T> items, java.util.function.Function<T, String> id, T item) {
    List<T> result = new ArrayList<>();
    boolean replaced = false;
    for (T existing : items) {
      if (id.apply(existing).equals(id.apply(item))) {
        result.add(item);
        replaced = true;
      } else {
        result.add(existing);
      }
    }
    if (!replaced) {
      result.add(item);
    }
    return result;
  }
}
