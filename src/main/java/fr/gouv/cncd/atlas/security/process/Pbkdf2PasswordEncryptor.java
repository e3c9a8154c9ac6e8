package fr.gouv.cncd.atlas.security.process;

import fr.gouv.cncd.atlas.security.Pbkdf2PasswordHasher;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;

/** Plugs PBKDF2 into the engine; hashes are stored as {@code {PBKDF2}<iterations>$<hash>}. */
class Pbkdf2PasswordEncryptor implements PasswordEncryptor {

  private final Pbkdf2PasswordHasher hasher;

  Pbkdf2PasswordEncryptor(Pbkdf2PasswordHasher hasher) {
    this.hasher = hasher;
  }

  @Override
  public String encrypt(String password) {
    return hasher.hash(password);
  }

  @Override
  public boolean check(String password, String encrypted) {
    return hasher.matches(password, encrypted);
  }

  @Override
  public String hashAlgorithmName() {
    return "PBKDF2";
  }
}
