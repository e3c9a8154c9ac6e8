package fr.gouv.cncd.atlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
  private final SlidingWindowLimiter limiter =
      new SlidingWindowLimiter(new ThrottleProperties.Limit(3, Duration.ofMinutes(10)), 100, clock);

  @Test
  void acceptsAsManyRequestsAsTheLimitThenSaysWhenToTryAgain() {
    assertThat(limiter.tryAcquire("203.0.113.7")).isEmpty();
    clock.advance(Duration.ofMinutes(2));
    assertThat(limiter.tryAcquire("203.0.113.7")).isEmpty();
    assertThat(limiter.tryAcquire("203.0.113.7")).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    assertThat(limiter.tryAcquire("203.0.113.7")).as("the first request leaves the window 7 minutes from now")
        .contains(Duration.ofMinutes(7));
    assertThat(limiter.tryAcquire("203.0.113.7")).as("a refused request is not counted")
        .contains(Duration.ofMinutes(7));
  }

  @Test
  void checkingCountsNothingAndOnlyCountedSuccessesUseTheAllowance() {
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.check("a@example.fr")).isEmpty();
    }
    limiter.count("a@example.fr");
    limiter.count("a@example.fr");
    assertThat(limiter.check("a@example.fr")).isEmpty();
    limiter.count("a@example.fr");
    assertThat(limiter.check("a@example.fr")).contains(Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(10));
    assertThat(limiter.check("a@example.fr")).isEmpty();
  }

  @Test
  void theWindowSlides() {
    limiter.tryAcquire("k");
    clock.advance(Duration.ofMinutes(5));
    limiter.tryAcquire("k");
    limiter.tryAcquire("k");
    assertThat(limiter.tryAcquire("k")).isPresent();

    clock.advance(Duration.ofMinutes(5));
    assertThat(limiter.tryAcquire("k")).as("the first request has left the window").isEmpty();
    assertThat(limiter.tryAcquire("k")).as("the two of 5 minutes ago are still in it").contains(Duration.ofMinutes(5));
  }

  @Test
  void eachKeyHasItsOwnAllowance() {
    // The per-e-mail limit uses one key per e-mail, whatever address the requests come from.
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("jeanne.morvan@rennes.example.fr")).isEmpty();
    }
    assertThat(limiter.tryAcquire("jeanne.morvan@rennes.example.fr")).isPresent();
    assertThat(limiter.tryAcquire("paul.kerjean@rennes.example.fr")).isEmpty();
  }

  @Test
  void aReleasedRequestDoesNotUseUpTheAllowance() {
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire("k")).isEmpty();
      limiter.release("k");
    }
    limiter.tryAcquire("k");
    limiter.tryAcquire("k");
    limiter.tryAcquire("k");
    assertThat(limiter.tryAcquire("k")).isPresent();
  }

  @Test
  void memoryIsBoundedAndIdleKeysAreForgotten() {
    SlidingWindowLimiter small = new SlidingWindowLimiter(new ThrottleProperties.Limit(1, Duration.ofMinutes(10)), 3, clock);
    for (int i = 0; i < 10; i++) {
      small.tryAcquire("198.51.100." + i);
    }
    assertThat(small.trackedKeys()).isEqualTo(3);
    assertThat(small.tryAcquire("198.51.100.9")).as("a recent key is still counted").isPresent();

    clock.advance(Duration.ofMinutes(11));
    small.tryAcquire("192.0.2.1");
    assertThat(small.trackedKeys()).as("keys idle for a whole window are forgotten").isEqualTo(1);
  }
}
