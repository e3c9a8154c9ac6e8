package fr.gouv.cncd.atlas.account;

/** The LegacyAccountMigration process: mails a migrated account's holder a link to choose a password. */
public interface LegacyAccountWorkflow {

  void start(String username);
}
