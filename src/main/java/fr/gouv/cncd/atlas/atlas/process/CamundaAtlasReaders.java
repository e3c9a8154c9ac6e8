package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.AtlasReaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The reader of an /api request: the user logged into the webapps (their session), or the one
 * named by HTTP Basic credentials, checked by the engine (throttled like any login).
 */
@Component
class CamundaAtlasReaders implements AtlasReaders {

  private static final String ENGINE = "default";

  private final IdentityService identity;

  CamundaAtlasReaders(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Optional<Reader> of(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new BadCredentialsException();
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0 || !identity.checkPassword(decoded.substring(0, colon), decoded.substring(colon + 1))) {
        throw new BadCredentialsException();
      }
      String userId = decoded.substring(0, colon);
      return Optional.of(new Reader(userId, groupsOf(userId)));
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(ENGINE);
    if (authentication instanceof UserAuthentication user) {
      // Groups as the engine knows them now, not as they were at login.
      return Optional.of(new Reader(user.getName(), groupsOf(user.getName())));
    }
    return Optional.empty();
  }

  private Set<String> groupsOf(String userId) {
    Set<String> groups = new HashSet<>();
    for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
      groups.add(group.getId());
    }
    return groups;
  }
}
