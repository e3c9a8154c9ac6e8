package fr.gouv.cncd.atlas.atlas.process;

import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.*;

import fr.gouv.cncd.atlas.atlas.AtlasContent.Coordinates;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Step 2 « Coordonnées ». */
@Component
class CoordinatesStep implements StepForm {

  private final AtlasUpdates updates;

  CoordinatesStep(AtlasUpdates updates) {
    this.updates = updates;
  }

  @Override
  public Set<String> taskIds() {
    return Set.of(AtlasUpdateProcess.EDIT_COORDINATES);
  }

  @Override
  public void show(Step step) {
    Coordinates c = updates.content(step.draftId()).coordinates();
    AtlasUpdateVariables v = step.variables();
    v.set(COORDINATES_ADDRESS, c.address());
    v.set(COORDINATES_POSTAL_CODE, c.postalCode());
    v.set(COORDINATES_TOWN, c.town());
    v.set(COORDINATES_PHONE, c.phone());
    v.set(COORDINATES_EMAIL, c.email());
    v.set(COORDINATES_WEBSITE, c.website());
    v.set(COORDINATES_SERVICE, c.internationalService());
  }

  @Override
  public void submit(Step step) {
    AtlasUpdateVariables v = step.variables();
    updates.saveCoordinates(step.draftId(), new Coordinates(v.string(COORDINATES_ADDRESS),
        v.string(COORDINATES_POSTAL_CODE), v.string(COORDINATES_TOWN), v.string(COORDINATES_PHONE),
        v.string(COORDINATES_EMAIL), v.string(COORDINATES_WEBSITE), v.string(COORDINATES_SERVICE)), step.user());
  }
}
