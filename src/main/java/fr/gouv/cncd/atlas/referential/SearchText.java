package fr.gouv.cncd.atlas.referential;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Normalizes names and queries: no accents, no case, no punctuation, common abbreviations expanded. */
final class SearchText {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

  private SearchText() {}

  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String lower = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
        .toLowerCase(java.util.Locale.ROOT)
        .replace("œ", "oe").replace("æ", "ae");
    String spaced = NON_ALPHANUMERIC.matcher(lower).replaceAll(" ").trim();
    if (spaced.isEmpty()) {
      return "";
    }
    return String.join(" ", Arrays.stream(spaced.split(" ")).map(SearchText::expand).toList());
  }

  static String[] words(String normalized) {
    return normalized.isEmpty() ? new String[0] : normalized.split(" ");
  }

  private static String expand(String word) {
    return switch (word) {
      case "st" -> "saint";
      case "ste" -> "sainte";
      case "sts" -> "saints";
      case "stes" -> "saintes";
      default -> word;
    };
  }
}
