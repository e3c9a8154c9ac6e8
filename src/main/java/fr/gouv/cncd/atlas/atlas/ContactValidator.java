package fr.gouv.cncd.atlas.atlas;

import fr.gouv.cncd.atlas.atlas.AtlasContent.Contact;
import fr.gouv.cncd.atlas.security.PersonNames;
import fr.gouv.cncd.atlas.web.FieldMessage;
import java.util.List;

/** A contact of step 3 « Élus et cadres »: who, in which quality, how to reach them, for what. */
final class ContactValidator {

  private ContactValidator() {}

  static List<FieldMessage> check(Contact c) {
    FieldChecks checks = new FieldChecks();
    checks.required("civility", "Civilité", c.civility());
    checks.required("lastName", "Nom", c.lastName());
    if (c.lastName() != null && !c.lastName().isBlank()) {
      PersonNames.problem(PersonNames.Part.LAST_NAME, c.lastName())
          .ifPresent(problem -> checks.add("lastName", "Nom : nom invalide (lettres, espaces, apostrophes et traits d'union)."));
    }
    checks.required("firstName", "Prénom", c.firstName());
    if (c.firstName() != null && !c.firstName().isBlank()) {
      PersonNames.problem(PersonNames.Part.FIRST_NAME, c.firstName())
          .ifPresent(problem -> checks.add("firstName", "Prénom : prénom invalide (lettres, espaces, apostrophes et traits d'union)."));
    }
    checks.required("function", "Fonction ou titre", c.function());
    checks.text("function", "Fonction ou titre", c.function(), FieldChecks.SHORT_TEXT);
    checks.required("quality", "Qualité (élu ou cadre territorial)", c.quality());
    checks.required("email", "Courriel", c.email());
    checks.email("email", "Courriel", c.email());
    checks.phone("phone", "Téléphone", c.phone());
    checks.required("domains", "Domaines", c.domains());
    return checks.messages();
  }
}
