package fr.gouv.cncd.atlas.security;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * E-mail addresses people give (account request, forgotten password): ASCII only, as most mail
 * servers of local authorities accept, at most 254 characters with a local part of at most 64, no
 * empty, leading or trailing dot, and a domain of at least two labels whose last one is a real top
 * level domain's shape: two letters or more (« .f » is a typing slip for « .fr »), or an
 * internationalised one (xn--…). An internationalised address (é in the domain) must be typed in
 * its ASCII form (xn--…). static/js/inscription.js checks the same shape with the same message.
 */
public final class EmailAddresses {

  public static final int MAX_LENGTH = 254;
  private static final int MAX_LOCAL_LENGTH = 64;
  private static final Pattern SHAPE = Pattern.compile(
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})");

  /** The message of an address that is not acceptable, the same on the page and from the server. */
  public static final String INVALID = "Indiquez une adresse électronique valide, par exemple prenom.nom@mairie-exemple.fr.";

  private EmailAddresses() {}

  /** The address to store: without spaces around; null stays null. */
  public static String normalize(String typed) {
    return typed == null ? null : typed.replaceAll("^ +| +$", "");
  }

  /** True when the (normalised) address is acceptable. */
  public static boolean isValid(String typed) {
    String address = normalize(typed);
    return address != null && address.length() <= MAX_LENGTH && SHAPE.matcher(address).matches()
        && address.indexOf('@') <= MAX_LOCAL_LENGTH;
  }

  /** The French message when the typed address is not acceptable; empty when it is. */
  public static Optional<String> problem(String typed) {
    String address = normalize(typed);
    if (address == null || address.isEmpty()) {
      return Optional.of("Indiquez votre adresse électronique.");
    }
    return isValid(address) ? Optional.empty()
        : Optional.of(INVALID);
  }
}
