package fr.gouv.cncd.atlas.security;

import fr.gouv.cncd.atlas.web.ProblemResponses;
import fr.gouv.cncd.atlas.web.TooManyRequestsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the anonymous POSTs of the public API (account requests, activations, password choices,
 * and any later one under /api, but /api/admin, which requires an administrator) per client
 * address: each may send an official mail or check a secret token. Over the limit: 429 with
 * Retry-After and a French problem, before any controller runs.
 *
 * <p>The client address is {@link HttpServletRequest#getRemoteAddr()}. X-Forwarded-For is never
 * read here, since any client can write it: behind a reverse proxy, every user would share the
 * proxy's address, so the deployment must name its proxy in Tomcat's trusted-proxy setting
 * ({@code server.forward-headers-strategy=native} with {@code server.tomcat.remoteip.internal-proxies}),
 * and Tomcat then gives the client's address as the remote address. An IPv6 address counts by its
 * /64 prefix, which one subscriber holds whole.
 */
final class PublicPostThrottle extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(PublicPostThrottle.class);

  private final SlidingWindowLimiter perAddress;

  PublicPostThrottle(ThrottleProperties properties, Clock clock) {
    this.perAddress = new SlidingWindowLimiter(properties.perAddress(), properties.maxTrackedKeys(), clock);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // The servlet path is the decoded, normalised one the request is mapped by (not the raw URI,
    // in which /api/admin/..;/account-requests would look like an admin address).
    String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    return !"POST".equals(request.getMethod()) || !path.startsWith("/api/") || path.startsWith("/api/admin/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String client = clientKey(request.getRemoteAddr());
    Optional<Duration> retryAfter = perAddress.tryAcquire(client);
    if (retryAfter.isPresent()) {
      log.warn("Too many public POSTs from {}: {} refused", client, request.getServletPath());
      ProblemResponses.write(response, new TooManyRequestsException("Trop de demandes",
          "Vous avez envoyé trop de demandes en peu de temps.", retryAfter.get()));
      return;
    }
    chain.doFilter(request, response);
  }

  /** The address itself, or for IPv6 its /64 prefix. */
  public static String clientKey(String remoteAddress) {
    if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
      return String.valueOf(remoteAddress);
    }
    try {
      // An IPv6 literal, as the servlet container gives it: parsed without any name lookup.
      InetAddress address = InetAddress.getByName(remoteAddress);
      if (address instanceof Inet6Address) {
        byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(prefix, 8, 16, (byte) 0);
        return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
      }
      return address.getHostAddress();
    } catch (UnknownHostException e) {
      return remoteAddress;
    }
  }
}
