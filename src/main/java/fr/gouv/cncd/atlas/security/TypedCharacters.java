package fr.gouv.cncd.atlas.security;

/**
 * Characters nobody types on purpose in a password or a name, but that a copy-paste or an attacker
 * slips in: controls (NUL, tab, line breaks), format characters (bidi overrides U+202A–U+202E and
 * U+2066–U+2069, zero-width characters, soft hyphen), spaces other than the ordinary space U+0020
 * (non-breaking, thin, ideographic…), line and paragraph separators, private-use and unassigned
 * code points, lone surrogates. Such characters make two strings that look alike differ, or one
 * string read differently from what it is.
 */
public final class TypedCharacters {

  private TypedCharacters() {}

  static boolean isHidden(int codePoint) {
    if (codePoint == ' ') {
      return false;
    }
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> true;
      default -> false;
    };
  }

  public static boolean containsHidden(String text) {
    return text.codePoints().anyMatch(TypedCharacters::isHidden);
  }
}
