package fr.gouv.cncd.atlas.account;

/**
 * The PasswordReset process: mails a link to choose a new password, out of the request that asked
 * for it, with retries. Started for every request, whether an account matches or not.
 */
public interface PasswordResetWorkflow {

  void start(String identifier);
}
