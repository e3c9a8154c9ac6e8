package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.AtlasWording;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.*;

import fr.gouv.cncd.atlas.atlas.AtlasContent;
import fr.gouv.cncd.atlas.atlas.AtlasContent.NetworkMembership;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.atlas.InvalidAtlasDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Step 5 « Associations et réseaux »: the memberships and the membership sheet. */
@Component
class NetworkSteps implements StepForm {

  private final AtlasUpdates updates;
  private final AtlasWording wording;

  NetworkSteps(AtlasUpdates updates, AtlasWording wording) {
    this.updates = updates;
    this.wording = wording;
  }

  @Override
  public Set<String> taskIds() {
    return Set.of(AtlasUpdateProcess.LIST_NETWORKS, AtlasUpdateProcess.EDIT_NETWORK_MEMBERSHIP);
  }

  @Override
  public void show(Step step) {
    AtlasContent content = updates.content(step.draftId());
    AtlasUpdateVariables v = step.variables();
    if (step.taskId().equals(AtlasUpdateProcess.LIST_NETWORKS)) {
      List<Map<String, String>> rows = new ArrayList<>();
      List<Map<String, String>> options = new ArrayList<>();
      for (NetworkMembership n : content.networks()) {
        rows.add(Rows.row("name", wording.network(n), "yearJoined", n.yearJoined() == null ? "" : n.yearJoined().toString()));
        options.add(Rows.option(wording.network(n), n.id()));
      }
      v.setList(NETWORK_ROWS, rows);
      v.setList(NETWORK_OPTIONS, options);
      v.set(NETWORK_COUNT, ContactSteps.count(rows.size(), "Aucune adhésion", "adhésion", "adhésions"));
      v.set(NETWORK_ACTION, null);
      v.set(NETWORK_CHOICE, null);
      return;
    }
    String id = v.string(EDITED_ITEM_ID);
    NetworkMembership n = id == null ? null : content.network(id).orElse(null);
    v.set(SHEET_TITLE, n == null ? "Nouvelle adhésion" : "Modifier : " + wording.network(n));
    v.set(NETWORK_CODE, n == null ? null : n.networkCode());
    v.set(NETWORK_OTHER_NAME, n == null ? null : n.otherName());
    v.set(NETWORK_YEAR_JOINED, n == null ? null : n.yearJoined());
    v.set(SHEET_DECISION, "SAVE");
  }

  @Override
  public void submit(Step step) {
    AtlasUpdateVariables v = step.variables();
    if (step.taskId().equals(AtlasUpdateProcess.LIST_NETWORKS)) {
      String action = ListChoice.action(v, NETWORK_ACTION,
          Set.of(ListChoice.ADD, ListChoice.MODIFY, ListChoice.DELETE, ListChoice.NEXT));
      v.set(EDITED_ITEM_ID, null);
      switch (action) {
        case ListChoice.MODIFY -> {
          String id = ListChoice.item(v, NETWORK_CHOICE, "Adhésion");
          if (updates.content(step.draftId()).network(id).isEmpty()) {
            throw new InvalidAtlasDataException(NETWORK_CHOICE, "Adhésion : choisissez une adhésion de la liste.");
          }
          v.set(EDITED_ITEM_ID, id);
        }
        case ListChoice.DELETE -> updates.deleteNetwork(step.draftId(), ListChoice.item(v, NETWORK_CHOICE, "Adhésion"), step.user());
        default -> { }
      }
      return;
    }
    if (ListChoice.discarded(v)) {
      return;
    }
    updates.saveNetwork(step.draftId(), new NetworkMembership(v.string(EDITED_ITEM_ID), v.string(NETWORK_CODE),
        v.string(NETWORK_OTHER_NAME), v.integer(NETWORK_YEAR_JOINED)), step.user());
  }
}
