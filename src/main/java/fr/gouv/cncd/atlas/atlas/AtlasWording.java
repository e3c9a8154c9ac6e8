package fr.gouv.cncd.atlas.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Contact;
import fr.gouv.cncd.atlas.atlas.AtlasContent.NetworkMembership;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Project;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The French words of the Atlas as the forms and the documents show them: sections, fields, coded
 * values, amounts and dates. Display text stays here, at the edge; the domain keeps codes.
 */
@Component
public class AtlasWording {

  public static final Map<AtlasSection, String> SECTIONS = Map.of(
      AtlasSection.COORDINATES, "Coordonnées",
      AtlasSection.CONTACTS, "Élus et cadres",
      AtlasSection.NETWORKS, "Associations et réseaux",
      AtlasSection.COOPERATIONS, "Coopérations décentralisées",
      AtlasSection.EXTERNAL_ACTIONS, "Autres actions extérieures");

  public static final Map<String, String> FIELDS = Map.ofEntries(
      Map.entry("address", "Adresse"), Map.entry("postalCode", "Code postal"), Map.entry("town", "Commune"),
      Map.entry("phone", "Téléphone"), Map.entry("email", "Courriel"), Map.entry("website", "Site internet"),
      Map.entry("internationalService", "Service chargé de l'action internationale"),
      Map.entry("civility", "Civilité"), Map.entry("lastName", "Nom"), Map.entry("firstName", "Prénom"),
      Map.entry("function", "Fonction ou titre"), Map.entry("quality", "Qualité"), Map.entry("domains", "Domaines"),
      Map.entry("networkCode", "Association ou réseau"), Map.entry("otherName", "Nom (autre réseau)"),
      Map.entry("yearJoined", "Année d'adhésion"),
      Map.entry("status", "État"), Map.entry("reference", "N°"), Map.entry("kind", "Type de projet"),
      Map.entry("country", "Pays"), Map.entry("partnerAuthority", "Collectivité partenaire"),
      Map.entry("partnerLevel", "Niveau du partenaire"), Map.entry("otherPartners", "Autres partenaires"),
      Map.entry("title", "Titre"), Map.entry("description", "Description"), Map.entry("themes", "Thématiques"),
      Map.entry("sdgs", "ODD"), Map.entry("startDate", "Date de début"), Map.entry("endDate", "Date de fin"),
      Map.entry("ongoing", "En cours"), Map.entry("agreementType", "Type de convention"),
      Map.entry("signatureDate", "Date de signature"), Map.entry("agreementEnd", "Échéance ou renouvellement"),
      Map.entry("actionNature", "Nature de l'action"), Map.entry("totalBudget", "Budget total"),
      Map.entry("ownShare", "Part de la collectivité"), Map.entry("cofundingMeae", "Cofinancement du MEAE"),
      Map.entry("cofundingEu", "Cofinancement de l'Union européenne"), Map.entry("cofundingAfd", "Cofinancement de l'AFD"),
      Map.entry("cofundingOther", "Autres cofinancements"), Map.entry("otherCofunders", "Autres cofinanceurs"));

  public static final Map<String, String> CODES = Map.ofEntries(
      Map.entry("MME", "Mme"), Map.entry("M", "M."),
      Map.entry("ELECTED", "Élu(e)"), Map.entry("OFFICER", "Cadre territorial"),
      Map.entry("INTERNATIONAL_RELATIONS", "Relations internationales"), Map.entry("EUROPEAN_AFFAIRS", "Affaires européennes"),
      Map.entry("DECENTRALIZED_COOPERATION", "Coopération décentralisée"),
      Map.entry("ACTIVE", "Actif"), Map.entry("ARCHIVED", "Archivé"),
      Map.entry("REGION", "Région ou État fédéré"), Map.entry("INTERMEDIATE", "Province, département ou comté"),
      Map.entry("MUNICIPALITY", "Municipalité ou commune"), Map.entry("INTERMUNICIPAL", "Intercommunalité"),
      Map.entry("CONVENTION", "Convention de coopération"), Map.entry("TWINNING", "Jumelage"),
      Map.entry("AGREEMENT", "Accord de coopération"), Map.entry("FRIENDSHIP_PACT", "Pacte d'amitié"),
      Map.entry("HUMANITARIAN_AID", "Aide humanitaire ou d'urgence"), Map.entry("PUNCTUAL_PROJECT", "Projet ponctuel"),
      Map.entry("EXPERTISE", "Mission d'expertise"), Map.entry("EXCHANGE", "Échange (scolaire, culturel, sportif)"),
      Map.entry("PROMOTION", "Promotion économique ou attractivité"), Map.entry("OTHER", "Autre"));

  /** The natures of an autre action extérieure, as the sheet offers them. */
  public static final List<String> ACTION_NATURES = List.of("HUMANITARIAN_AID", "PUNCTUAL_PROJECT", "EXPERTISE", "EXCHANGE",
      "PROMOTION", "OTHER");

  public static final Map<AtlasChange.Kind, String> KINDS = Map.of(
      AtlasChange.Kind.ADDED, "Ajouté", AtlasChange.Kind.MODIFIED, "Modifié", AtlasChange.Kind.ARCHIVED, "Archivé",
      AtlasChange.Kind.RESTORED, "Restauré", AtlasChange.Kind.DELETED, "Supprimé");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final AtlasReferentials referentials;

  AtlasWording(AtlasReferentials referentials) {
    this.referentials = referentials;
  }

  public String code(String code) {
    return code == null ? "" : CODES.getOrDefault(code, code);
  }

  public String country(String code) {
    return code == null ? "" : referentials.country(code).map(c -> c.name()).orElse(code);
  }

  public String theme(String code) {
    return referentials.theme(code).map(CatalogueEntry::label).orElse(code);
  }

  public String sdg(String code) {
    return referentials.sdg(code).map(CatalogueEntry::label).orElse(code);
  }

  public String network(NetworkMembership membership) {
    if (membership.networkCode() == null || "OTHER".equals(membership.networkCode())) {
      return membership.otherName() == null ? "" : membership.otherName();
    }
    return referentials.network(membership.networkCode()).map(CatalogueEntry::label).orElse(membership.networkCode());
  }

  public String contactName(Contact contact) {
    return (code(contact.civility() == null ? null : contact.civility().name()) + " "
        + nullToEmpty(contact.firstName()) + " " + nullToEmpty(contact.lastName())).strip();
  }

  public String project(Project project) {
    return "N° " + project.reference() + " — " + nullToEmpty(project.title());
  }

  public static String euros(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ') + " €";
  }

  public static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  /** The item a change is about, as users name it. */
  public String item(AtlasChange change) {
    Object item = change.item();
    if (item instanceof Contact contact) {
      return contactName(contact);
    }
    if (item instanceof NetworkMembership membership) {
      return network(membership);
    }
    if (item instanceof Project project) {
      return project(project);
    }
    return SECTIONS.get(change.section());
  }

  public String field(String field) {
    return field == null ? "" : FIELDS.getOrDefault(field, field);
  }

  /** A stored value as the forms show it: coded values, countries, themes in French; amounts and dates formatted. */
  public String value(String field, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "—";
    }
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(element -> parts.add(single(field, element)));
      return parts.isEmpty() ? "—" : String.join(", ", parts);
    }
    String text = single(field, value);
    return text.isEmpty() ? "—" : text;
  }

  private String single(String field, JsonNode value) {
    if (value.isBoolean()) {
      return value.booleanValue() ? "oui" : "non";
    }
    if (value.isNumber()) {
      return field.startsWith("cofunding") || field.equals("totalBudget") || field.equals("ownShare")
          ? euros(value.decimalValue()) : value.asText();
    }
    String text = value.asText();
    return switch (field) {
      case "country" -> country(text);
      case "themes" -> theme(text);
      case "sdgs" -> sdg(text);
      case "networkCode" -> referentials.network(text).map(CatalogueEntry::label).orElse(code(text));
      case "startDate", "endDate", "signatureDate", "agreementEnd" -> date(LocalDate.parse(text));
      case "civility", "quality", "domains", "status", "partnerLevel", "agreementType", "actionNature" -> code(text);
      default -> text;
    };
  }

  public String themes(List<String> codes) {
    return codes.stream().map(this::theme).collect(Collectors.joining(", "));
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
