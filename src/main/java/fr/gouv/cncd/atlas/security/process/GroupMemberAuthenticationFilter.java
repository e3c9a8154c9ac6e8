package fr.gouv.cncd.atlas.security.process;

import fr.gouv.cncd.atlas.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request through only for an engine user, authenticated by HTTP Basic, who belongs to one
 * of the audience's groups: anonymous or wrong credentials get 401, other users 403, both as French
 * problem+json.
 */
final class GroupMemberAuthenticationFilter extends OncePerRequestFilter {

  /**
   * @param groups the groups allowed through
   * @param account what kind of account the 401 asks for (« administrateur »...)
   * @param refusal the 403's detail for users of no such group
   */
  record Audience(List<String> groups, String account, String refusal) {}

  private final IdentityService identity;
  private final Audience audience;

  GroupMemberAuthenticationFilter(IdentityService identity, Audience audience) {
    this.identity = identity;
    this.audience = audience;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String username = authenticatedUser(request.getHeader("Authorization"));
    if (username == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Atlas CNCD\", charset=\"UTF-8\"");
      ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Authentification requise",
          "Identifiez-vous avec un compte d'" + audience.account() + " (authentification HTTP Basic).");
      return;
    }
    boolean member = audience.groups().stream()
        .anyMatch(group -> identity.createUserQuery().userId(username).memberOfGroup(group).count() > 0);
    if (!member) {
      ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Accès refusé", audience.refusal());
      return;
    }
    chain.doFilter(request, response);
  }

  /** The user whose HTTP Basic credentials the engine accepts, or null. */
  private String authenticatedUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String username = decoded.substring(0, colon);
    return identity.checkPassword(username, decoded.substring(colon + 1)) ? username : null;
  }
}
