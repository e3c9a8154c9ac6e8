package fr.gouv.cncd.atlas.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on anonymous requests, counted in memory on each node (in a deployment of several nodes
 * behind a load balancer, a client gets these limits on each node).
 *
 * @param perAddress anonymous POSTs under /api (but /api/admin) from one client address
 * @param perEmail accepted account requests for one e-mail address (each sends a mail to it)
 * @param maxTrackedKeys how many addresses (or e-mails) each limit remembers at most; the least
 *     recently seen is forgotten first, keys idle for a whole window are forgotten anyway
 */
@ConfigurationProperties("atlas.throttle")
public record ThrottleProperties(
    Limit perAddress,
    Limit perEmail,
    @DefaultValue("10000") int maxTrackedKeys) {

  /** The defaults of application.yaml, for a setting left out. */
  public ThrottleProperties {
    perAddress = perAddress == null ? new Limit(10, Duration.ofMinutes(10)) : perAddress;
    perEmail = perEmail == null ? new Limit(3, Duration.ofDays(1)) : perEmail;
  }

  /**
   * @param requests how many requests a key may make within one window
   * @param window the length of the sliding window
   */
  public record Limit(int requests, Duration window) {

    public Limit {
      if (requests < 1 || window == null || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("A limit needs at least 1 request and a positive window, not "
            + requests + " per " + window);
      }
    }
  }
}
