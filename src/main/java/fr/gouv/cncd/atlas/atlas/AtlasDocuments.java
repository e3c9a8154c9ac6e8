package fr.gouv.cncd.atlas.atlas;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of an Atlas content, as versions and drafts store it. Its own mapper, independent
 * of the web's settings: a stored document must read the same whatever the API's settings become.
 * Trees (comparison, merge) keep amounts exactly as written: Jackson's default would turn
 * 180000.00 into 1.8E+5 on the way through a tree, and a merged draft would publish amounts
 * nobody changed in another form.
 */
final class AtlasDocuments {

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .serializationInclusion(JsonInclude.Include.ALWAYS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private AtlasDocuments() {}

  static String write(AtlasContent content) {
    try {
      return MAPPER.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Atlas content not writable as JSON", e);
    }
  }

  static AtlasContent read(String json) {
    try {
      return MAPPER.readValue(json, AtlasContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored Atlas content is not readable", e);
    }
  }

  static ObjectNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  static <T> T fromTree(ObjectNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Atlas item not readable", e);
    }
  }
}
