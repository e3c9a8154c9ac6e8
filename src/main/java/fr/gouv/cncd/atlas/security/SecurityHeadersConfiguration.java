package fr.gouv.cncd.atlas.security;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the security headers first, so that every answer carries them, refusals included. */
@Configuration
class SecurityHeadersConfiguration {

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders(PlatformProperties platform,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<SecurityHeaders> registration =
        new FilterRegistrationBean<>(new SecurityHeaders(platform.production(), webappPath));
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
