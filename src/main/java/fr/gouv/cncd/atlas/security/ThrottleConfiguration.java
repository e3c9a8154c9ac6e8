package fr.gouv.cncd.atlas.security;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the throttle of the public API's anonymous POSTs. */
@Configuration
class ThrottleConfiguration {

  @Bean
  FilterRegistrationBean<PublicPostThrottle> publicPostThrottle(ThrottleProperties properties, Clock clock) {
    FilterRegistrationBean<PublicPostThrottle> registration =
        new FilterRegistrationBean<>(new PublicPostThrottle(properties, clock));
    registration.setName("public-post-throttle");
    registration.addUrlPatterns("/api/*");
    return registration;
  }
}
