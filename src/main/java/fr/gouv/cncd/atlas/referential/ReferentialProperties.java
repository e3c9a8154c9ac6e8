package fr.gouv.cncd.atlas.referential;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Settings of the referential of collectivités.
 *
 * @param file the derived COG file loaded at start-up
 */
@ConfigurationProperties("atlas.referential")
record ReferentialProperties(
    @DefaultValue("classpath:referential/local-authorities.tsv.gz") Resource file) {}
