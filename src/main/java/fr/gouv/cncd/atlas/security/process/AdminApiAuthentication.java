package fr.gouv.cncd.atlas.security.process;

import fr.gouv.cncd.atlas.security.Groups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/** /api/admin/* is for administrators only, authenticated by HTTP Basic against the engine's users. */
@Configuration
class AdminApiAuthentication {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> adminApiAuthenticationFilter(IdentityService identity) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(identity));
    registration.setName("admin-api-authentication");
    registration.addUrlPatterns("/api/admin/*");
    return registration;
  }

  private static final class Filter extends OncePerRequestFilter {

    private final IdentityService identity;

    Filter(IdentityService identity) {
      this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String header = request.getHeader("Authorization");
      String username = null;
      if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
        String decoded;
        try {
          decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          decoded = "";
        }
        int colon = decoded.indexOf(':');
        if (colon > 0 && identity.checkPassword(decoded.substring(0, colon), decoded.substring(colon + 1))) {
          username = decoded.substring(0, colon);
        }
      }
      if (username == null) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Atlas CNCD\", charset=\"UTF-8\"");
        problem(response, 401, "Authentification requise",
            "Identifiez-vous avec un compte administrateur (authentification HTTP Basic).");
        return;
      }
      if (identity.createUserQuery().userId(username).memberOfGroup(Groups.ADMINISTRATORS).count() == 0) {
        problem(response, 403, "Accès refusé", "Cette opération est réservée aux administrateurs.");
        return;
      }
      chain.doFilter(request, response);
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
        throws IOException {
      response.setStatus(status);
      response.setContentType("application/problem+json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
          + ",\"detail\":\"" + detail + "\"}");
    }
  }
}
