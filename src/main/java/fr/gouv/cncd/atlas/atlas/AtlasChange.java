package fr.gouv.cncd.atlas.atlas;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One difference between two Atlas contents: an item added, deleted, archived or restored, or one
 * field of an item modified (field, before, after). {@code item} is the item's own value after the
 * change (before it, for a deletion), for the edge to name it.
 *
 * @param field the item's field (a component name of its record), null for a change of the whole item
 */
public record AtlasChange(AtlasSection section, String itemId, Kind kind, Object item, String field,
    JsonNode before, JsonNode after) {

  public enum Kind { ADDED, MODIFIED, ARCHIVED, RESTORED, DELETED }
}
