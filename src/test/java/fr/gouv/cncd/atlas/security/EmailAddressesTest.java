package fr.gouv.cncd.atlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

  private static final String INVALID =
      "Indiquez une adresse électronique valide, par exemple prenom.nom@mairie-exemple.fr.";

  @ParameterizedTest
  @ValueSource(strings = {"prenom.nom@mairie-exemple.fr", "jean_dupont+atlas@rennes.example.fr", "a@b.co",
      "contact@xn--cte-darmor-b1a.fr"})
  void acceptsOrdinaryAddresses(String address) {
    assertThat(EmailAddresses.problem(address)).as(address).isEmpty();
    assertThat(EmailAddresses.isValid(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pas-une-adresse", "jean@", "@rennes.fr", "jean@rennes", "jean..dupont@rennes.fr",
      ".jean@rennes.fr", "jean.@rennes.fr", "jean dupont@rennes.fr", "jean@-rennes.fr", "jean@rennes.fr.",
      "jean@côtes-d'armor.fr", "j\u0435an@rennes.fr", "jean\u200B@rennes.fr", "jean@rennes.fr\u0000",
      "jean\u00A0@rennes.fr", "anne@saint-brieuc.f", "anne@saint-brieuc.123", "anne@saint-brieuc.f1"})
  void refusesMalformedNonAsciiOrHiddenCharacterAddresses(String address) {
    assertThat(EmailAddresses.problem(address)).as(address).contains(INVALID);
  }

  @Test
  void boundsTheLengths() {
    String local64 = "a".repeat(64);
    assertThat(EmailAddresses.isValid(local64 + "@rennes.fr")).isTrue();
    assertThat(EmailAddresses.isValid(local64 + "a@rennes.fr")).isFalse();
    String domain = ("a".repeat(60) + ".").repeat(4) + "fr";
    assertThat("jean@" + domain).hasSize(251);
    assertThat(EmailAddresses.isValid("jean@" + domain)).isTrue();
    assertThat(EmailAddresses.isValid("jean@" + "abcd" + domain)).as("255 characters").isFalse();
  }

  @Test
  void requiresAnAddressAndIgnoresSpacesAround() {
    assertThat(EmailAddresses.problem(null)).contains("Indiquez votre adresse électronique.");
    assertThat(EmailAddresses.problem("  ")).contains("Indiquez votre adresse électronique.");
    assertThat(EmailAddresses.problem(" prenom.nom@rennes.fr ")).isEmpty();
    assertThat(EmailAddresses.normalize(" prenom.nom@rennes.fr ")).isEqualTo("prenom.nom@rennes.fr");
  }
}
