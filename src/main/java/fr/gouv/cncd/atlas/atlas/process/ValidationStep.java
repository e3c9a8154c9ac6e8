package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.web.FrenchDates;
import fr.gouv.cncd.atlas.atlas.AtlasWording;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.*;

import fr.gouv.cncd.atlas.atlas.AtlasChange;
import fr.gouv.cncd.atlas.atlas.AtlasSection;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.atlas.InvalidAtlasDataException;
import fr.gouv.cncd.atlas.atlas.UpdateRecap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Step 8 « Validation »: the recap of what the update changes compared with the published Atlas,
 * section by section, and the choice to validate, go back to a step, take in what was published
 * meanwhile, or abandon.
 */
@Component
class ValidationStep implements StepForm {

  static final String VALIDATE = "VALIDATE";
  static final String BACK = "BACK";
  static final String REBASE = "REBASE";
  static final String ABANDON = "ABANDON";
  private static final Set<String> STEPS = Set.of("1", "2", "3", "4", "5", "6", "7");

  private final AtlasUpdates updates;
  private final AtlasWording wording;

  ValidationStep(AtlasUpdates updates, AtlasWording wording) {
    this.updates = updates;
    this.wording = wording;
  }

  @Override
  public Set<String> taskIds() {
    return Set.of(AtlasUpdateProcess.VALIDATE_UPDATE);
  }

  @Override
  public void show(Step step) {
    AtlasUpdateVariables v = step.variables();
    recap(step.draftId()).forEach(v::set);
    v.set(VALIDATION_CHOICE, null);
    v.set(BACK_TO_STEP, null);
  }

  /**
   * What step 8 shows of the draft: the recap, and the conflict with a version published since it
   * started. Written when the step starts, and again when a version is published while it waits.
   */
  Map<String, Object> recap(String draftId) {
    UpdateRecap recap = updates.recap(draftId);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(RECAP_SUMMARY, summary(recap.changes()));
    variables.put(RECAP_ROWS, new ArrayList<>(rows(recap.changes())));
    variables.put(CONFLICT, recap.conflict());
    variables.put(CONFLICT_SUMMARY, recap.conflict()
        ? "La version " + recap.published().version() + " de l'Atlas de votre collectivité a été publiée le "
            + FrenchDates.dayAndTime(recap.published().publishedAt()) + " par " + recap.published().publishedBy()
            + ", après le début de votre mise à jour (commencée sur la version " + recap.baseVersion() + ").\n"
            + "Elle n'est pas écrasée : choisissez « Intégrer à mon brouillon les changements publiés entre-temps »,"
            + " vérifiez le récapitulatif, puis validez.\n" + summary(recap.publishedMeanwhile())
        : "");
    variables.put(CONFLICT_ROWS, new ArrayList<>(rows(recap.publishedMeanwhile())));
    return variables;
  }

  @Override
  public void submit(Step step) {
    AtlasUpdateVariables v = step.variables();
    String choice = ListChoice.action(v, VALIDATION_CHOICE, Set.of(VALIDATE, BACK, REBASE, ABANDON));
    switch (choice) {
      case VALIDATE -> updates.validate(step.draftId(), step.user());
      case REBASE -> updates.rebase(step.draftId(), step.user());
      case BACK -> {
        String target = v.string(BACK_TO_STEP);
        if (target == null || !STEPS.contains(target)) {
          throw new InvalidAtlasDataException(BACK_TO_STEP, "Étape : choisissez l'étape à laquelle revenir.");
        }
      }
      default -> { }
    }
  }

  /** One line per section: what changes in it, or « Aucune modification ». */
  String summary(List<AtlasChange> changes) {
    StringBuilder text = new StringBuilder();
    for (AtlasSection section : AtlasSection.values()) {
      List<AtlasChange> inSection = changes.stream().filter(c -> c.section() == section).toList();
      text.append(AtlasWording.SECTIONS.get(section)).append(" : ");
      if (inSection.isEmpty()) {
        text.append("aucune modification");
      } else if (section == AtlasSection.COORDINATES) {
        text.append(inSection.size()).append(inSection.size() > 1 ? " champs modifiés" : " champ modifié");
      } else {
        List<String> parts = new ArrayList<>();
        for (AtlasChange.Kind kind : AtlasChange.Kind.values()) {
          long items = inSection.stream().filter(c -> c.kind() == kind).map(AtlasChange::itemId).distinct().count();
          if (items > 0) {
            parts.add(items + " " + (items > 1 ? plural(kind) : AtlasWording.KINDS.get(kind).toLowerCase(Locale.FRENCH)));
          }
        }
        text.append(String.join(", ", parts));
      }
      text.append(".\n");
    }
    return text.toString().strip();
  }

  private static String plural(AtlasChange.Kind kind) {
    return AtlasWording.KINDS.get(kind).toLowerCase(Locale.FRENCH) + "s";
  }

  List<Map<String, String>> rows(List<AtlasChange> changes) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (AtlasSection section : AtlasSection.values()) {
      List<AtlasChange> inSection = changes.stream().filter(c -> c.section() == section).toList();
      if (inSection.isEmpty()) {
        rows.add(Rows.row("section", AtlasWording.SECTIONS.get(section), "item", "", "change", "Aucune modification",
            "field", "", "before", "", "after", ""));
      }
      for (AtlasChange change : inSection) {
        rows.add(Rows.row("section", AtlasWording.SECTIONS.get(section), "item", wording.item(change),
            "change", AtlasWording.KINDS.get(change.kind()), "field", wording.field(change.field()),
            "before", change.field() == null ? "" : wording.value(change.field(), change.before()),
            "after", change.field() == null ? "" : wording.value(change.field(), change.after())));
      }
    }
    return rows;
  }
}
