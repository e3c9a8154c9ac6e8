package fr.gouv.cncd.atlas.account;

/** What the requester sends from /inscription (POST /api/account-requests). */
public record AccountRequestCommand(String localAuthorityId, UnlistedLocalAuthority unlistedLocalAuthority,
    String civility, String lastName, String firstName, String function, String email, String phone,
    String username, String password) {

  /** A collectivité the requester did not find in the referential. */
  public record UnlistedLocalAuthority(String name, String type, String departmentCode) {}

  @Override
  public String toString() {
    return "AccountRequestCommand[username=" + username + ", localAuthorityId=" + localAuthorityId + "]";
  }
}
