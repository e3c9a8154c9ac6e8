package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.InvalidAtlasDataException;
import java.util.Set;

/** The action chosen on a list step (add, modify, delete or archive, next step) and the item it targets. */
final class ListChoice {

  static final String ADD = "ADD";
  static final String MODIFY = "MODIFY";
  static final String DELETE = "DELETE";
  static final String ARCHIVE = "ARCHIVE";
  static final String RESTORE = "RESTORE";
  static final String NEXT = "NEXT";

  private ListChoice() {}

  /** The chosen action, refused unless it is one of {@code allowed}. */
  static String action(AtlasUpdateVariables variables, String actionKey, Set<String> allowed) {
    String action = variables.string(actionKey);
    if (action == null || !allowed.contains(action)) {
      throw new InvalidAtlasDataException(actionKey, "Que souhaitez-vous faire ? Choisissez une des actions proposées.");
    }
    return action;
  }

  /** The item chosen for an action that needs one. */
  static String item(AtlasUpdateVariables variables, String choiceKey, String what) {
    String item = variables.string(choiceKey);
    if (item == null || item.isBlank()) {
      throw new InvalidAtlasDataException(choiceKey, what + " : choisissez-le dans la liste.");
    }
    return item;
  }

  static boolean discarded(AtlasUpdateVariables variables) {
    return "DISCARD".equals(variables.string(AtlasUpdateVariables.SHEET_DECISION));
  }
}
