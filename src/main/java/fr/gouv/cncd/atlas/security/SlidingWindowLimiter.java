package fr.gouv.cncd.atlas.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts requests per key (a client address, an e-mail) in a sliding window: a key may make
 * {@code limit.requests()} requests within any {@code limit.window()}. It remembers the instants
 * of the requests it counted, at most {@code requests} per key and at most {@code maxKeys} keys,
 * so its memory is bounded; keys idle for a whole window are forgotten.
 *
 * <p>In memory: each node of a multi-node deployment counts on its own. When more than
 * {@code maxKeys} keys are active, the least recently seen is forgotten, which gives it a fresh
 * allowance; only a client holding that many addresses can cause it, and such a client already
 * has a fresh allowance per address.
 */
public final class SlidingWindowLimiter {

  private final ThrottleProperties.Limit limit;
  private final int maxKeys;
  private final Clock clock;
  /** Instants of the counted requests of each key, oldest first; keys in order of last use. */
  private final LinkedHashMap<String, ArrayDeque<Instant>> counted;

  public SlidingWindowLimiter(ThrottleProperties.Limit limit, int maxKeys, Clock clock) {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("A limiter must remember at least one key, not " + maxKeys);
    }
    this.limit = limit;
    this.maxKeys = maxKeys;
    this.clock = clock;
    this.counted = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Instant>> eldest) {
        return size() > SlidingWindowLimiter.this.maxKeys;
      }
    };
  }

  /**
   * Counts one request of the key if the key is within its limit.
   *
   * @return empty when the request is counted and may go on; otherwise how long until the key's
   *     oldest counted request leaves the window, when the next one will be accepted
   */
  public synchronized Optional<Duration> tryAcquire(String key) {
    Instant now = clock.instant();
    Instant windowStart = now.minus(limit.window());
    forgetIdleKeys(windowStart);
    ArrayDeque<Instant> instants = counted.computeIfAbsent(key, k -> new ArrayDeque<>());
    dropOlderThan(instants, windowStart);
    if (instants.size() >= limit.requests()) {
      return Optional.of(Duration.between(windowStart, instants.peekFirst()));
    }
    instants.addLast(now);
    return Optional.empty();
  }

  /**
   * Whether the key is over its limit, without counting anything: for requests counted only once
   * they have succeeded (see {@link #count}).
   *
   * @return empty when a request of the key may go on; otherwise how long until it may
   */
  public synchronized Optional<Duration> check(String key) {
    Instant windowStart = clock.instant().minus(limit.window());
    ArrayDeque<Instant> instants = counted.get(key);
    if (instants == null) {
      return Optional.empty();
    }
    dropOlderThan(instants, windowStart);
    return instants.size() >= limit.requests()
        ? Optional.of(Duration.between(windowStart, instants.peekFirst())) : Optional.empty();
  }

  /** Counts a request of the key that succeeded, whatever the limit. */
  public synchronized void count(String key) {
    Instant now = clock.instant();
    forgetIdleKeys(now.minus(limit.window()));
    counted.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
  }

  /**
   * Takes back the key's latest counted request, for a request refused before it did anything
   * (an invalid form) that should not use up the key's allowance.
   */
  public synchronized void release(String key) {
    ArrayDeque<Instant> instants = counted.get(key);
    if (instants != null) {
      instants.pollLast();
    }
  }

  /** How many keys are remembered (for tests of the memory bound). */
  synchronized int trackedKeys() {
    return counted.size();
  }

  /** Forgets, from the least recently used on, keys whose counted requests have all left the window. */
  private void forgetIdleKeys(Instant windowStart) {
    Iterator<ArrayDeque<Instant>> eldestFirst = counted.values().iterator();
    while (eldestFirst.hasNext()) {
      ArrayDeque<Instant> instants = eldestFirst.next();
      dropOlderThan(instants, windowStart);
      if (!instants.isEmpty()) {
        return;
      }
      eldestFirst.remove();
    }
  }

  private static void dropOlderThan(ArrayDeque<Instant> instants, Instant windowStart) {
    while (!instants.isEmpty() && !instants.peekFirst().isAfter(windowStart)) {
      instants.pollFirst();
    }
  }
}
