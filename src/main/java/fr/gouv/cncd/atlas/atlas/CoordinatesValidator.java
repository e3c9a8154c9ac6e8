package fr.gouv.cncd.atlas.atlas;

import fr.gouv.cncd.atlas.atlas.AtlasContent.Coordinates;
import fr.gouv.cncd.atlas.web.FieldMessage;
import java.util.List;

/** Step 2 « Coordonnées »: address, postal code and town are required; the rest is checked when given. */
final class CoordinatesValidator {

  private CoordinatesValidator() {}

  static List<FieldMessage> check(Coordinates c) {
    FieldChecks checks = new FieldChecks();
    checks.required("address", "Adresse", c.address());
    checks.text("address", "Adresse", c.address(), 500);
    checks.required("postalCode", "Code postal", c.postalCode());
    checks.postalCode("postalCode", "Code postal", c.postalCode());
    checks.required("town", "Commune", c.town());
    checks.text("town", "Commune", c.town(), 100);
    checks.phone("phone", "Téléphone", c.phone());
    checks.email("email", "Courriel générique", c.email());
    checks.url("website", "Site internet", c.website());
    checks.text("internationalService", "Service chargé de l'action internationale", c.internationalService(),
        FieldChecks.SHORT_TEXT);
    return checks.messages();
  }
}
