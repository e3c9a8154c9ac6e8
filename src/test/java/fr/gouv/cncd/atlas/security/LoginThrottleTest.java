package fr.gouv.cncd.atlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MovableClock clock = new MovableClock();
  private final LoginThrottle throttle = new LoginThrottle(new SecurityProperties(600_000,
      new SecurityProperties.Login(5, 20, Duration.ofSeconds(30), Duration.ofMinutes(15))), clock);

  @Test
  void fiveFailuresAreFreeThenEachOneDoublesTheWaitUpToTheCeiling() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("mdupont", "10.0.0.1");
      assertThat(throttle.waitBefore("mdupont", "10.0.0.2")).isZero();
    }
    Duration[] expected = {Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
        Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15)};
    for (Duration wait : expected) {
      throttle.failed("mdupont", "10.0.0.1");
      assertThat(throttle.waitBefore("mdupont", "10.0.0.2")).isEqualTo(wait);
      clock.advance(wait);
      assertThat(throttle.waitBefore("mdupont", "10.0.0.2")).as("never more than a temporary block").isZero();
    }
  }

  @Test
  void theAccountIsCaseInsensitiveAndOtherAccountsAreNotSlowed() {
    for (int i = 0; i < 6; i++) {
      throttle.failed("MDupont", "10.0.0.1");
    }
    assertThat(throttle.waitBefore("mdupont", "10.0.0.9")).isPositive();
    assertThat(throttle.waitBefore("validateur", "10.0.0.9")).isZero();
  }

  @Test
  void oneAddressTryingManyAccountsIsSlowedDown() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("compte" + i, "10.0.0.7");
    }
    assertThat(throttle.waitBefore("compte99", "10.0.0.7")).isZero();
    throttle.failed("compte20", "10.0.0.7");
    assertThat(throttle.waitBefore("compte99", "10.0.0.7")).isEqualTo(Duration.ofSeconds(30));
    assertThat(throttle.waitBefore("compte99", "10.0.0.8")).as("other addresses").isZero();
  }

  @Test
  void aSuccessOrANewPasswordForgivesTheAccount() {
    for (int i = 0; i < 8; i++) {
      throttle.failed("mdupont", null);
    }
    assertThat(throttle.waitBefore("mdupont", null)).isPositive();
    throttle.forgive("mdupont");
    assertThat(throttle.waitBefore("mdupont", null)).isZero();
    throttle.failed("mdupont", null);
    assertThat(throttle.waitBefore("mdupont", null)).as("counting starts again").isZero();
  }

  @Test
  void failuresAreForgottenAfterADay() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("mdupont", null);
    }
    clock.advance(Duration.ofHours(25));
    throttle.failed("mdupont", null);
    assertThat(throttle.waitBefore("mdupont", null)).isZero();
  }

  private static final class MovableClock extends Clock {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("Europe/Paris");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
