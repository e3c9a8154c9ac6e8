package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.AtlasWording;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.*;

import fr.gouv.cncd.atlas.atlas.AtlasContent;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Project;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectKind;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectStatus;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.atlas.InvalidAtlasDataException;
import fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.NotAValueException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Steps 6 « Coopérations décentralisées » and 7 « Autres actions extérieures »: the list of
 * projects of the kind (with its search), and the four-section project sheet it opens.
 */
@Component
class ProjectSteps implements StepForm {

  /** The variables of one kind's list. */
  private record ListKeys(ProjectKind kind, String rows, String count, String search, String action, String choice,
      String options) {}

  private static final ListKeys COOPERATIONS = new ListKeys(ProjectKind.COOPERATION, COOPERATION_ROWS,
      COOPERATION_COUNT, COOPERATION_SEARCH, COOPERATION_ACTION, COOPERATION_CHOICE, COOPERATION_OPTIONS);
  private static final ListKeys EXTERNAL_ACTIONS = new ListKeys(ProjectKind.EXTERNAL_ACTION, EXTERNAL_ACTION_ROWS,
      EXTERNAL_ACTION_COUNT, EXTERNAL_ACTION_SEARCH, EXTERNAL_ACTION_ACTION, EXTERNAL_ACTION_CHOICE,
      EXTERNAL_ACTION_OPTIONS);

  private final AtlasUpdates updates;
  private final AtlasWording wording;

  ProjectSteps(AtlasUpdates updates, AtlasWording wording) {
    this.updates = updates;
    this.wording = wording;
  }

  @Override
  public Set<String> taskIds() {
    return Set.of(AtlasUpdateProcess.LIST_COOPERATIONS, AtlasUpdateProcess.EDIT_COOPERATION,
        AtlasUpdateProcess.LIST_EXTERNAL_ACTIONS, AtlasUpdateProcess.EDIT_EXTERNAL_ACTION);
  }

  private static boolean isList(String taskId) {
    return taskId.equals(AtlasUpdateProcess.LIST_COOPERATIONS) || taskId.equals(AtlasUpdateProcess.LIST_EXTERNAL_ACTIONS);
  }

  private static ProjectKind kind(String taskId) {
    return taskId.equals(AtlasUpdateProcess.LIST_COOPERATIONS) || taskId.equals(AtlasUpdateProcess.EDIT_COOPERATION)
        ? ProjectKind.COOPERATION : ProjectKind.EXTERNAL_ACTION;
  }

  private static ListKeys keys(ProjectKind kind) {
    return kind == ProjectKind.COOPERATION ? COOPERATIONS : EXTERNAL_ACTIONS;
  }

  @Override
  public void show(Step step) {
    AtlasContent content = updates.content(step.draftId());
    ProjectKind kind = kind(step.taskId());
    AtlasUpdateVariables v = step.variables();
    if (isList(step.taskId())) {
      showList(content, keys(kind), v);
    } else {
      showSheet(content, kind, v);
    }
  }

  private void showList(AtlasContent content, ListKeys keys, AtlasUpdateVariables v) {
    List<Project> projects = new ArrayList<>(content.projects(keys.kind()));
    // Active projects first, then by number: the list reads as the guide's « projets déjà déposés ».
    projects.sort(Comparator.comparing((Project p) -> p.status() == ProjectStatus.ARCHIVED)
        .thenComparing(p -> p.reference() == null ? Integer.MAX_VALUE : p.reference()));
    List<Map<String, String>> rows = new ArrayList<>();
    List<Map<String, String>> options = new ArrayList<>();
    for (Project p : projects) {
      String country = wording.country(p.country());
      String themes = wording.themes(p.themes());
      String status = p.status() == ProjectStatus.ARCHIVED ? "Archivé" : "Actif";
      rows.add(Rows.row("reference", String.valueOf(p.reference()), "title", p.title(), "country", country,
          "partner", p.partnerAuthority(), "themes", themes, "status", status,
          "searchText", searchText(p.reference() + " " + p.title() + " " + country + " " + p.partnerAuthority()
              + " " + themes)));
      options.add(Rows.option(wording.project(p) + " (" + country + ")" + (p.status() == ProjectStatus.ARCHIVED
          ? " — archivé" : ""), p.id()));
    }
    long active = projects.stream().filter(p -> p.status() == ProjectStatus.ACTIVE).count();
    v.setList(keys.rows(), rows);
    v.setList(keys.options(), options);
    v.set(keys.count(), ContactSteps.count((int) active, "Aucun projet actif", "projet actif", "projets actifs")
        + (projects.size() > active ? ", " + (projects.size() - active) + " archivé" + (projects.size() - active > 1 ? "s" : "") : ""));
    v.set(keys.search(), null);
    v.set(keys.action(), null);
    v.set(keys.choice(), null);
  }

  /** What the list's search compares with: lower case, without accents, so « senegal » finds « Sénégal ». */
  static String searchText(String text) {
    return java.text.Normalizer.normalize(text.toLowerCase(Locale.FRENCH), java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "") + " " + text.toLowerCase(Locale.FRENCH);
  }

  private void showSheet(AtlasContent content, ProjectKind kind, AtlasUpdateVariables v) {
    String id = v.string(EDITED_ITEM_ID);
    Project p = id == null ? null : content.project(id).orElse(null);
    String what = kind == ProjectKind.COOPERATION ? "Nouvelle coopération décentralisée" : "Nouvelle action extérieure";
    v.set(SHEET_TITLE, p == null ? what : "Modifier : " + wording.project(p));
    v.set(PROJECT_COUNTRY, p == null ? null : p.country());
    v.set(PROJECT_PARTNER_AUTHORITY, p == null ? null : p.partnerAuthority());
    v.set(PROJECT_PARTNER_LEVEL, p == null ? null : p.partnerLevel());
    v.set(PROJECT_OTHER_PARTNERS, p == null ? null : p.otherPartners());
    v.set(PROJECT_TITLE, p == null ? null : p.title());
    v.set(PROJECT_DESCRIPTION, p == null ? null : p.description());
    v.setList(PROJECT_THEMES, p == null ? List.of() : p.themes());
    v.setList(PROJECT_SDGS, p == null ? List.of() : p.sdgs());
    v.set(PROJECT_START_DATE, p == null || p.startDate() == null ? null : p.startDate().toString());
    v.set(PROJECT_END_DATE, p == null || p.endDate() == null ? null : p.endDate().toString());
    v.set(PROJECT_ONGOING, p != null && p.ongoing());
    v.set(PROJECT_AGREEMENT_TYPE, p == null ? null : p.agreementType());
    v.set(PROJECT_SIGNATURE_DATE, p == null || p.signatureDate() == null ? null : p.signatureDate().toString());
    v.set(PROJECT_AGREEMENT_END, p == null || p.agreementEnd() == null ? null : p.agreementEnd().toString());
    v.set(PROJECT_ACTION_NATURE, p == null ? null : p.actionNature());
    v.set(PROJECT_TOTAL_BUDGET, p == null || p.totalBudget() == null ? null : p.totalBudget().doubleValue());
    v.set(PROJECT_OWN_SHARE, p == null || p.ownShare() == null ? null : p.ownShare().doubleValue());
    v.set(PROJECT_COFUNDING_MEAE, p == null || p.cofundingMeae() == null ? null : p.cofundingMeae().doubleValue());
    v.set(PROJECT_COFUNDING_EU, p == null || p.cofundingEu() == null ? null : p.cofundingEu().doubleValue());
    v.set(PROJECT_COFUNDING_AFD, p == null || p.cofundingAfd() == null ? null : p.cofundingAfd().doubleValue());
    v.set(PROJECT_COFUNDING_OTHER, p == null || p.cofundingOther() == null ? null : p.cofundingOther().doubleValue());
    v.set(PROJECT_OTHER_COFUNDERS, p == null ? null : p.otherCofunders());
    v.set(SHEET_DECISION, "SAVE");
  }

  @Override
  public void submit(Step step) {
    ProjectKind kind = kind(step.taskId());
    AtlasUpdateVariables v = step.variables();
    if (isList(step.taskId())) {
      submitList(step, keys(kind));
      return;
    }
    if (ListChoice.discarded(v)) {
      return;
    }
    Project typed;
    try {
      typed = new Project(v.string(EDITED_ITEM_ID), kind, null, null, v.string(PROJECT_COUNTRY),
          v.string(PROJECT_PARTNER_AUTHORITY), v.string(PROJECT_PARTNER_LEVEL), v.string(PROJECT_OTHER_PARTNERS),
          v.string(PROJECT_TITLE), v.string(PROJECT_DESCRIPTION), v.strings(PROJECT_THEMES), v.strings(PROJECT_SDGS),
          v.date(PROJECT_START_DATE), v.date(PROJECT_END_DATE), v.bool(PROJECT_ONGOING),
          v.string(PROJECT_AGREEMENT_TYPE), v.date(PROJECT_SIGNATURE_DATE), v.date(PROJECT_AGREEMENT_END),
          v.string(PROJECT_ACTION_NATURE), v.decimal(PROJECT_TOTAL_BUDGET), v.decimal(PROJECT_OWN_SHARE),
          v.decimal(PROJECT_COFUNDING_MEAE), v.decimal(PROJECT_COFUNDING_EU), v.decimal(PROJECT_COFUNDING_AFD),
          v.decimal(PROJECT_COFUNDING_OTHER), v.string(PROJECT_OTHER_COFUNDERS));
    } catch (NotAValueException e) {
      throw new InvalidAtlasDataException(e.field, e.getMessage());
    }
    updates.saveProject(step.draftId(), kind, typed, step.user());
  }

  private void submitList(Step step, ListKeys keys) {
    AtlasUpdateVariables v = step.variables();
    String action = ListChoice.action(v, keys.action(), Set.of(ListChoice.ADD, ListChoice.MODIFY, ListChoice.ARCHIVE,
        ListChoice.RESTORE, ListChoice.NEXT));
    v.set(EDITED_ITEM_ID, null);
    switch (action) {
      case ListChoice.MODIFY -> {
        String id = ListChoice.item(v, keys.choice(), "Projet");
        if (updates.content(step.draftId()).project(id).filter(p -> p.kind() == keys.kind()).isEmpty()) {
          throw new InvalidAtlasDataException(keys.choice(), "Projet : choisissez un projet de la liste.");
        }
        v.set(EDITED_ITEM_ID, id);
      }
      case ListChoice.ARCHIVE -> updates.setProjectStatus(step.draftId(), keys.kind(),
          ListChoice.item(v, keys.choice(), "Projet"), ProjectStatus.ARCHIVED, step.user(), keys.choice());
      case ListChoice.RESTORE -> updates.setProjectStatus(step.draftId(), keys.kind(),
          ListChoice.item(v, keys.choice(), "Projet"), ProjectStatus.ACTIVE, step.user(), keys.choice());
      default -> { }
    }
  }
}
