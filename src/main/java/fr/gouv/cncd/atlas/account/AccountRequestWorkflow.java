package fr.gouv.cncd.atlas.account;

import java.util.List;

/** The AccountRequest process, as the account capability drives it. */
public interface AccountRequestWorkflow {

  /** Starts the process for a saved request, with what the DAECT's form shows. */
  void start(AccountRequest request, ReviewSheet sheet);

  /** Tells the process that the requester confirmed the activation. */
  void activationConfirmed(String requestId);

  /**
   * What the DAECT's review form shows about a request.
   *
   * @param candidates for an unlisted collectivité, referential entries that may be it
   * @param summary « Rennes — M. Yann Le Goff », to tell tasks apart
   * @param samePersonPending the other pending requests of the same person for the same collectivité,
   *     or null when there is none
   */
  record ReviewSheet(String requesterName, String requesterFunction, String requesterEmail, String requesterPhone,
      String username, String localAuthorityLabel, String otherActiveAccounts, String unlistedLocalAuthorityLabel,
      List<Candidate> candidates, String requestedOn, String summary, String samePersonPending) {}

  /** A referential entry offered to the DAECT. */
  record Candidate(String label, String value) {}
}
