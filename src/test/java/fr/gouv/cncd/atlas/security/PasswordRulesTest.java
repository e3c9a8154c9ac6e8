package fr.gouv.cncd.atlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
  private static final String HIDDEN = "Le mot de passe contient un caractère invisible ou de contrôle (espace"
      + " insécable, caractère de mise en forme…) : n'utilisez que des caractères visibles et l'espace ordinaire.";
  private static final String DECOMPOSED = "Le mot de passe contient une lettre accentuée sous une forme décomposée :"
      + " saisissez-le à nouveau au clavier.";
  private static final String GUESSABLE = "Ce mot de passe est trop facile à deviner : ";

  /** Identifiant, last name and first name of the requester, as the account request page sends them. */
  private static final List<String> PERSON = List.of("mlefevre", "Lefèvre", "Maëlle");

  private static final String GOOD = "Vrai-Cheval7-Batterie";

  // Loading the common passwords and the estimator's dictionaries takes a while: once for the class.
  private static final PasswordRules rules = new PasswordRules();

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

  // Characters nobody types on purpose

  static Stream<Arguments> passwordsWithHiddenCharacters() {
    return Stream.of(
        Arguments.of("NUL padding", GOOD + "\u0000\u0000"),
        Arguments.of("NUL inside", "Vrai-Cheval7\u0000Batterie"),
        Arguments.of("non-breaking spaces", "\u00A0" + GOOD + "\u00A0"),
        Arguments.of("narrow non-breaking space", "Vrai\u202FCheval7-Batterie"),
        Arguments.of("ideographic space", "Vrai\u3000Cheval7-Batterie"),
        Arguments.of("tab", "Vrai\tCheval7-Batterie"),
        Arguments.of("line break", GOOD + "\n"),
        Arguments.of("right-to-left override", "Vrai-\u202ECheval7-Batterie"),
        Arguments.of("first strong isolate", "Vrai-\u2068Cheval7-Batterie"),
        Arguments.of("zero-width space", "Vrai-\u200BCheval7-Batterie"),
        Arguments.of("zero-width joiner", "Vrai-\u200DCheval7-Batterie"),
        Arguments.of("byte order mark", "\uFEFF" + GOOD),
        Arguments.of("soft hyphen", "Vrai\u00ADCheval7-Batterie"),
        Arguments.of("private use", "Vrai-\uE000Cheval7-Batterie"),
        Arguments.of("line separator", "Vrai\u2028Cheval7-Batterie"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("passwordsWithHiddenCharacters")
  void refusesControlFormatAndUnusualSpaceCharacters(String what, String password) {
    assertThat(rules.check(password, PERSON)).containsExactly(HIDDEN);
    assertThat(rules.hasAcceptableCharacters(password)).isFalse();
  }

  @Test
  void acceptsOrdinarySpacesAccentsAndOtherScripts() {
    assertThat(rules.check("Vrai cheval 7 batterie", PERSON)).as("ordinary spaces").isEmpty();
    assertThat(rules.check("Été-Forêt7-Crêpière", PERSON)).as("precomposed accents").isEmpty();
    assertThat(rules.check("Ζεστό-Νερό7-Λίμνη", PERSON)).as("Greek").isEmpty();
    assertThat(rules.hasAcceptableCharacters("Été-Forêt7-Crêpière")).isTrue();
  }

  @Test
  void refusesPasswordsNotInUnicodeNfcSoThatLoginComparesThemAsTyped() {
    String decomposed = "E\u0301te\u0301-Fore\u0302t7-Cre\u0302pie\u0300re";
    assertThat(decomposed).isNotEqualTo("Été-Forêt7-Crêpière");
    assertThat(rules.check(decomposed, PERSON)).containsExactly(DECOMPOSED);
    assertThat(rules.hasAcceptableCharacters(decomposed)).isFalse();
  }

  @Test
  void countsCharactersNotUtf16Units() {
    String elevenWithAnEmoji = "Vrai-Che7x\uD83D\uDE00";
    assertThat(elevenWithAnEmoji).hasSize(12);
    assertThat(rules.check(elevenWithAnEmoji, PERSON)).containsExactly(TOO_SHORT);
  }

  // Strength estimate

  @ParameterizedTest
  @ValueSource(strings = {
      "Aa1!Aa1!Aa1!",         // the example: a repetition
      "Abcd1234!Abcd",        // sequences and a repetition
      "Qsdfghjklm1!",         // AZERTY keyboard walk
      "Sup3rm@n2026",         // common password in l33t
      "Tr0ub4dour&3",         // dictionary word in l33t
      "Aaaaaaaaaaa1!",        // one letter repeated
      "Zaq12wsx!Xsw",         // QWERTY walk across rows, a known password
  })
  void refusesPasswordsThatFollowTheRulesButAreEasyToGuess(String password) {
    List<String> violations = rules.check(password, PERSON);
    assertThat(violations).hasSize(1);
    assertThat(violations.get(0)).startsWith(GUESSABLE).endsWith(
        "Allongez-le, par exemple avec trois ou quatre mots sans rapport entre eux, séparés par des caractères"
            + " spéciaux.");
    assertThat(rules.isHardToGuess(password, null)).isFalse();
  }

  @Test
  void explainsInFrenchWhatMakesThePasswordGuessable() {
    assertThat(rules.check("Aa1!Aa1!Aa1!", PERSON).get(0))
        .isEqualTo(GUESSABLE + "il répète plusieurs fois la même suite de caractères. Allongez-le, par exemple avec"
            + " trois ou quatre mots sans rapport entre eux, séparés par des caractères spéciaux.");
    assertThat(rules.check("Qsdfghjklm1!", PERSON).get(0)).contains("touches voisines sur le clavier");
    assertThat(rules.check("Sup3rm@n2026", PERSON).get(0))
        .contains("mot de passe très répandu, même avec des lettres remplacées par des chiffres ou des symboles");
  }

  @Test
  void weighsTheEmailAddressOfTheHolder() {
    PasswordRules.Holder holder = new PasswordRules.Holder("mlefevre", "Maëlle", "Lefèvre",
        "kerbrat.plouzane@mairie.example.fr");
    String built = "Kerbrat2026!";
    assertThat(rules.check(built, new PasswordRules.Holder("mlefevre", "Maëlle", "Lefèvre", null))).isEmpty();
    assertThat(rules.check(built, holder)).singleElement().asString()
        .startsWith(GUESSABLE + "il reprend votre identifiant, votre nom, votre prénom ou votre adresse électronique");
    assertThat(rules.isHardToGuess(built, holder)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Demo#Atlas-2026", "Coop#Bretagne-2026", "Jumelage#Rennes-Erlangen1", "Nouveau#Depart-2026",
      "Essai#Pilotage-2026", "Validation#Daect-2026", "Choisir#Un-Vrai-Mot-2026", "Vrai-Chev7xy"})
  void acceptsThePasswordsOfTheReadmeAndTheTests(String password) {
    assertThat(rules.check(password, PERSON)).isEmpty();
    assertThat(rules.isHardToGuess(password, null)).isTrue();
  }

  @Test
  void judgesStrengthOnlyOnceEveryListedRuleIsFollowed() {
    assertThat(rules.check("aaaaaaaaaaaa", PERSON)).containsExactly(NO_UPPER, NO_DIGIT, NO_SPECIAL);
  }
}
