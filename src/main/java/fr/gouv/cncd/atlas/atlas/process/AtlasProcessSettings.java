package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.AtlasProperties;
import org.springframework.stereotype.Component;

/** Settings the AtlasUpdate BPMN reads through expressions ({@code ${atlasProcess...}}). */
@Component("atlasProcess")
public class AtlasProcessSettings {

  private final AtlasProperties properties;

  AtlasProcessSettings(AtlasProperties properties) {
    this.properties = properties;
  }

  /** Retry cycle of the publication. */
  public String publicationRetryCycle() {
    return properties.publicationRetryCycle();
  }

  /** Retry cycle of the documents written after the publication (compte-rendu, attestation). */
  public String documentRetryCycle() {
    return properties.documentRetryCycle();
  }

  /** How long « Mise à jour publiée — compte-rendu à télécharger » stays in Tasklist if nobody closes it. */
  public String downloadTaskDuration() {
    return properties.downloadTaskDuration();
  }
}
