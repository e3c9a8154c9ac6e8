package fr.gouv.cncd.atlas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Pbkdf2PasswordHasherTest {

  /** The engine hands over passwords already salted with the user's random salt. */
  private static final String SALTED = "Vrai-Cheval7-Batterie{c2FsdA==}";

  private final Pbkdf2PasswordHasher hasher = new Pbkdf2PasswordHasher(100_000);

  @Test
  void verifiesThePasswordItHashed() {
    String stored = hasher.hash(SALTED);

    assertThat(hasher.matches(SALTED, stored)).isTrue();
  }

  @Test
  void doesNotVerifyAnotherPassword() {
    String stored = hasher.hash(SALTED);

    assertThat(hasher.matches("Vrai-Cheval7-Batteries{c2FsdA==}", stored)).isFalse();
    assertThat(hasher.matches("", stored)).isFalse();
  }

  @Test
  void givesTheSamePasswordTheSameHash() {
    assertThat(hasher.hash(SALTED)).isEqualTo(hasher.hash(SALTED));
    assertThat(hasher.hash(SALTED)).isNotEqualTo(hasher.hash(SALTED + "x"));
  }

  @Test
  void storesTheIterationCountWithA256BitHash() {
    String stored = hasher.hash(SALTED);

    assertThat(stored).startsWith("100000$");
    assertThat(Base64.getDecoder().decode(stored.substring("100000$".length()))).hasSize(32);
    assertThat(stored).doesNotContain("Vrai-Cheval7");
  }

  @Test
  void stillVerifiesHashesMadeWithFewerIterationsAfterTheCountWasRaised() {
    String old = hasher.hash(SALTED);
    Pbkdf2PasswordHasher raised = new Pbkdf2PasswordHasher(600_000);

    assertThat(raised.hash(SALTED)).startsWith("600000$").isNotEqualTo(old);
    assertThat(raised.matches(SALTED, old)).isTrue();
    assertThat(raised.matches("Autre-Cheval7-Batterie{c2FsdA==}", old)).isFalse();
  }

  @Test
  void refusesFewerThan100000Iterations() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Pbkdf2PasswordHasher(99_999))
        .withMessageContaining("100000");
    assertThatIllegalArgumentException().isThrownBy(() -> new Pbkdf2PasswordHasher(0));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "no separator",
      "$c29tZWhhc2g=",
      "abc$c29tZWhhc2g=",
      "100000$not base64!",
      "100000$",
      "0$c29tZWhhc2g=",
      "-100000$c29tZWhhc2g=",
      "{PBKDF2}100000$c29tZWhhc2g=",
      "99999999999$c29tZWhhc2g=",
  })
  void doesNotVerifyAgainstAMalformedStoredHash(String stored) {
    assertThat(hasher.matches(SALTED, stored)).isFalse();
  }
}
