package fr.gouv.cncd.atlas.security.process;

import fr.gouv.cncd.atlas.security.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Addresses of the application (outside the webapps and /engine-rest) reserved to some groups of
 * the engine's users, authenticated by HTTP Basic: the admin API, and the metrics, which show
 * request addresses and exception names. Only /actuator/health stays public.
 */
@Configuration
class ProtectedEndpoints {

  @Bean
  FilterRegistrationBean<GroupMemberAuthenticationFilter> adminApiAuthenticationFilter(IdentityService identity) {
    return registration("admin-api-authentication", new GroupMemberAuthenticationFilter(identity,
        new GroupMemberAuthenticationFilter.Audience(List.of(Groups.ADMINISTRATORS), "administrateur",
            "Cette opération est réservée aux administrateurs.")),
        "/api/admin/*");
  }

  @Bean
  FilterRegistrationBean<GroupMemberAuthenticationFilter> metricsAuthenticationFilter(IdentityService identity) {
    return registration("metrics-authentication", new GroupMemberAuthenticationFilter(identity,
        new GroupMemberAuthenticationFilter.Audience(List.of(Groups.ADMINISTRATORS, Groups.PROCESS_MANAGERS),
            "administrateur ou de pilote des processus",
            "Les métriques sont réservées aux administrateurs et aux pilotes des processus.")),
        "/actuator/metrics", "/actuator/metrics/*");
  }

  private static FilterRegistrationBean<GroupMemberAuthenticationFilter> registration(String name,
      GroupMemberAuthenticationFilter filter, String... urlPatterns) {
    FilterRegistrationBean<GroupMemberAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addUrlPatterns(urlPatterns);
    return registration;
  }
}
