package fr.gouv.cncd.atlas.account;

/** Civilité of a requester. */
public enum Civility {
  MADAME("Madame", "Mme"),
  MONSIEUR("Monsieur", "M.");

  private final String label;
  private final String abbreviation;

  Civility(String label, String abbreviation) {
    this.label = label;
    this.abbreviation = abbreviation;
  }

  public String label() {
    return label;
  }

  public String abbreviation() {
    return abbreviation;
  }
}
