package fr.gouv.cncd.atlas.account;

/**
 * A user chose a new password through a mailed link (migrated account or forgotten password).
 * Published after the change, in the transaction that made it.
 */
public record PasswordChosen(String username) {}
