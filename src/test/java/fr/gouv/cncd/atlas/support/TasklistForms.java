package fr.gouv.cncd.atlas.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Camunda Forms as Tasklist 7.24 handles them, replayed over HTTP: the calls it makes to open a
 * task (task list, form reference, deployed form, form variables with deserializeValues=false),
 * and the body it submits, computed as its bundled form-js 1.x computes it:
 * <ul>
 * <li>the form's data starts from the form variables (Json and JSON-serialized objects parsed);
 *     every keyed field is initialized from it, sanitized by its type (a text field turns null into
 *     "", a select keeps only one of its options...), or gets its default or empty value;</li>
 * <li>what the user types replaces the values of visible, enabled fields only (a select or a
 *     radio only takes one of its options);</li>
 * <li>the submission holds the visible, enabled keyed fields (a field hidden by its own or its
 *     group's {@code conditional.hide}, or disabled, is not sent); a required empty field stops it;</li>
 * <li>each value is sent as Tasklist sends it: a string, number, boolean or null as
 *     {@code {"value": …}} without type (the REST API infers String, Integer, Long, Double,
 *     Boolean), an object or a list as a JSON text typed like the form variable of that name
 *     ({@code Object} with its valueInfo when the code wrote it), else {@code Json}.</li>
 * </ul>
 * Conditions are read by a small FEEL subset (names, string and boolean literals, =, !=, and, or,
 * not(...)); anything else fails loudly rather than guess.
 */
public final class TasklistForms {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final EngineCaller engine;

  public TasklistForms(EngineCaller engine) {
    this.engine = engine;
  }

  /** One open task as Tasklist shows it: its form schema and its form variables. */
  public record Task(String id, String taskDefinitionKey, String name, String assignee, String formRef,
      JsonNode schema, ObjectNode formVariables) {

    /** A form variable's value as form-js gets it (JSON documents parsed); null node when absent. */
    public JsonNode value(String name) {
      return initialData(formVariables).path(name);
    }

    public String text(String name) {
      JsonNode value = value(name);
      return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    /** A table's rows (maps of strings), as the form's {@code dataSource} reads them. */
    public List<Map<String, String>> rows(String name) {
      List<Map<String, String>> rows = new ArrayList<>();
      for (JsonNode row : value(name)) {
        Map<String, String> map = new LinkedHashMap<>();
        row.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        rows.add(map);
      }
      return rows;
    }
  }

  /** « Démarrer un processus »: the start form of the latest definition of the key, submitted. */
  public EngineCaller.Answer start(String processDefinitionKey, Map<String, Object> typed) {
    JsonNode definition = read(ok(engine.get("/process-definition/key/" + processDefinitionKey)));
    String definitionId = definition.get("id").asText();
    JsonNode schema = read(ok(engine.get("/process-definition/" + encode(definitionId) + "/deployed-start-form")));
    // Tasklist loads no variables for a start form.
    ObjectNode body = NODES.objectNode();
    body.set("variables", variables(schema, NODES.objectNode(), typed));
    return engine.post("/process-definition/" + encode(definitionId) + "/submit-form", body.toString());
  }

  /** The single open task of the process instance, opened as Tasklist opens it. */
  public Task task(String processInstanceId) {
    JsonNode tasks = read(ok(engine.get("/task?processInstanceId=" + encode(processInstanceId))));
    if (tasks.size() != 1) {
      throw new AssertionError("Expected one open task of " + processInstanceId + ", found " + tasks);
    }
    JsonNode task = tasks.get(0);
    String id = task.get("id").asText();
    JsonNode form = read(ok(engine.get("/task/" + id + "/form")));
    String formRef = form.path("camundaFormRef").path("key").asText(null);
    JsonNode schema = read(ok(engine.get("/task/" + id + "/deployed-form")));
    if (formRef == null || !formRef.equals(schema.path("id").asText())) {
      throw new AssertionError("Task " + task.get("taskDefinitionKey") + " refers to form " + formRef
          + " but its deployed form is " + schema.path("id"));
    }
    ObjectNode variables = (ObjectNode) read(ok(engine.get("/task/" + id + "/form-variables?deserializeValues=false")));
    return new Task(id, task.get("taskDefinitionKey").asText(), task.get("name").asText(),
        task.path("assignee").asText(null), formRef, schema, variables);
  }

  /** « Terminer »: the user types these values into the form, then Tasklist submits it. */
  public EngineCaller.Answer submit(Task task, Map<String, Object> typed) {
    ObjectNode body = NODES.objectNode();
    body.set("variables", variables(task.schema(), task.formVariables(), typed));
    return engine.post("/task/" + task.id() + "/submit-form", body.toString());
  }

  /** The {@code variables} of the submit-form body. */
  static ObjectNode variables(JsonNode schema, ObjectNode formVariables, Map<String, Object> typed) {
    ObjectNode input = initialData(formVariables);
    List<JsonNode> fields = new ArrayList<>();
    keyedFields(schema.get("components"), fields);
    // (1) importSchema: every keyed field initialized from the input, sanitized, or default or empty.
    ObjectNode data = input.deepCopy();
    for (JsonNode field : fields) {
      String key = field.get("key").asText();
      JsonNode value = input.has(key) ? sanitize(field, input.get(key), input)
          : field.has("defaultValue") ? field.get("defaultValue") : emptyValue(field.get("type").asText());
      data.set(key, value);
    }
    // (2) The user types into visible, enabled fields.
    Set<String> visible = new LinkedHashSet<>();
    visibleFields(schema.get("components"), data, visible);
    for (Map.Entry<String, Object> entry : typed.entrySet()) {
      JsonNode field = fields.stream().filter(f -> f.get("key").asText().equals(entry.getKey())).findFirst()
          .orElseThrow(() -> new AssertionError("Form " + schema.path("id") + " has no field " + entry.getKey()));
      JsonNode value = JSON.valueToTree(entry.getValue());
      if (field.path("disabled").asBoolean()) {
        throw new AssertionError("Field " + entry.getKey() + " of form " + schema.path("id") + " is disabled");
      }
      requireOffered(field, value, data, schema);
      data.set(entry.getKey(), value);
      // A choice may show other fields (contactAction shows contactChoice): conditions are live.
      visible.clear();
      visibleFields(schema.get("components"), data, visible);
    }
    for (String key : typed.keySet()) {
      if (!visible.contains(key)) {
        throw new AssertionError("Field " + key + " of form " + schema.path("id") + " is hidden: nobody can type into it");
      }
    }
    // (3) submit(): the visible, enabled keyed fields; required fields filled.
    ObjectNode variables = NODES.objectNode();
    Map<String, String> valuesKeys = new LinkedHashMap<>();
    schema.get("components").forEach(c -> {
      if (c.has("key") && c.has("valuesKey")) {
        valuesKeys.put(c.get("key").asText(), c.get("valuesKey").asText()); // top-level components only, as Tasklist
      }
    });
    for (JsonNode field : fields) {
      String key = field.get("key").asText();
      if (!visible.contains(key) || field.path("disabled").asBoolean()) {
        continue;
      }
      JsonNode value = data.get(key);
      if (field.path("validate").path("required").asBoolean() && isEmpty(value)) {
        throw new AssertionError("Tasklist does not submit form " + schema.path("id") + ": " + key + " is required");
      }
      variables.set(key, variable(key, value, formVariables, valuesKeys));
    }
    return variables;
  }

  private static ObjectNode variable(String key, JsonNode value, ObjectNode formVariables, Map<String, String> valuesKeys) {
    ObjectNode variable = NODES.objectNode();
    if (value != null && (value.isObject() || value.isArray())) {
      JsonNode known = formVariables.get(key);
      if (known == null && valuesKeys.containsKey(key)) {
        known = formVariables.get(valuesKeys.get(key));
      }
      variable.put("type", known == null ? "Json" : known.path("type").asText());
      variable.set("valueInfo", known == null ? NullNode.getInstance() : known.path("valueInfo").deepCopy());
      variable.put("value", jsNumbers(value).toString());
    } else {
      variable.set("value", value == null ? NullNode.getInstance() : jsNumbers(value));
    }
    return variable;
  }

  /** JavaScript has one number type: JSON.stringify writes 40000.0 as 40000. */
  private static JsonNode jsNumbers(JsonNode value) {
    if (value.isNumber()) {
      double number = value.doubleValue();
      return number == Math.rint(number) && Math.abs(number) < 9.007199254740992E15
          ? NODES.numberNode((long) number) : NODES.numberNode(number);
    }
    if (value.isArray()) {
      ArrayNode array = NODES.arrayNode();
      value.forEach(element -> array.add(jsNumbers(element)));
      return array;
    }
    if (value.isObject()) {
      ObjectNode object = NODES.objectNode();
      value.fields().forEachRemaining(f -> object.set(f.getKey(), jsNumbers(f.getValue())));
      return object;
    }
    return value;
  }

  /** What Tasklist hands form-js: each form variable's value, Json and JSON-serialized objects parsed. */
  static ObjectNode initialData(ObjectNode formVariables) {
    ObjectNode data = NODES.objectNode();
    formVariables.fields().forEachRemaining(entry -> {
      JsonNode dto = entry.getValue();
      JsonNode value = dto.path("value");
      boolean json = "Json".equals(dto.path("type").asText())
          || "application/json".equals(dto.path("valueInfo").path("serializationDataFormat").asText());
      if (json && value.isTextual()) {
        value = read(value.asText());
      }
      data.set(entry.getKey(), value.isMissingNode() ? NullNode.getInstance() : value);
    });
    return data;
  }

  private static void keyedFields(JsonNode components, List<JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.has("key") && !List.of("text", "table", "group").contains(component.get("type").asText())) {
        fields.add(component);
      }
      if (component.has("components")) {
        keyedFields(component.get("components"), fields);
      }
    }
  }

  private static void visibleFields(JsonNode components, JsonNode data, Set<String> visible) {
    for (JsonNode component : components) {
      String hide = component.path("conditional").path("hide").asText(null);
      if (hide != null && Feel.isTrue(hide, data)) {
        continue;
      }
      if (component.has("key")) {
        visible.add(component.get("key").asText());
      }
      if (component.has("components")) {
        visibleFields(component.get("components"), data, visible);
      }
    }
  }

  private static JsonNode emptyValue(String type) {
    return switch (type) {
      case "textfield", "textarea" -> NODES.textNode("");
      case "checkbox" -> NODES.booleanNode(false);
      case "checklist", "taglist" -> NODES.arrayNode();
      case "number", "radio", "select", "datetime" -> NullNode.getInstance();
      default -> throw new AssertionError("No empty value known for a " + type);
    };
  }

  private static JsonNode sanitize(JsonNode field, JsonNode value, JsonNode data) {
    String type = field.get("type").asText();
    return switch (type) {
      case "textfield" -> value.isNull() || value.isContainerNode() ? NODES.textNode("")
          : NODES.textNode(value.asText().replaceAll("[\\r\\n\\t]", " "));
      case "textarea" -> value.isNull() || value.isContainerNode() ? NODES.textNode("") : NODES.textNode(value.asText());
      case "checkbox" -> NODES.booleanNode(value.isBoolean() && value.booleanValue());
      case "number" -> value.isNumber() ? value : value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?")
          ? NODES.numberNode(Double.parseDouble(value.asText())) : NullNode.getInstance();
      case "radio", "select" -> options(field, data).contains(value) ? value : NullNode.getInstance();
      case "checklist", "taglist" -> {
        ArrayNode kept = NODES.arrayNode();
        if (value.isArray()) {
          List<JsonNode> options = options(field, data);
          value.forEach(v -> {
            if (options.contains(v)) {
              kept.add(v);
            }
          });
        }
        yield kept;
      }
      case "datetime" -> value.isTextual() && value.asText().matches("\\d{4}-\\d{2}-\\d{2}") ? value : NullNode.getInstance();
      default -> throw new AssertionError("No sanitizer known for a " + type);
    };
  }

  private static List<JsonNode> options(JsonNode field, JsonNode data) {
    JsonNode values = field.has("valuesKey") ? data.path(field.get("valuesKey").asText()) : field.path("values");
    List<JsonNode> options = new ArrayList<>();
    values.forEach(option -> options.add(option.path("value")));
    return options;
  }

  private static void requireOffered(JsonNode field, JsonNode value, JsonNode data, JsonNode schema) {
    String type = field.get("type").asText();
    List<JsonNode> offered = List.of("radio", "select", "checklist", "taglist").contains(type) ? options(field, data) : null;
    if (offered == null || value.isNull()) {
      return;
    }
    for (JsonNode chosen : value.isArray() ? value : NODES.arrayNode().add(value)) {
      if (!offered.contains(chosen)) {
        throw new AssertionError(field.get("key").asText() + " of form " + schema.path("id") + " offers no " + chosen
            + " (offered: " + offered + ")");
      }
    }
  }

  private static boolean isEmpty(JsonNode value) {
    return value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())
        || (value.isArray() && value.isEmpty());
  }

  private static String ok(EngineCaller.Answer answer) {
    if (!answer.ok()) {
      throw new AssertionError("Tasklist's call answered " + answer.status() + ": " + answer.body());
    }
    return answer.body();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("Not JSON: " + json, e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** The FEEL of the forms' conditions, as far as they use it. */
  static final class Feel {

    private static final Pattern TOKEN = Pattern.compile(
        "\\s*(?:(\"(?:[^\"\\\\]|\\\\.)*\")|(!=|=|\\(|\\))|([A-Za-z_][A-Za-z0-9_]*))");
    private final List<String> tokens = new ArrayList<>();
    private final JsonNode data;
    private int next;

    private Feel(String expression, JsonNode data) {
      this.data = data;
      Matcher matcher = TOKEN.matcher(expression);
      int at = 0;
      while (at < expression.length() && matcher.find(at) && matcher.start() == at) {
        tokens.add(matcher.group().strip());
        at = matcher.end();
      }
      if (!expression.substring(at).isBlank()) {
        throw new IllegalArgumentException("FEEL beyond this test's reader: " + expression);
      }
    }

    static boolean isTrue(String expression, JsonNode data) {
      if (!expression.startsWith("=")) {
        throw new IllegalArgumentException("Not an expression: " + expression);
      }
      Feel feel = new Feel(expression.substring(1), data);
      Object result = feel.or();
      if (feel.next != feel.tokens.size()) {
        throw new IllegalArgumentException("FEEL beyond this test's reader: " + expression);
      }
      return Boolean.TRUE.equals(result);
    }

    private Object or() {
      Object left = and();
      while (accept("or")) {
        Object right = and();
        left = Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right);
      }
      return left;
    }

    private Object and() {
      Object left = comparison();
      while (accept("and")) {
        Object right = comparison();
        left = Boolean.TRUE.equals(left) && Boolean.TRUE.equals(right);
      }
      return left;
    }

    private Object comparison() {
      Object left = operand();
      if (accept("=")) {
        return java.util.Objects.equals(left, operand());
      }
      if (accept("!=")) {
        return !java.util.Objects.equals(left, operand());
      }
      return left;
    }

    private Object operand() {
      String token = tokens.get(next++);
      if (token.equals("not") && accept("(")) {
        Object inner = or();
        expect(")");
        return inner instanceof Boolean b ? !b : null;
      }
      if (token.equals("(")) {
        Object inner = or();
        expect(")");
        return inner;
      }
      if (token.startsWith("\"")) {
        return read(token).asText();
      }
      switch (token) {
        case "true":
          return true;
        case "false":
          return false;
        case "null":
          return null;
        case "if", "then", "else", "and", "or":
          throw new IllegalArgumentException("FEEL beyond this test's reader: " + String.join(" ", tokens));
        default:
          JsonNode value = data.path(token);
          return value.isTextual() ? value.asText() : value.isBoolean() ? value.booleanValue()
              : value.isNumber() ? value.decimalValue() : null;
      }
    }

    private boolean accept(String token) {
      if (next < tokens.size() && tokens.get(next).equals(token)) {
        next++;
        return true;
      }
      return false;
    }

    private void expect(String token) {
      if (!accept(token)) {
        throw new IllegalArgumentException("Expected " + token + " in " + String.join(" ", tokens));
      }
    }
  }
}
