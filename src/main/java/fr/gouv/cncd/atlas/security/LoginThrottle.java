package fr.gouv.cncd.atlas.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock anyone out for good.
 *
 * <p>Failed logins are counted per account and per client address. Past a few free failures,
 * each new failure blocks further attempts for a delay that doubles up to a ceiling: a temporary
 * block, never a permanent lock. While blocked, even the right password is refused (otherwise the
 * block would not slow guessing). A successful login clears the account's count; choosing a new
 * password through a mailed link clears it too ({@link #forgive}), so a user locked out by
 * someone else recovers on her own. Counts live in memory: per node, and forgotten at restart.
 */
@Component
public class LoginThrottle {

  /** Entries not touched for this long are dropped, so that memory stays bounded. */
  private static final Duration FORGET_AFTER = Duration.ofHours(24);
  private static final int MAX_ENTRIES = 100_000;

  private final SecurityProperties.Login settings;
  private final Clock clock;
  private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
  private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

  public LoginThrottle(SecurityProperties properties, Clock clock) {
    this.settings = properties.login();
    this.clock = clock;
  }

  /** How long this login must wait before it may be tried, or zero. */
  public Duration waitBefore(String username, String address) {
    Instant now = clock.instant();
    Duration account = remaining(accounts.get(key(username)), now);
    Duration client = address == null ? Duration.ZERO : remaining(addresses.get(address), now);
    return account.compareTo(client) >= 0 ? account : client;
  }

  public void failed(String username, String address) {
    Instant now = clock.instant();
    evictIfFull(now);
    accounts.compute(key(username), (k, f) -> next(f, now, settings.freeFailuresPerAccount()));
    if (address != null) {
      addresses.compute(address, (k, f) -> next(f, now, settings.freeFailuresPerAddress()));
    }
  }

  public void succeeded(String username) {
    accounts.remove(key(username));
  }

  /** The account's holder proved she owns its mailbox: her failures are forgotten. */
  public void forgive(String username) {
    accounts.remove(key(username));
  }

  private Failures next(Failures failures, Instant now, int free) {
    int count = failures == null || failures.lastFailure().plus(FORGET_AFTER).isBefore(now) ? 1 : failures.count() + 1;
    Instant blockedUntil = now;
    if (count > free) {
      int doublings = Math.min(count - free - 1, 30);
      Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
      if (delay.compareTo(settings.maxDelay()) > 0) {
        delay = settings.maxDelay();
      }
      blockedUntil = now.plus(delay);
    }
    return new Failures(count, blockedUntil, now);
  }

  private static Duration remaining(Failures failures, Instant now) {
    if (failures == null || !failures.blockedUntil().isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, failures.blockedUntil());
  }

  private void evictIfFull(Instant now) {
    for (Map<String, Failures> map : java.util.List.of(accounts, addresses)) {
      if (map.size() >= MAX_ENTRIES) {
        map.values().removeIf(f -> f.lastFailure().plus(FORGET_AFTER).isBefore(now) || !f.blockedUntil().isAfter(now));
      }
    }
  }

  private static String key(String username) {
    return username == null ? "" : username.toLowerCase(Locale.ROOT);
  }

  private record Failures(int count, Instant blockedUntil, Instant lastFailure) {}
}
