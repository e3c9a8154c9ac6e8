package fr.gouv.cncd.atlas.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 hashing of (already salted) passwords. The stored form carries its iteration
 * count, {@code 600000$<base64 hash>}, so raising the count later keeps older hashes verifiable.
 */
public final class Pbkdf2PasswordHasher {

  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int KEY_BITS = 256;
  // The engine already salts the password with the user's random salt; this fixed pepper only
  // keeps PBKDF2's salt parameter non-empty.
  private static final byte[] PEPPER = "atlas-cncd".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private static final int MAX_ITERATIONS = 10_000_000;

  private final int iterations;

  public Pbkdf2PasswordHasher(int iterations) {
    if (iterations < 100_000) {
      throw new IllegalArgumentException("PBKDF2 needs at least 100000 iterations, not " + iterations);
    }
    this.iterations = iterations;
  }

  public String hash(String saltedPassword) {
    return iterations + "$" + Base64.getEncoder().encodeToString(derive(saltedPassword, iterations));
  }

  public boolean matches(String saltedPassword, String stored) {
    int separator = stored == null ? -1 : stored.indexOf('$');
    if (separator <= 0) {
      return false;
    }
    int storedIterations;
    byte[] expected;
    try {
      storedIterations = Integer.parseInt(stored.substring(0, separator));
      expected = Base64.getDecoder().decode(stored.substring(separator + 1));
    } catch (IllegalArgumentException e) {
      return false;
    }
    // A stored count out of bounds is a corrupted (or planted) hash: refuse it without computing.
    if (storedIterations < 1 || storedIterations > MAX_ITERATIONS) {
      return false;
    }
    return MessageDigest.isEqual(expected, derive(saltedPassword, storedIterations));
  }

  private static byte[] derive(String password, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), PEPPER, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is not available", e);
    } finally {
      spec.clearPassword();
    }
  }
}
