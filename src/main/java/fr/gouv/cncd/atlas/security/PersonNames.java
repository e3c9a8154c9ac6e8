package fr.gouv.cncd.atlas.security;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Last and first names of people (account request, profile changes): letters of one script, spaces,
 * apostrophes (' ’), hyphens and dots, 1 to 100 characters, nothing invisible. A name that mixes
 * scripts (a Latin « Dupont » whose « о » is Cyrillic) is refused: it would look like another
 * person's name in Tasklist and in the DAECT's mails.
 *
 * <p>Use {@link #problem} to validate, {@link #normalize} for the value to store: the check is made
 * on the normalised name (Unicode NFC, no spaces around, one space between words).
 */
public final class PersonNames {

  public static final int MAX_LENGTH = 100;

  /** Which name is checked; it words the messages. */
  public enum Part {
    LAST_NAME("votre nom", "Votre nom"),
    FIRST_NAME("votre prénom", "Votre prénom");

    private final String object;
    private final String subject;

    Part(String object, String subject) {
      this.object = object;
      this.subject = subject;
    }
  }

  private static final Pattern SHAPE = Pattern.compile("\\p{L}[\\p{L}\\p{M} '’.-]*");
  private static final Pattern SPACES = Pattern.compile(" {2,}");
  /** Scripts a single name may combine: Japanese (kanji and kana), Korean, Chinese with bopomofo. */
  private static final List<Set<UnicodeScript>> COMBINED_SCRIPTS = List.of(
      EnumSet.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
      EnumSet.of(UnicodeScript.HAN, UnicodeScript.HANGUL),
      EnumSet.of(UnicodeScript.HAN, UnicodeScript.BOPOMOFO));

  private PersonNames() {}

  /** The name to store: NFC, without spaces around, runs of spaces made one; null stays null. */
  /**
   * « Marie Dupont », from the parts that are known: an account taken over from the former site may
   * have no name at all (then empty), never « null null ».
   */
  public static String fullName(String firstName, String lastName) {
    return java.util.stream.Stream.of(firstName, lastName).filter(part -> part != null && !part.isBlank())
        .map(String::strip).collect(java.util.stream.Collectors.joining(" "));
  }

  public static String normalize(String typed) {
    if (typed == null) {
      return null;
    }
    String name = Normalizer.normalize(typed, Normalizer.Form.NFC);
    return SPACES.matcher(name.replaceAll("^ +| +$", "")).replaceAll(" ");
  }

  /** The French message when the typed name is not acceptable; empty when it is. */
  public static Optional<String> problem(Part part, String typed) {
    String name = normalize(typed);
    if (name == null || name.isEmpty()) {
      return Optional.of("Indiquez " + part.object + ".");
    }
    if (TypedCharacters.containsHidden(name)) {
      return Optional.of(part.subject + " contient un caractère invisible ou de mise en forme (espace insécable,"
          + " caractère de contrôle…) : saisissez-le à nouveau au clavier.");
    }
    if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
      return Optional.of(part.subject + " ne doit pas dépasser " + MAX_LENGTH + " caractères.");
    }
    if (!SHAPE.matcher(name).matches()) {
      return Optional.of("Indiquez " + part.object + " (lettres, espaces, tirets et apostrophes, " + MAX_LENGTH
          + " caractères au plus).");
    }
    if (!isOfOneScript(name)) {
      return Optional.of(part.subject + " mélange des alphabets différents (par exemple des lettres latines et"
          + " cyrilliques) : écrivez-le dans un seul alphabet.");
    }
    return Optional.empty();
  }

  /** Scripts of the letters; spaces, punctuation (COMMON) and combining marks (INHERITED) belong to any. */
  private static boolean isOfOneScript(String name) {
    Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
    name.codePoints().mapToObj(UnicodeScript::of)
        .filter(script -> script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED)
        .forEach(scripts::add);
    return scripts.size() <= 1 || COMBINED_SCRIPTS.stream().anyMatch(allowed -> allowed.containsAll(scripts));
  }
}
