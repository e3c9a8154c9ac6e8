package fr.gouv.cncd.atlas.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The address of the client of the current HTTP request, for code that runs below the web layer
 * (the engine's password check). It is the connection's address: a header such as
 * X-Forwarded-For is set by the client and proves nothing unless a trusted proxy sets it. An IPv6
 * address counts by its /64, as for the public POST throttle.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClientAddress extends OncePerRequestFilter {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  /** The current request's client address, or null outside a request. */
  public static String current() {
    return CURRENT.get();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CURRENT.set(PublicPostThrottle.clientKey(request.getRemoteAddr()));
    try {
      chain.doFilter(request, response);
    } finally {
      CURRENT.remove();
    }
  }
}
