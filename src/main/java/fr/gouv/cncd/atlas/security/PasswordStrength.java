package fr.gouv.cncd.atlas.security;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Keyboard;
import com.nulabinc.zxcvbn.matchers.Match;
import com.nulabinc.zxcvbn.matchers.SlantedKeyboardLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;

/**
 * How hard a password is to guess, estimated by zxcvbn (zxcvbn4j): it finds repetitions,
 * sequences, keyboard walks (QWERTY and, added here, AZERTY), dates, common words and passwords
 * (l33t substitutions included) and the user's own data, and scores the guesses needed from 0 to 4.
 * zxcvbn's own feedback is English: the French hint is written here from the weakest pattern found.
 */
final class PasswordStrength {

  /** zxcvbn's score 3: about 10^8 guesses or more ("safely unguessable" for an online attack). */
  static final int MIN_SCORE = 3;

  private static final String USER_INPUTS = "user_inputs";
  private static final String PASSWORDS = "passwords";

  private final Zxcvbn zxcvbn;

  PasswordStrength() {
    try {
      List<Keyboard> keyboards = new ArrayList<>(StandardKeyboards.loadAllKeyboards());
      ClassPathResource azerty = new ClassPathResource("security/keyboard-azerty.txt");
      keyboards.add(new SlantedKeyboardLoader("azerty", azerty::getInputStream).load());
      this.zxcvbn = new ZxcvbnBuilder()
          .dictionaries(StandardDictionaries.loadAllDictionaries())
          .keyboards(keyboards)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load the dictionaries of the password strength estimator", e);
    }
  }

  /** The French hint when the password is too easy to guess, empty when it is strong enough. */
  Optional<String> weakness(String password, List<String> userInputs) {
    Strength strength = zxcvbn.measure(password, userInputs);
    try {
      if (strength.getScore() >= MIN_SCORE) {
        return Optional.empty();
      }
      return Optional.of(hint(strength.getSequence()));
    } finally {
      strength.wipe();
    }
  }

  /** Says what makes the password guessable: its longest recognised pattern. */
  private static String hint(List<Match> sequence) {
    return sequence.stream()
        .filter(match -> match.pattern != Pattern.Bruteforce)
        .max(Comparator.comparingInt(Match::tokenLength))
        .map(PasswordStrength::describe)
        .orElse("il est trop court pour des caractères aussi peu variés");
  }

  private static String describe(Match match) {
    return switch (match.pattern) {
      case Repeat -> "il répète plusieurs fois la même suite de caractères";
      case Sequence -> "il contient une suite logique comme « abcd » ou « 1234 »";
      case Spatial -> "il contient une suite de touches voisines sur le clavier, comme « azerty »";
      case Date -> "il contient une date";
      case Regex -> "il contient une année récente";
      case Dictionary -> describeWord(match);
      default -> "il est trop court pour des caractères aussi peu variés";
    };
  }

  private static String describeWord(Match match) {
    if (USER_INPUTS.equals(match.dictionaryName)) {
      return "il reprend votre identifiant, votre nom, votre prénom ou votre adresse électronique";
    }
    String disguise = match.l33t ? ", même avec des lettres remplacées par des chiffres ou des symboles"
        : match.reversed ? ", même écrit à l'envers" : "";
    return (PASSWORDS.equals(match.dictionaryName)
        ? "il ressemble à un mot de passe très répandu" : "il repose sur un mot, un prénom ou un nom courant")
        + disguise;
  }
}
