package fr.gouv.cncd.atlas.account.process;

/** Names of the AccountRequest process that are not variables: its key, its message, its review task. */
final class AccountRequestProcess {

  static final String PROCESS_KEY = "AccountRequest";
  static final String ACTIVATION_MESSAGE = "AccountActivated";
  static final String REVIEW_TASK = "Task_ReviewAccountRequest";

  private AccountRequestProcess() {}
}
