package fr.gouv.cncd.atlas.atlas.process;

import java.util.Set;
import org.springframework.stereotype.Component;

/** Step 1 « Présentation et objectifs »: texts only; the collectivité and the draft's state are shown. */
@Component
class PresentationStep implements StepForm {

  @Override
  public Set<String> taskIds() {
    return Set.of(AtlasUpdateProcess.READ_PRESENTATION);
  }

  @Override
  public void show(Step step) {
    // The collectivité and the draft's state are written for every step by AtlasStepFormListener.
  }

  @Override
  public void submit(Step step) {
    // Nothing to record: reading is all this step asks.
  }
}
