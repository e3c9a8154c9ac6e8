package fr.gouv.cncd.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Consistency of the Camunda forms (forms/*.form) with the BPMN processes (processes/*.bpmn) and
 * with the variables the code gives the processes.
 */
class FormsTest {

  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /**
   * Variables each process provides or reads, per process id. For AccountRequest: the variable
   * constants of {@code account.process.AccountRequestVariables} and the start variables put by
   * {@code CamundaAccountRequestWorkflow.start}.
   */
  private static final Map<String, Set<String>> PROCESS_VARIABLES = Map.of(
      "AccountRequest", Set.of(
          // AccountRequestVariables
          "accountRequestId", "unlisted", "requestSummary", "approved", "decision", "unlistedDecision", "rejectionMotive",
          "chosenLocalAuthorityId",
          // CamundaAccountRequestWorkflow.start
          "requestedOn", "requesterName", "requesterFunction", "requesterEmail", "requesterPhone",
          "requestedUsername", "localAuthorityLabel", "otherActiveAccounts", "unlistedLocalAuthorityLabel",
          "candidateLocalAuthorities"));

  /** Constants of AccountRequestVariables that name something else than a variable. */
  private static final Set<String> NOT_VARIABLE_CONSTANTS = Set.of("PROCESS_KEY", "ACTIVATION_MESSAGE", "REVIEW_TASK");

  private static final List<String> ID_PREFIXES = List.of("StartEvent_", "EndEvent_", "Task_", "ServiceTask_",
      "Gateway_", "Event_", "SequenceFlow_", "BoundaryEvent_", "Message_", "TimerEventDefinition_",
      "MessageEventDefinition_", "Definitions_", "BPMNDiagram_", "BPMNPlane_");

  private static final Set<String> USER_VISIBLE = Set.of("label", "text", "description", "placeholder");

  /** Texts the form editor puts by default, and the usual markers of unfinished text. */
  private static final Pattern ENGLISH_PLACEHOLDER = Pattern.compile("(?i)\\b(lorem|ipsum|todo|fixme|tbd|xxx"
      + "|placeholder|untitled|text|textfield|text field|textarea|text area|checkbox|checklist|radio group|select"
      + "|taglist|tag list|datetime|date time|button|group|field|label|value|values|submit|cancel|click|enter"
      + "|number|option \\d+)\\b");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<Path, JsonNode> forms = new LinkedHashMap<>();
  private static final Map<Path, Document> processes = new LinkedHashMap<>();

  @BeforeAll
  static void parseFormsAndProcesses() throws Exception {
    for (Path file : filesOf("forms", ".form")) {
      forms.put(file, JSON.readTree(file.toFile()));
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    for (Path file : filesOf("processes", ".bpmn")) {
      processes.put(file, factory.newDocumentBuilder().parse(file.toFile()));
    }
  }

  @Test
  void findsTheFormsAndProcessesOfTheRepository() {
    assertThat(forms).isNotEmpty();
    assertThat(processes).isNotEmpty();
    assertThat(forms.values()).allSatisfy(form -> assertThat(form.path("id").asText()).isNotBlank());
  }

  @Test
  void referencesEachFormFromExactlyOneUserTask() {
    List<String> userTaskRefs = formRefs().stream().filter(ref -> ref.element().equals("userTask"))
        .map(FormRef::formId).toList();
    assertThat(formIds()).doesNotHaveDuplicates().allSatisfy(id ->
        assertThat(userTaskRefs).as("user tasks with camunda:formRef=\"%s\"", id).containsOnlyOnce(id));
  }

  @Test
  void refersOnlyToExistingForms() {
    assertThat(formRefs()).isNotEmpty().allSatisfy(ref ->
        assertThat(formIds()).as("form of %s in process %s", ref.elementId(), ref.processId()).contains(ref.formId()));
  }

  @Test
  void bindsFormFieldsOnlyToVariablesOfTheProcess() {
    for (FormRef ref : formRefs()) {
      Set<String> variables = PROCESS_VARIABLES.get(ref.processId());
      assertThat(variables).as("expected variables of process %s", ref.processId()).isNotNull();
      assertThat(fieldKeys(formWithId(ref.formId())))
          .as("keys of form %s shown by %s in process %s", ref.formId(), ref.elementId(), ref.processId())
          .isNotEmpty()
          .isSubsetOf(variables);
    }
  }

  @Test
  void expectsEveryVariableOfAccountRequestVariables() throws Exception {
    Class<?> constants = Class.forName("fr.gouv.cncd.atlas.account.process.AccountRequestVariables");
    List<String> values = new ArrayList<>();
    for (Field field : constants.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
          && !NOT_VARIABLE_CONSTANTS.contains(field.getName())) {
        field.setAccessible(true);
        values.add((String) field.get(null));
      }
    }
    assertThat(values).isNotEmpty();
    assertThat(PROCESS_VARIABLES.get("AccountRequest")).containsAll(values);
  }

  @Test
  void neverBindsAFormFieldToASecret() {
    for (JsonNode form : forms.values()) {
      assertThat(fieldKeys(form)).as("keys of form %s", form.path("id").asText())
          .noneMatch(key -> key.toLowerCase().matches(".*(password|token|secret).*"));
    }
  }

  @Test
  void showsNoEnglishPlaceholderText() {
    List<Map.Entry<String, String>> texts = new ArrayList<>();
    forms.forEach((file, form) -> collectUserVisibleTexts(file.getFileName() + ":", form, texts));
    assertThat(texts).isNotEmpty().allSatisfy(text -> {
      assertThat(text.getValue()).as(text.getKey()).isNotBlank();
      assertThat(ENGLISH_PLACEHOLDER.matcher(text.getValue()).find())
          .as("English placeholder in %s: %s", text.getKey(), text.getValue()).isFalse();
    });
  }

  @Test
  void namesEveryBpmnElementWithACamundaPrefix() {
    List<String> ids = new ArrayList<>();
    processes.forEach((file, document) -> {
      NodeList all = document.getElementsByTagNameNS("*", "*");
      for (int i = 0; i < all.getLength(); i++) {
        Element element = (Element) all.item(i);
        boolean process = BPMN_NS.equals(element.getNamespaceURI()) && "process".equals(element.getLocalName());
        if (element.hasAttribute("id") && !process) {
          ids.add(file.getFileName() + ":" + element.getAttribute("id"));
        }
      }
    });
    assertThat(ids).isNotEmpty().allSatisfy(qualified -> {
      String id = qualified.substring(qualified.indexOf(':') + 1);
      assertThat(id.endsWith("_di") || ID_PREFIXES.stream().anyMatch(id::startsWith))
          .as("%s starts with one of %s or ends with _di", qualified, ID_PREFIXES).isTrue();
    });
  }

  @Test
  void namesEachProcessFileAfterItsProcess() {
    processes.forEach((file, document) -> {
      String name = file.getFileName().toString().replaceFirst("\\.bpmn$", "");
      assertThat(processElements(document)).as("processes of %s", file.getFileName())
          .extracting(process -> process.getAttribute("id")).containsExactly(name);
    });
  }

  @Test
  void givesEveryProcessAHistoryTimeToLive() {
    processes.forEach((file, document) -> assertThat(processElements(document)).isNotEmpty().allSatisfy(process ->
        assertThat(process.getAttributeNS(CAMUNDA_NS, "historyTimeToLive"))
            .as("camunda:historyTimeToLive of %s in %s", process.getAttribute("id"), file.getFileName())
            .isNotBlank()));
  }

  private record FormRef(String processId, String element, String elementId, String formId) {}

  /** Every camunda:formRef of the processes, with the process and the element carrying it. */
  private static List<FormRef> formRefs() {
    List<FormRef> refs = new ArrayList<>();
    for (Document document : processes.values()) {
      for (Element process : processElements(document)) {
        NodeList all = process.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
          Element element = (Element) all.item(i);
          if (element.hasAttributeNS(CAMUNDA_NS, "formRef")) {
            refs.add(new FormRef(process.getAttribute("id"), element.getLocalName(), element.getAttribute("id"),
                element.getAttributeNS(CAMUNDA_NS, "formRef")));
          }
        }
      }
    }
    return refs;
  }

  private static List<Element> processElements(Document document) {
    NodeList nodes = document.getElementsByTagNameNS(BPMN_NS, "process");
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  private static List<String> formIds() {
    return forms.values().stream().map(form -> form.path("id").asText()).toList();
  }

  private static JsonNode formWithId(String id) {
    return forms.values().stream().filter(form -> form.path("id").asText().equals(id)).findFirst().orElseThrow();
  }

  /** Keys and valuesKeys of the form's components, at any depth (groups included). */
  private static Set<String> fieldKeys(JsonNode form) {
    Set<String> keys = new TreeSet<>();
    collectKeys(form.path("components"), keys);
    return keys;
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      for (String attribute : List.of("key", "valuesKey")) {
        if (component.hasNonNull(attribute)) {
          keys.add(component.get(attribute).asText());
        }
      }
      collectKeys(component.path("components"), keys);
    }
  }

  private static void collectUserVisibleTexts(String where, JsonNode node, List<Map.Entry<String, String>> texts) {
    if (node.isObject()) {
      String here = where + node.path("id").asText(node.path("value").asText(""));
      node.fields().forEachRemaining(field -> {
        if (USER_VISIBLE.contains(field.getKey()) && field.getValue().isTextual()) {
          texts.add(Map.entry(here + "." + field.getKey(), field.getValue().asText()));
        } else {
          collectUserVisibleTexts(here + "/", field.getValue(), texts);
        }
      });
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collectUserVisibleTexts(where, element, texts);
      }
    }
  }

  private static List<Path> filesOf(String folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
