package fr.gouv.cncd.atlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {

  private static final String REQUIRED = "Le mot de passe est obligatoire.";
  private static final String TOO_SHORT = "Le mot de passe doit contenir au moins 12 caractères.";
  private static final String TOO_LONG = "Le mot de passe ne doit pas dépasser 128 caractères.";
  private static final String NO_UPPER = "Le mot de passe doit contenir au moins une lettre majuscule.";
  private static final String NO_LOWER = "Le mot de passe doit contenir au moins une lettre minuscule.";
  private static final String NO_DIGIT = "Le mot de passe doit contenir au moins un chiffre.";
  private static final String NO_SPECIAL =
      "Le mot de passe doit contenir au moins un caractère spécial (par exemple ! ? # - _ @).";
  private static final String PERSONAL =
      "Le mot de passe ne doit contenir ni votre identifiant ni votre nom ou prénom.";
  private static final String COMMON = "Ce mot de passe est trop courant : choisissez-en un moins prévisible.";

  /** Identifiant, last name and first name of the requester, as the account request page sends them. */
  private static final List<String> PERSON = List.of("mlefevre", "Lefèvre", "Maëlle");

  private static final String GOOD = "Vrai-Cheval7-Batterie";

  private final PasswordRules rules = new PasswordRules();

  @Test
  void acceptsAPasswordFollowingEveryRule() {
    assertThat(rules.check(GOOD, PERSON)).isEmpty();
    assertThat(rules.isCommon(GOOD)).isFalse();
  }

  @Test
  void requiresAPassword() {
    assertThat(rules.check(null, PERSON)).containsExactly(REQUIRED);
    assertThat(rules.check("", PERSON)).containsExactly(REQUIRED);
  }

  @Test
  void rejectsPasswordsShorterThanTwelveCharacters() {
    assertThat(rules.check("Vrai-Chev7x", PERSON)).containsExactly(TOO_SHORT);
    assertThat(rules.check("Vrai-Chev7xy", PERSON)).as("exactly 12 characters").isEmpty();
  }

  @Test
  void rejectsPasswordsLongerThan128Characters() {
    String longest = "Vrai-Cheval7-" + "b".repeat(PasswordRules.MAX_LENGTH - 13);
    assertThat(longest).hasSize(128);
    assertThat(rules.check(longest, PERSON)).isEmpty();
    assertThat(rules.check(longest + "b", PERSON)).containsExactly(TOO_LONG);
  }

  @Test
  void rejectsPasswordsWithoutUpperCaseLetters() {
    assertThat(rules.check("vrai-cheval7-batterie", PERSON)).containsExactly(NO_UPPER);
  }

  @Test
  void rejectsPasswordsWithoutLowerCaseLetters() {
    assertThat(rules.check("VRAI-CHEVAL7-BATTERIE", PERSON)).containsExactly(NO_LOWER);
  }

  @Test
  void rejectsPasswordsWithoutDigits() {
    assertThat(rules.check("Vrai-Cheval-Batterie", PERSON)).containsExactly(NO_DIGIT);
  }

  @Test
  void rejectsPasswordsWithoutSpecialCharacters() {
    assertThat(rules.check("VraiCheval7Batterie", PERSON)).containsExactly(NO_SPECIAL);
  }

  @Test
  void reportsEveryBrokenRuleAtOnce() {
    assertThat(rules.check("abc", PERSON)).containsExactly(TOO_SHORT, NO_UPPER, NO_DIGIT, NO_SPECIAL);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Cheval7-mlefevre!",  // identifiant
      "Cheval7-MLEFEVRE!",  // identifiant, other case
      "Cheval7-Lefèvre!",   // last name
      "Cheval7-LEFEVRE!",   // last name, without accent and in upper case
      "Cheval7-lefevre!",   // last name, without accent
      "Cheval7-Maelle!",    // first name, without diaeresis
      "Cheval7-MAËLLE!",    // first name, upper case with diaeresis
  })
  void rejectsPasswordsContainingTheIdentifiantOrTheNameWhateverTheCaseAndAccents(String password) {
    assertThat(rules.check(password, PERSON)).containsExactly(PERSONAL);
  }

  @Test
  void findsTheNameInAPasswordWithAccentsWhenTheNameHasNone() {
    assertThat(rules.check("Cheval7-Lefèvre!", List.of("mdurand", "Lefevre", "Maelle"))).containsExactly(PERSONAL);
  }

  @Test
  void checksEachPartOfACompoundName() {
    List<String> person = List.of("jp.martin-dupont", "Martin-Dupont", "Jean-Pierre");
    assertThat(rules.check("Cheval7-Dupont!", person)).containsExactly(PERSONAL);
    assertThat(rules.check("Cheval7-Pierre!", person)).containsExactly(PERSONAL);
  }

  @Test
  void ignoresMissingOrVeryShortPersonalData() {
    assertThat(rules.check(GOOD, Arrays.asList(null, "Li", "Bo"))).isEmpty();
    assertThat(rules.check(GOOD, List.of())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"azerty", "motdepasse", "password", "soleil", "bonjour"})
  void knowsTheMostCommonPasswords(String password) {
    assertThat(rules.isCommon(password)).isTrue();
    assertThat(rules.isCommon(password.toUpperCase())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Azerty123456!", "Motdepasse2026!", "!!Soleil2026", "2026-Bonjour-2026", "#Password#12"})
  void rejectsCommonPasswordsSurroundedByDigitsAndSymbols(String password) {
    assertThat(rules.isCommon(password)).isTrue();
    assertThat(rules.check(password, PERSON)).containsExactly(COMMON);
  }

  @Test
  void doesNotTakeAWordOfACommonPasswordForTheCommonPasswordItself() {
    assertThat(rules.isCommon("Azerty-Cheval7-Batterie")).isFalse();
    assertThat(rules.check("Soleil-Cheval7-Batterie", PERSON)).isEmpty();
  }
}
