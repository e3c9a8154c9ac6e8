package fr.gouv.cncd.atlas.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of account creation.
 *
 * @param activationValidity how long an activation link is valid
 * @param mailRetryCycle retries of the mail steps (Camunda retry cycle: 5 tries, 5 minutes apart)
 * @param passwordLinkValidity how long a link to choose a password (migrated accounts) is valid
 * @param passwordResetLinkValidity how long a link sent after « Mot de passe oublié ? » is valid
 */
@ConfigurationProperties("atlas.account")
public record AccountProperties(
    @DefaultValue("P7D") Duration activationValidity,
    @DefaultValue("R5/PT5M") String mailRetryCycle,
    @DefaultValue("P30D") Duration passwordLinkValidity,
    @DefaultValue("PT1H") Duration passwordResetLinkValidity) {}
