package fr.gouv.cncd.atlas.referential;

/** Kinds of collectivités territoriales that can hold an account. */
public enum LocalAuthorityType {
  REGION("Région"),
  DEPARTMENT("Département"),
  COMMUNE("Commune"),
  EPCI("Intercommunalité (EPCI)"),
  OVERSEAS_COLLECTIVITY("Collectivité d'outre-mer");

  private final String label;

  LocalAuthorityType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Label of an EPCI's legal nature (CC, CA, CU, METRO, MET69), or of the type for others. */
  public String label(String nature) {
    if (this != EPCI || nature == null) {
      return label;
    }
    return switch (nature) {
      case "CC" -> "Communauté de communes";
      case "CA" -> "Communauté d'agglomération";
      case "CU" -> "Communauté urbaine";
      case "METRO" -> "Métropole";
      case "MET69" -> "Métropole de Lyon";
      default -> label;
    };
  }
}
