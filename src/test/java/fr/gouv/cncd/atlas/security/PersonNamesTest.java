package fr.gouv.cncd.atlas.security;

import static fr.gouv.cncd.atlas.security.PersonNames.Part.FIRST_NAME;
import static fr.gouv.cncd.atlas.security.PersonNames.Part.LAST_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNamesTest {

  private static final String SHAPE = "Indiquez votre nom (lettres, espaces, tirets et apostrophes, 100 caractères au plus).";
  private static final String HIDDEN = "Votre nom contient un caractère invisible ou de mise en forme (espace insécable,"
      + " caractère de contrôle…) : saisissez-le à nouveau au clavier.";
  private static final String MIXED = "Votre nom mélange des alphabets différents (par exemple des lettres latines et"
      + " cyrilliques) : écrivez-le dans un seul alphabet.";

  @ParameterizedTest
  @ValueSource(strings = {"Dupont", "Le Bihan", "N'Diaye", "D’Artagnan", "Martin-Dupont", "St. Clair", "Lefèvre",
      "Müller", "Ø", "Иванов", "Παπαδόπουλος", "محمد", "山田", "やまだ花子", "김민준", "O’Neill-Ó Súilleabháin"})
  void acceptsNamesOfOneScriptWithSpacesApostrophesHyphensAndDots(String name) {
    assertThat(PersonNames.problem(LAST_NAME, name)).as(name).isEmpty();
  }

  @Test
  void aFullNameIsMadeOfTheKnownPartsNeverOfNull() {
    assertThat(PersonNames.fullName("Marie", "Dupont")).isEqualTo("Marie Dupont");
    assertThat(PersonNames.fullName(null, "Dupont")).isEqualTo("Dupont");
    assertThat(PersonNames.fullName(null, null)).isEmpty();
    assertThat(PersonNames.fullName(" ", "")).isEmpty();
  }

  @Test
  void refusesALatinNameWithACyrillicLetter() {
    String withCyrillicO = "Dup\u043Ent";
    assertThat(withCyrillicO).isNotEqualTo("Dupont");
    assertThat(PersonNames.problem(LAST_NAME, withCyrillicO)).contains(MIXED);
    assertThat(PersonNames.problem(LAST_NAME, "Jean Иванов")).contains(MIXED);
    assertThat(PersonNames.problem(LAST_NAME, "Greco\u03B1")).as("Greek alpha").contains(MIXED);
    assertThat(PersonNames.problem(LAST_NAME, "Yamada山田")).as("Latin with Han").contains(MIXED);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Dupont\u202E",         // right-to-left override
      "\u2066Dupont\u2069",   // left-to-right isolate
      "Du\u200Bpont",         // zero-width space
      "Du\u200Dpont",         // zero-width joiner
      "Du\u00ADpont",         // soft hyphen
      "Le\u00A0Bihan",        // non-breaking space
      "Dupont\u0000",         // NUL
      "Du\tpont",             // tab
      "Du\npont",             // line break
  })
  void refusesControlFormatAndUnusualSpaceCharacters(String name) {
    assertThat(PersonNames.problem(LAST_NAME, name)).contains(HIDDEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "Dupont2", "-Dupont", "'Dupont", "Du@pont", "Dupont;", "Du_pont", "<b>"})
  void refusesDigitsSymbolsAndNamesNotStartingWithALetter(String name) {
    assertThat(PersonNames.problem(LAST_NAME, name)).contains(SHAPE);
  }

  @Test
  void requiresOneToOneHundredCharacters() {
    assertThat(PersonNames.problem(LAST_NAME, null)).contains("Indiquez votre nom.");
    assertThat(PersonNames.problem(FIRST_NAME, "   ")).contains("Indiquez votre prénom.");
    assertThat(PersonNames.problem(FIRST_NAME, "A")).isEmpty();
    assertThat(PersonNames.problem(LAST_NAME, "A".repeat(100))).isEmpty();
    assertThat(PersonNames.problem(LAST_NAME, "A".repeat(101))).contains("Votre nom ne doit pas dépasser 100 caractères.");
    assertThat(PersonNames.problem(LAST_NAME, "\uD801\uDC00".repeat(100))).as("100 Deseret letters, 200 chars")
        .isEmpty();
  }

  @Test
  void wordsTheMessagesForTheFirstName() {
    assertThat(PersonNames.problem(FIRST_NAME, "Mar\u0456e")).contains("Votre prénom mélange des alphabets différents"
        + " (par exemple des lettres latines et cyrilliques) : écrivez-le dans un seul alphabet.");
    assertThat(PersonNames.problem(FIRST_NAME, "Jean2"))
        .contains("Indiquez votre prénom (lettres, espaces, tirets et apostrophes, 100 caractères au plus).");
  }

  @Test
  void checksAndStoresTheNameInNfcWithSingleSpaces() {
    String decomposed = "Lefe\u0300vre";
    assertThat(PersonNames.problem(LAST_NAME, decomposed)).isEmpty();
    assertThat(PersonNames.normalize(decomposed)).isEqualTo("Lefèvre").hasSize(7);
    assertThat(PersonNames.normalize("  Le   Bihan ")).isEqualTo("Le Bihan");
    assertThat(PersonNames.normalize(null)).isNull();
    assertThat(PersonNames.problem(LAST_NAME, "A\u0301")).as("a combining mark that has no composed form left")
        .isEqualTo(Optional.empty());
    assertThat(PersonNames.problem(LAST_NAME, "Nguye\u0302\u0303n")).as("stacked marks").isEmpty();
  }
}
