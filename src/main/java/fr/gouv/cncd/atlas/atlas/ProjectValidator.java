package fr.gouv.cncd.atlas.atlas;

import fr.gouv.cncd.atlas.atlas.AtlasContent.Project;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectKind;
import fr.gouv.cncd.atlas.web.FieldMessage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A project sheet, in the guide's four sub-sections, each with its mandatory fields: Partenaire
 * (country, partner authority), Projet (title, description, themes, start date, end date unless
 * ongoing), Cadre (a coopération's agreement and signature date, an action's nature), Financement
 * (total budget and the collectivité's share, share and co-fundings within the budget).
 */
final class ProjectValidator {

  static final Set<String> PARTNER_LEVELS = Set.of("REGION", "INTERMEDIATE", "MUNICIPALITY", "INTERMUNICIPAL", "OTHER");
  static final Set<String> AGREEMENT_TYPES = Set.of("CONVENTION", "TWINNING", "AGREEMENT", "FRIENDSHIP_PACT");
  static final Set<String> ACTION_NATURES = Set.of("HUMANITARIAN_AID", "PUNCTUAL_PROJECT", "EXPERTISE", "EXCHANGE",
      "PROMOTION", "OTHER");

  private ProjectValidator() {}

  static List<FieldMessage> check(Project p, AtlasReferentials referentials) {
    FieldChecks checks = new FieldChecks();
    // Partenaire
    checks.required("country", "Partenaire — Pays", p.country());
    if (p.country() != null && referentials.partnerCountries().stream().noneMatch(c -> c.code().equals(p.country()))) {
      checks.add("country", "Partenaire — Pays : pays inconnu ; choisissez-le dans la liste.");
    }
    if (p.kind() == ProjectKind.COOPERATION) {
      // A coopération décentralisée is an agreement between two local authorities.
      checks.required("partnerAuthority", "Partenaire — Collectivité partenaire", p.partnerAuthority());
      checks.required("partnerLevel", "Partenaire — Niveau de la collectivité partenaire", p.partnerLevel());
    }
    checks.text("partnerAuthority", "Partenaire — Collectivité partenaire", p.partnerAuthority(), FieldChecks.SHORT_TEXT);
    if (p.partnerLevel() != null && !PARTNER_LEVELS.contains(p.partnerLevel())) {
      checks.add("partnerLevel", "Partenaire — Niveau de la collectivité partenaire : choisissez-le dans la liste.");
    }
    checks.text("otherPartners", "Partenaire — Autres partenaires", p.otherPartners(), FieldChecks.LONG_TEXT);
    // Projet
    checks.required("title", "Projet — Titre", p.title());
    checks.text("title", "Projet — Titre", p.title(), FieldChecks.SHORT_TEXT);
    checks.required("description", "Projet — Description", p.description());
    checks.text("description", "Projet — Description", p.description(), FieldChecks.LONG_TEXT);
    checks.required("themes", "Projet — Thématiques", p.themes());
    for (String theme : p.themes()) {
      if (referentials.theme(theme).isEmpty()) {
        checks.add("themes", "Projet — Thématiques : « " + theme + " » n'est pas une thématique du référentiel.");
      }
    }
    for (String sdg : p.sdgs()) {
      if (referentials.sdg(sdg).isEmpty()) {
        checks.add("sdgs", "Projet — ODD : « " + sdg + " » n'est pas un objectif de développement durable.");
      }
    }
    checks.required("startDate", "Projet — Date de début", p.startDate());
    if (!p.ongoing()) {
      checks.required("endDate", "Projet — Date de fin (ou cochez « En cours »)", p.endDate());
    }
    if (p.startDate() != null && p.endDate() != null && !p.ongoing() && p.endDate().isBefore(p.startDate())) {
      checks.add("endDate", "Projet — Date de fin : postérieure ou égale à la date de début.");
    }
    // Cadre
    if (p.kind() == ProjectKind.COOPERATION) {
      checks.required("agreementType", "Cadre — Type de convention", p.agreementType());
      if (p.agreementType() != null && !AGREEMENT_TYPES.contains(p.agreementType())) {
        checks.add("agreementType", "Cadre — Type de convention : choisissez-le dans la liste.");
      }
      checks.required("signatureDate", "Cadre — Date de signature", p.signatureDate());
      if (p.signatureDate() != null && p.agreementEnd() != null && p.agreementEnd().isBefore(p.signatureDate())) {
        checks.add("agreementEnd", "Cadre — Échéance ou renouvellement : postérieure à la date de signature.");
      }
    } else {
      checks.required("actionNature", "Cadre — Nature de l'action", p.actionNature());
      if (p.actionNature() != null && !ACTION_NATURES.contains(p.actionNature())) {
        checks.add("actionNature", "Cadre — Nature de l'action : choisissez-la dans la liste.");
      }
    }
    // Financement
    checks.required("totalBudget", "Financement — Budget total", p.totalBudget());
    checks.amount("totalBudget", "Financement — Budget total", p.totalBudget());
    checks.required("ownShare", "Financement — Part de la collectivité", p.ownShare());
    checks.amount("ownShare", "Financement — Part de la collectivité", p.ownShare());
    checks.amount("cofundingMeae", "Financement — Cofinancement du MEAE", p.cofundingMeae());
    checks.amount("cofundingEu", "Financement — Cofinancement de l'Union européenne", p.cofundingEu());
    checks.amount("cofundingAfd", "Financement — Cofinancement de l'AFD", p.cofundingAfd());
    checks.amount("cofundingOther", "Financement — Autres cofinancements", p.cofundingOther());
    checks.text("otherCofunders", "Financement — Autres cofinanceurs", p.otherCofunders(), FieldChecks.SHORT_TEXT);
    if (p.totalBudget() != null && p.ownShare() != null && p.ownShare().compareTo(p.totalBudget()) > 0) {
      checks.add("ownShare", "Financement — Part de la collectivité : au plus le budget total.");
    }
    if (p.totalBudget() != null) {
      BigDecimal funded = sum(p.ownShare(), p.cofundingMeae(), p.cofundingEu(), p.cofundingAfd(), p.cofundingOther());
      if (funded.compareTo(p.totalBudget()) > 0) {
        checks.add("totalBudget", "Financement — Budget total : inférieur à la somme de la part de la collectivité"
            + " et des cofinancements (" + funded.toPlainString() + " €).");
      }
    }
    if (p.cofundingOther() != null && p.cofundingOther().signum() > 0) {
      checks.required("otherCofunders", "Financement — Autres cofinanceurs (nommez-les)", p.otherCofunders());
    }
    return checks.messages();
  }

  private static BigDecimal sum(BigDecimal... amounts) {
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal amount : amounts) {
      if (amount != null && amount.signum() > 0) {
        total = total.add(amount);
      }
    }
    return total;
  }
}
