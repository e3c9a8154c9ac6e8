package fr.gouv.cncd.atlas.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param passwordHashIterations PBKDF2 iterations for the passwords of Camunda users
 */
@ConfigurationProperties("atlas.security")
public record SecurityProperties(@DefaultValue("600000") int passwordHashIterations) {}
