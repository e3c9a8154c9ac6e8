package fr.gouv.cncd.atlas.atlas;

import fr.gouv.cncd.atlas.atlas.AtlasContent.NetworkMembership;
import fr.gouv.cncd.atlas.web.FieldMessage;
import java.time.Year;
import java.util.List;

/** A membership of step 5: a network of the referential, or one typed in; the year joined. */
final class NetworkMembershipValidator {

  static final String OTHER = "OTHER";

  private NetworkMembershipValidator() {}

  static List<FieldMessage> check(NetworkMembership m, AtlasReferentials referentials, Year thisYear) {
    FieldChecks checks = new FieldChecks();
    checks.required("networkCode", "Association ou réseau", m.networkCode());
    if (m.networkCode() != null && !OTHER.equals(m.networkCode()) && referentials.network(m.networkCode()).isEmpty()) {
      checks.add("networkCode", "Association ou réseau : inconnu du référentiel ; choisissez « Autre » et indiquez son nom.");
    }
    if (OTHER.equals(m.networkCode())) {
      checks.required("otherName", "Nom de l'association ou du réseau", m.otherName());
      checks.text("otherName", "Nom de l'association ou du réseau", m.otherName(), FieldChecks.SHORT_TEXT);
    }
    if (m.yearJoined() != null && (m.yearJoined() < 1900 || m.yearJoined() > thisYear.getValue())) {
      checks.add("yearJoined", "Année d'adhésion : entre 1900 et " + thisYear.getValue() + ".");
    }
    return checks.messages();
  }
}
