package fr.gouv.cncd.atlas.account;

/** A password as the identity store keeps it: its hash (with the algorithm prefix) and salt. */
public record StoredPassword(String hash, String salt) {

  @Override
  public String toString() {
    return "StoredPassword[hidden]";
  }
}
