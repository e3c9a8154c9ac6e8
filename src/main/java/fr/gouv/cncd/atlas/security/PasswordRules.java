package fr.gouv.cncd.atlas.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The password rules of the teleprocedure, shown in italics next to the field and enforced on the
 * server: at least 12 characters with upper case, lower case, digit and special character, not
 * containing the identifiant or the name, not one of the most common passwords.
 */
@Component
public class PasswordRules {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;
  private static final int MIN_PERSONAL_DATA_LENGTH = 3;
  private static final int MIN_COMMON_CORE_LENGTH = 5;

  private final Set<String> commonPasswords;

  public PasswordRules() {
    this.commonPasswords = loadCommonPasswords();
  }

  /** One French message per broken rule; empty when the password is acceptable. */
  public List<String> check(String password, List<String> personalData) {
    List<String> violations = new ArrayList<>();
    if (password == null || password.isEmpty()) {
      violations.add("Le mot de passe est obligatoire.");
      return violations;
    }
    if (password.length() < MIN_LENGTH) {
      violations.add("Le mot de passe doit contenir au moins " + MIN_LENGTH + " caractères.");
    }
    if (password.length() > MAX_LENGTH) {
      violations.add("Le mot de passe ne doit pas dépasser " + MAX_LENGTH + " caractères.");
    }
    if (password.chars().noneMatch(Character::isUpperCase)) {
      violations.add("Le mot de passe doit contenir au moins une lettre majuscule.");
    }
    if (password.chars().noneMatch(Character::isLowerCase)) {
      violations.add("Le mot de passe doit contenir au moins une lettre minuscule.");
    }
    if (password.chars().noneMatch(Character::isDigit)) {
      violations.add("Le mot de passe doit contenir au moins un chiffre.");
    }
    if (password.chars().allMatch(Character::isLetterOrDigit)) {
      violations.add("Le mot de passe doit contenir au moins un caractère spécial (par exemple ! ? # - _ @).");
    }
    if (containsPersonalData(password, personalData)) {
      violations.add("Le mot de passe ne doit contenir ni votre identifiant ni votre nom ou prénom.");
    }
    if (isCommon(password)) {
      violations.add("Ce mot de passe est trop courant : choisissez-en un moins prévisible.");
    }
    return violations;
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

  private static boolean containsPersonalData(String password, List<String> personalData) {
    String folded = fold(password).replaceAll("[^a-z0-9]", "");
    for (String data : personalData) {
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
