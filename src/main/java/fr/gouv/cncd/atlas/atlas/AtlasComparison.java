package fr.gouv.cncd.atlas.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.gouv.cncd.atlas.atlas.AtlasChange.Kind;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Project;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectKind;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changes from one Atlas content to another, section by section: the recap of step 8, and
 * what a version changed compared with the one before it. Items are matched by id; fields are
 * compared as their stored JSON values.
 */
public final class AtlasComparison {

  private AtlasComparison() {}

  public static List<AtlasChange> compare(AtlasContent before, AtlasContent after) {
    List<AtlasChange> changes = new ArrayList<>();
    fields(AtlasSection.COORDINATES, "coordinates", after.coordinates(), AtlasDocuments.tree(before.coordinates()),
        AtlasDocuments.tree(after.coordinates()), Kind.MODIFIED, changes);
    items(AtlasSection.CONTACTS, before.contacts(), after.contacts(), AtlasContent.Contact::id, changes);
    items(AtlasSection.NETWORKS, before.networks(), after.networks(), AtlasContent.NetworkMembership::id, changes);
    projects(AtlasSection.COOPERATIONS, before.projects(ProjectKind.COOPERATION),
        after.projects(ProjectKind.COOPERATION), changes);
    projects(AtlasSection.EXTERNAL_ACTIONS, before.projects(ProjectKind.EXTERNAL_ACTION),
        after.projects(ProjectKind.EXTERNAL_ACTION), changes);
    return changes;
  }

  private static <T> void items(AtlasSection section, List<T> before, List<T> after, Function<T, String> id,
      List<AtlasChange> changes) {
    Map<String, T> old = byId(before, id);
    for (T item : after) {
      T previous = old.remove(id.apply(item));
      if (previous == null) {
        changes.add(new AtlasChange(section, id.apply(item), Kind.ADDED, item, null, null, null));
      } else {
        fields(section, id.apply(item), item, AtlasDocuments.tree(previous), AtlasDocuments.tree(item),
            Kind.MODIFIED, changes);
      }
    }
    old.forEach((itemId, item) -> changes.add(new AtlasChange(section, itemId, Kind.DELETED, item, null, null, null)));
  }

  private static void projects(AtlasSection section, List<Project> before, List<Project> after,
      List<AtlasChange> changes) {
    Map<String, Project> old = byId(before, Project::id);
    for (Project project : after) {
      Project previous = old.remove(project.id());
      if (previous == null) {
        changes.add(new AtlasChange(section, project.id(), Kind.ADDED, project, null, null, null));
        continue;
      }
      if (previous.status() != project.status()) {
        Kind kind = project.status() == ProjectStatus.ARCHIVED ? Kind.ARCHIVED : Kind.RESTORED;
        changes.add(new AtlasChange(section, project.id(), kind, project, null, null, null));
      }
      ObjectNode was = AtlasDocuments.tree(previous.withStatus(project.status()));
      fields(section, project.id(), project, was, AtlasDocuments.tree(project), Kind.MODIFIED, changes);
    }
    old.forEach((id, project) -> changes.add(new AtlasChange(section, id, Kind.DELETED, project, null, null, null)));
  }

  private static void fields(AtlasSection section, String itemId, Object item, ObjectNode before, ObjectNode after,
      Kind kind, List<AtlasChange> changes) {
    Iterator<String> names = after.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      JsonNode was = before.path(field).isMissingNode() ? NullNode.getInstance() : before.get(field);
      JsonNode is = after.get(field);
      if (!same(was, is)) {
        changes.add(new AtlasChange(section, itemId, kind, item, field, was, is));
      }
    }
  }

  /** Equal JSON values, an empty text or list counting as no value. */
  static boolean same(JsonNode a, JsonNode b) {
    if (empty(a) && empty(b)) {
      return true;
    }
    if (a != null && b != null && a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return Objects.equals(a, b);
  }

  private static boolean empty(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() || (node.isTextual() && node.asText().isEmpty())
        || (node.isArray() && node.isEmpty());
  }

  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(item -> map.put(id.apply(item), item));
    return map;
  }
}
