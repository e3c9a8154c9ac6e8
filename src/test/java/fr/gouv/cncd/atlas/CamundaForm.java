package fr.gouv.cncd.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Camunda form (form-js schema, forms/*.form) as the contract tests read it: which variables it
 * lets the user type (input keys) and which it shows, so needs from the process (display-only
 * fields, select options, tables, variables of its FEEL expressions).
 */
final class CamundaForm {

  static final Path FOLDER = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Names FEEL gives meaning to by itself, never variables (item: the element in a filter). */
  private static final Set<String> FEEL_WORDS = Set.of("if", "then", "else", "for", "in", "return", "some", "every",
      "satisfies", "and", "or", "between", "instance", "of", "function", "null", "true", "false", "item");
  /** FEEL's built-in functions whose name has spaces: without them, « lower case(x) » would name « lower ». */
  private static final List<String> FEEL_FUNCTIONS_WITH_SPACES = List.of("lower case", "upper case",
      "string length", "string join", "starts with", "ends with", "substring before", "substring after",
      "list contains", "insert before", "index of", "distinct values", "duplicate values", "get value",
      "get entries", "get or else", "is defined", "is empty", "context put", "context merge", "date and time",
      "years and months duration", "day of week", "day of year", "month of year", "week of year",
      "last day of month", "round up", "round down", "round half up", "round half down");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  /** A name not part of a path (after a dot) nor a function call (before a parenthesis). */
  private static final Pattern NAME = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*+)(?!\\s*\\()");

  /**
   * One component, at any depth. {@code hides} are its own {@code conditional.hide} and those of the
   * groups around it, outermost first: it is shown only when none is true.
   */
  record Component(String id, String type, String key, String valuesKey, boolean display, List<String> expressions,
      List<String> hides, List<String> values) {

    /** Variables its expressions (table data source, options expression) read. */
    Set<String> expressionVariables() {
      Set<String> names = new TreeSet<>();
      expressions.forEach(expression -> names.addAll(variablesIn(expression)));
      return names;
    }
  }

  private final Path file;
  private final JsonNode json;
  private final List<Component> components = new ArrayList<>();

  private CamundaForm(Path file, JsonNode json) {
    this.file = file;
    this.json = json;
    collect(json.path("components"), List.of());
  }

  static List<CamundaForm> all() {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".form")).sorted().map(CamundaForm::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CamundaForm withId(String id) {
    return all().stream().filter(form -> form.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("No form with id " + id + " in " + FOLDER));
  }

  static CamundaForm read(Path file) {
    try {
      return new CamundaForm(file, JSON.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String id() {
    return json.path("id").asText();
  }

  Path file() {
    return file;
  }

  JsonNode json() {
    return json;
  }

  List<Component> components() {
    return components;
  }

  /** Every key and valuesKey of its components. */
  Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    for (Component component : components) {
      addIfPresent(keys, component.key());
      addIfPresent(keys, component.valuesKey());
    }
    return keys;
  }

  /** Keys of the fields the user fills in: the form submits them, the code must read them. */
  Set<String> inputKeys() {
    Set<String> keys = new TreeSet<>();
    components.stream().filter(c -> !c.display()).forEach(c -> addIfPresent(keys, c.key()));
    return keys;
  }

  /** Every variable the form binds to: its keys and what its expressions read. */
  Set<String> variables() {
    Set<String> variables = new TreeSet<>(keys());
    variables.addAll(shownVariables(component -> true));
    return variables;
  }

  /**
   * What the form shows, so what the process must provide, for the components that may be visible:
   * display-only fields, select and taglist options ({@code valuesKey}), variables read by tables and
   * option expressions; and, for every component, the variables its hiding condition reads. A
   * variable the form's own fields submit is not asked of the process.
   */
  Set<String> shownVariables(Predicate<Component> mayBeVisible) {
    Set<String> shown = new TreeSet<>();
    for (Component component : components) {
      component.hides().forEach(hide -> shown.addAll(variablesIn(hide)));
      if (mayBeVisible.test(component)) {
        if (component.display()) {
          addIfPresent(shown, component.key());
        }
        addIfPresent(shown, component.valuesKey());
        shown.addAll(component.expressionVariables());
      }
    }
    shown.removeAll(inputKeys());
    return shown;
  }

  /** The component whose key is the given one, if any. */
  Optional<Component> field(String key) {
    return components.stream().filter(c -> key.equals(c.key())).findFirst();
  }

  /** The variables a FEEL expression ({@code =...}) reads; none for a plain value. */
  static Set<String> variablesIn(String expression) {
    Set<String> names = new LinkedHashSet<>();
    if (expression == null || !expression.startsWith("=")) {
      return names;
    }
    String feel = STRING_LITERAL.matcher(expression.substring(1)).replaceAll(" ");
    for (String function : FEEL_FUNCTIONS_WITH_SPACES) {
      feel = feel.replaceAll("\\b" + function + "\\s*\\(", "(");
    }
    Matcher matcher = NAME.matcher(feel);
    while (matcher.find()) {
      if (!FEEL_WORDS.contains(matcher.group(1))) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  private void collect(JsonNode nodes, List<String> outerHides) {
    for (JsonNode node : nodes) {
      List<String> hides = new ArrayList<>(outerHides);
      JsonNode hide = node.path("conditional").path("hide");
      if (hide.isTextual() && !hide.asText().isBlank()) {
        hides.add(hide.asText());
      }
      List<String> expressions = new ArrayList<>();
      for (String property : List.of("dataSource", "valuesExpression")) {
        if (node.path(property).isTextual()) {
          expressions.add(node.path(property).asText());
        }
      }
      List<String> values = new ArrayList<>();
      node.path("values").forEach(value -> values.add(value.path("value").asText()));
      boolean display = node.path("disabled").asBoolean(false) || node.path("readonly").asBoolean(false);
      components.add(new Component(node.path("id").asText(), node.path("type").asText(), text(node, "key"),
          text(node, "valuesKey"), display, List.copyOf(expressions), List.copyOf(hides), List.copyOf(values)));
      collect(node.path("components"), hides);
    }
  }

  private static String text(JsonNode node, String property) {
    return node.hasNonNull(property) ? node.get(property).asText() : null;
  }

  private static void addIfPresent(Set<String> set, String value) {
    if (value != null && !value.isBlank()) {
      set.add(value);
    }
  }

  @Override
  public String toString() {
    return id() + " (" + file + ")";
  }
}
