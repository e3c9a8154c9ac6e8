package fr.gouv.cncd.atlas.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The password rules of the teleprocedure, shown in italics next to the field and enforced on the
 * server: at least 12 characters with upper case, lower case, digit and special character, only
 * visible characters (and the ordinary space) in Unicode NFC, not containing the identifiant or the
 * name, not one of the most common passwords, and hard enough to guess for zxcvbn.
 *
 * <p>Passwords are hashed and compared exactly as typed, never normalised: a password that is not
 * already in NFC, or that holds a control, format or unusual space character, is refused, so that a
 * password accepted here can always be typed again identically on the Tasklist login page.
 */
@Component
public class PasswordRules {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;
  /** Minimum zxcvbn score (0 to 4). */
  public static final int MIN_STRENGTH_SCORE = PasswordStrength.MIN_SCORE;
  private static final int MIN_PERSONAL_DATA_LENGTH = 3;
  private static final int MIN_COMMON_CORE_LENGTH = 5;

  private final Set<String> commonPasswords;
  private final PasswordStrength strength;

  public PasswordRules() {
    this.commonPasswords = loadCommonPasswords();
    this.strength = new PasswordStrength();
  }

  /**
   * The account holder whose password is checked: a password must not contain the identifiant or
   * the names, and the estimator also weighs the e-mail address. Any part may be null.
   */
  public record Holder(String username, String firstName, String lastName, String email) {}

  /** One French message per broken rule; empty when the password is acceptable. */
  public List<String> check(String password, Holder holder) {
    List<String> violations = new ArrayList<>();
    if (password == null || password.isEmpty()) {
      violations.add("Le mot de passe est obligatoire.");
      return violations;
    }
    if (TypedCharacters.containsHidden(password)) {
      violations.add("Le mot de passe contient un caractère invisible ou de contrôle (espace insécable, caractère"
          + " de mise en forme…) : n'utilisez que des caractères visibles et l'espace ordinaire.");
    } else if (!Normalizer.isNormalized(password, Normalizer.Form.NFC)) {
      violations.add("Le mot de passe contient une lettre accentuée sous une forme décomposée : saisissez-le à"
          + " nouveau au clavier.");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      violations.add("Le mot de passe doit contenir au moins " + MIN_LENGTH + " caractères.");
    }
    if (length > MAX_LENGTH) {
      violations.add("Le mot de passe ne doit pas dépasser " + MAX_LENGTH + " caractères.");
    }
    if (password.codePoints().noneMatch(Character::isUpperCase)) {
      violations.add("Le mot de passe doit contenir au moins une lettre majuscule.");
    }
    if (password.codePoints().noneMatch(Character::isLowerCase)) {
      violations.add("Le mot de passe doit contenir au moins une lettre minuscule.");
    }
    if (password.codePoints().noneMatch(Character::isDigit)) {
      violations.add("Le mot de passe doit contenir au moins un chiffre.");
    }
    if (password.codePoints().allMatch(Character::isLetterOrDigit)) {
      violations.add("Le mot de passe doit contenir au moins un caractère spécial (par exemple ! ? # - _ @).");
    }
    if (containsPersonalData(password, holder)) {
      violations.add("Le mot de passe ne doit contenir ni votre identifiant ni votre nom ou prénom.");
    }
    if (isCommon(password)) {
      violations.add("Ce mot de passe est trop courant : choisissez-en un moins prévisible.");
    }
    // The estimate comes last and alone: a password that breaks a listed rule is first fixed for
    // it, and the estimator would only repeat the same fault in other words.
    if (violations.isEmpty()) {
      strength.weakness(password, userInputs(holder)).ifPresent(hint -> violations.add(
          "Ce mot de passe est trop facile à deviner : " + hint + ". Allongez-le, par exemple avec trois ou quatre"
              + " mots sans rapport entre eux, séparés par des caractères spéciaux."));
    }
    return violations;
  }

  /**
   * Same as {@link #check(String, Holder)} for personal data given as a list (identifiant, last
   * name, first name), without e-mail.
   */
  public List<String> check(String password, List<String> personalData) {
    List<String> data = personalData == null ? List.of() : personalData;
    return check(password, new Holder(at(data, 0), at(data, 2), at(data, 1), null));
  }

  /** True for a listed common password, or one made of a common password plus digits and symbols. */
  public boolean isCommon(String password) {
    String lower = fold(password);
    if (commonPasswords.contains(lower)) {
      return true;
    }
    String core = lower.replaceAll("^[^a-z]+|[^a-z]+$", "");
    return core.length() >= MIN_COMMON_CORE_LENGTH && commonPasswords.contains(core);
  }

  /** True when the password is in NFC and holds only visible characters and the ordinary space. */
  public boolean hasAcceptableCharacters(String password) {
    return password != null && !TypedCharacters.containsHidden(password)
        && Normalizer.isNormalized(password, Normalizer.Form.NFC);
  }

  /** True when zxcvbn, told the holder's data, scores the password at least {@link #MIN_STRENGTH_SCORE}. */
  public boolean isHardToGuess(String password, Holder holder) {
    return password != null && !password.isEmpty() && strength.weakness(password, userInputs(holder)).isEmpty();
  }

  private static boolean containsPersonalData(String password, Holder holder) {
    if (holder == null) {
      return false;
    }
    String folded = fold(password).replaceAll("[^a-z0-9]", "");
    for (String data : Arrays.asList(holder.username(), holder.lastName(), holder.firstName())) {
      if (data == null) {
        continue;
      }
      for (String part : fold(data).split("[^a-z0-9]+")) {
        if (part.length() >= MIN_PERSONAL_DATA_LENGTH && folded.contains(part)) {
          return true;
        }
      }
    }
    return false;
  }

  /** What the estimator must treat as known to an attacker: each datum whole, folded, and its parts. */
  private static List<String> userInputs(Holder holder) {
    if (holder == null) {
      return List.of();
    }
    Set<String> inputs = new LinkedHashSet<>();
    List<String> data = new ArrayList<>(Arrays.asList(holder.username(), holder.lastName(), holder.firstName()));
    String email = holder.email();
    if (email != null && email.indexOf('@') > 0) {
      data.add(email);
      data.add(email.substring(0, email.lastIndexOf('@')));
      String domain = email.substring(email.lastIndexOf('@') + 1);
      data.add(domain.contains(".") ? domain.substring(0, domain.lastIndexOf('.')) : domain);
    }
    for (String datum : data) {
      if (datum == null || datum.isBlank()) {
        continue;
      }
      inputs.add(datum.toLowerCase(Locale.ROOT));
      inputs.add(fold(datum));
      for (String part : fold(datum).split("[^a-z0-9]+")) {
        if (part.length() >= MIN_PERSONAL_DATA_LENGTH) {
          inputs.add(part);
        }
      }
    }
    return List.copyOf(inputs);
  }

  private static String at(List<String> list, int index) {
    return index < list.size() ? list.get(index) : null;
  }

  private static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }

  private static Set<String> loadCommonPasswords() {
    ClassPathResource resource = new ClassPathResource("security/common-passwords.txt.gz");
    Set<String> passwords = new HashSet<>(70_000);
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(resource.getInputStream()), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          passwords.add(line.trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the list of common passwords", e);
    }
    return Set.copyOf(passwords);
  }
}
