package fr.gouv.cncd.atlas.atlas;

import fr.gouv.cncd.atlas.security.EmailAddresses;
import fr.gouv.cncd.atlas.security.TypedCharacters;
import fr.gouv.cncd.atlas.web.FieldMessage;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the faulty fields of one sub-section, each message starting with the field's French
 * label. Used by the validators of the Atlas (one small validator per kind of item).
 */
final class FieldChecks {

  static final int SHORT_TEXT = 200;
  static final int LONG_TEXT = 4000;
  private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
  private static final Pattern PHONE = Pattern.compile("0\\d{9}|\\+\\d{8,15}");
  private static final Pattern HOST = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,63}");

  private final List<FieldMessage> messages = new ArrayList<>();

  List<FieldMessage> messages() {
    return List.copyOf(messages);
  }

  void add(String field, String message) {
    messages.add(new FieldMessage(field, message));
  }

  void required(String field, String label, Object value) {
    if (value == null || (value instanceof String s && s.isBlank()) || (value instanceof List<?> l && l.isEmpty())) {
      add(field, label + " : obligatoire.");
    }
  }

  void text(String field, String label, String value, int maxLength) {
    if (value == null) {
      return;
    }
    if (TypedCharacters.containsHidden(value.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '))) {
      add(field, label + " : contient un caractère invisible ou de mise en forme ; saisissez-le à nouveau.");
    } else if (value.codePointCount(0, value.length()) > maxLength) {
      add(field, label + " : " + maxLength + " caractères au plus.");
    }
  }

  void email(String field, String label, String value) {
    if (value != null && !value.isBlank() && !EmailAddresses.isValid(value)) {
      add(field, label + " : adresse invalide (par exemple international@mairie-exemple.fr).");
    }
  }

  void phone(String field, String label, String value) {
    if (value != null && !value.isBlank() && !PHONE.matcher(normalizePhone(value)).matches()) {
      add(field, label + " : numéro invalide (10 chiffres, ou au format international +33…).");
    }
  }

  void postalCode(String field, String label, String value) {
    if (value != null && !value.isBlank() && !POSTAL_CODE.matcher(value.strip()).matches()) {
      add(field, label + " : 5 chiffres (par exemple 35000).");
    }
  }

  void url(String field, String label, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    boolean valid;
    try {
      URI uri = new URI(value.strip());
      valid = ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null && HOST.matcher(uri.getHost()).matches() && uri.getUserInfo() == null;
    } catch (java.net.URISyntaxException e) {
      valid = false;
    }
    if (!valid) {
      add(field, label + " : adresse invalide ; commencez par https:// (par exemple https://www.mairie-exemple.fr).");
    }
  }

  void amount(String field, String label, BigDecimal value) {
    if (value == null) {
      return;
    }
    if (value.signum() < 0) {
      add(field, label + " : montant positif ou nul.");
    } else if (value.compareTo(new BigDecimal("1000000000000")) >= 0 || value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
      add(field, label + " : montant en euros, avec deux décimales au plus.");
    }
  }

  static String normalizePhone(String value) {
    return value == null ? null : value.replaceAll("[\\s.()-]", "");
  }

  /** Text as stored: without spaces around; blank becomes null. */
  static String clean(String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  static BigDecimal euros(BigDecimal value) {
    return value == null ? null : value.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }
}
