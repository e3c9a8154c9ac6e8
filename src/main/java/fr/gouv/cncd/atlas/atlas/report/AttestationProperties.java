package fr.gouv.cncd.atlas.atlas.report;

import fr.gouv.cncd.atlas.security.ThrottleProperties;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the attestations, of the Atlas status and of the DAECT's digest.
 *
 * @param upToDateFor how long a validated update keeps a collectivité's Atlas « à jour » for co-financing calls
 * @param verificationsPerAddress verifications of a code (page or API) one client address may make per window
 * @param verificationWindow that window
 * @param daectDailyDigest whether the DAECT gets one mail a day listing the updates validated that day
 */
@ConfigurationProperties("atlas.attestation")
public record AttestationProperties(@DefaultValue("P12M") Period upToDateFor,
    @DefaultValue("30") int verificationsPerAddress, @DefaultValue("PT10M") Duration verificationWindow,
    @DefaultValue("true") boolean daectDailyDigest) {

  public ThrottleProperties.Limit verificationLimit() {
    return new ThrottleProperties.Limit(verificationsPerAddress, verificationWindow);
  }
}
