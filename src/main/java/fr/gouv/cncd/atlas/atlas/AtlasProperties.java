package fr.gouv.cncd.atlas.atlas;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Atlas update.
 *
 * @param publicationRetryCycle retries of the publication job (ISO-8601 repeating interval), then an incident
 * @param documentRetryCycle retries of the jobs writing the compte-rendu and the attestation and mailing them, then an incident
 * @param downloadTaskDuration how long the last task (« compte-rendu à télécharger ») waits before it closes by itself
 * @param remindAfter an update with no step completed for this long reminds its editor (once per idle period)
 * @param abandonAfter an update with no step completed for this long is abandoned, its draft discarded
 */
@ConfigurationProperties("atlas.update")
public record AtlasProperties(@DefaultValue("R5/PT2M") String publicationRetryCycle,
    @DefaultValue("R5/PT5M") String documentRetryCycle, @DefaultValue("P30D") String downloadTaskDuration,
    @DefaultValue("P14D") java.time.Duration remindAfter, @DefaultValue("P60D") java.time.Duration abandonAfter) {}
