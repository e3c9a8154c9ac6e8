package fr.gouv.cncd.atlas.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Brings into a draft what was published after it started: a three-way merge of the draft's base
 * version, the draft and the version published since. Field by field, what the draft changed
 * wins and the rest comes from the newer version; items added on either side are kept; an item
 * deleted on one side stays deleted unless the other side changed it.
 */
final class AtlasMerge {

  private AtlasMerge() {}

  static AtlasContent merge(AtlasContent base, AtlasContent mine, AtlasContent theirs) {
    ObjectNode merged = AtlasDocuments.tree(theirs);
    ObjectNode b = AtlasDocuments.tree(base);
    ObjectNode m = AtlasDocuments.tree(mine);
    merged.set("coordinates", fields((ObjectNode) b.get("coordinates"), (ObjectNode) m.get("coordinates"),
        (ObjectNode) merged.get("coordinates")));
    for (String list : new String[] {"contacts", "networks", "projects"}) {
      merged.set(list, items((ArrayNode) b.get(list), (ArrayNode) m.get(list), (ArrayNode) merged.get(list)));
    }
    return AtlasDocuments.fromTree(merged, AtlasContent.class);
  }

  private static ObjectNode fields(ObjectNode base, ObjectNode mine, ObjectNode theirs) {
    ObjectNode result = theirs.deepCopy();
    Iterator<String> names = mine.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      if (!AtlasComparison.same(base.get(field), mine.get(field))) {
        result.set(field, mine.get(field));
      }
    }
    return result;
  }

  private static ArrayNode items(ArrayNode base, ArrayNode mine, ArrayNode theirs) {
    Map<String, ObjectNode> b = byId(base);
    Map<String, ObjectNode> m = byId(mine);
    Map<String, ObjectNode> t = byId(theirs);
    ArrayNode result = theirs.arrayNode();
    for (JsonNode node : theirs) {
      ObjectNode their = (ObjectNode) node;
      String id = their.get("id").asText();
      ObjectNode was = b.get(id);
      ObjectNode my = m.get(id);
      if (was == null) {
        result.add(their); // added since by the other side
      } else if (my == null) {
        if (!their.equals(was)) {
          result.add(their); // deleted in the draft, but changed since: kept as changed
        }
      } else {
        result.add(fields(was, my, their));
      }
    }
    for (JsonNode node : mine) {
      String id = node.get("id").asText();
      if (!b.containsKey(id)) {
        result.add(node); // added by the draft
      } else if (!t.containsKey(id) && !node.equals(b.get(id))) {
        result.add(node); // deleted since, but changed in the draft: kept as the draft has it
      }
    }
    return result;
  }

  private static Map<String, ObjectNode> byId(ArrayNode items) {
    Map<String, ObjectNode> map = new LinkedHashMap<>();
    items.forEach(item -> map.put(item.get("id").asText(), (ObjectNode) item));
    return map;
  }
}
