package fr.gouv.cncd.atlas.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param passwordHashIterations PBKDF2 iterations for the passwords of Camunda users
 * @param login how failed logins are slowed down (see LoginThrottle)
 */
@ConfigurationProperties("atlas.security")
public record SecurityProperties(@DefaultValue("600000") int passwordHashIterations, @DefaultValue Login login) {

  /**
   * @param freeFailuresPerAccount failures of one account before attempts are delayed
   * @param freeFailuresPerAddress failures from one client address before its attempts are delayed
   * @param firstDelay the first delay; each further failure doubles it
   * @param maxDelay the longest delay: a block never lasts longer
   */
  public record Login(@DefaultValue("5") int freeFailuresPerAccount, @DefaultValue("20") int freeFailuresPerAddress,
      @DefaultValue("PT30S") Duration firstDelay, @DefaultValue("PT15M") Duration maxDelay) {}
}
