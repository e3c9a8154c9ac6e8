package fr.gouv.cncd.atlas.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers of every answer: the public pages, their assets, the API, error pages.
 *
 * <ul>
 *   <li>Content-Security-Policy: scripts, styles, fonts and calls from this site only, no inline
 *       script or style (the pages keep theirs in static/js and static/css), images also as
 *       data: URIs (the DSFR's CSS draws icons with them), no plug-in, no framing. Camunda's
 *       webapps (application path /app and /api) get theirs from Camunda's header filter
 *       ({@code camunda.bpm.webapp.header-security}), which they need looser.
 *   <li>X-Frame-Options DENY for browsers without frame-ancestors; X-Content-Type-Options nosniff.
 *   <li>Referrer-Policy same-origin: other sites learn nothing of the address a link was followed
 *       from, while the webapps' own calls keep their Referer and Origin.
 *   <li>Strict-Transport-Security, in production mode only (the embedded default runs over HTTP);
 *       browsers take it from HTTPS answers only, so it is sent whatever the proxy in front.
 * </ul>
 */
final class SecurityHeaders extends OncePerRequestFilter {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; object-src 'none';"
      + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

  private final boolean production;
  private final String webappPath;

  /**
   * @param production whether to send Strict-Transport-Security
   * @param webappPath Camunda's application path ("/camunda"), whose /app and /api have their own CSP
   */
  SecurityHeaders(boolean production, String webappPath) {
    this.production = production;
    this.webappPath = webappPath;
  }

  /** The headers go on error pages too, which the container renders in an ERROR dispatch. */
  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    // An error page is rendered at /error, outside the webapps: it gets this policy in its ERROR dispatch.
    if (!isCamundaWebapp(request)) {
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
    if (production) {
      response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    }
    chain.doFilter(request, response);
  }

  private boolean isCamundaWebapp(HttpServletRequest request) {
    String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    return isUnder(path, webappPath + "/app") || isUnder(path, webappPath + "/api");
  }

  private static boolean isUnder(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
