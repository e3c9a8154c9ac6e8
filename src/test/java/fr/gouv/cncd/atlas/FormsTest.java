package fr.gouv.cncd.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
 * with the variables the code gives the processes: the constants of each process's variables
 * accessor ({@link ProcessVariables}), never a list kept here. FormVariablesContractTest checks on
 * the running engine that what a form shows is really there.
 */
class FormsTest {

  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** Where a form may be shown: a user task, or the start event (the start form). */
  private static final Set<String> FORM_HOLDERS = Set.of("userTask", "startEvent");

  private static final Set<String> USER_VISIBLE = Set.of("label", "text", "description", "placeholder");

  /** Texts the form editor puts by default, and the usual markers of unfinished text. */
  private static final Pattern ENGLISH_PLACEHOLDER = Pattern.compile("(?i)\\b(lorem|ipsum|todo|fixme|tbd|xxx"
      + "|placeholder|untitled|text|textfield|text field|textarea|text area|checkbox|checklist|radio group|select"
      + "|taglist|tag list|datetime|date time|button|group|field|label|value|values|submit|cancel|click|enter"
      + "|number|option \\d+)\\b");

  private static final List<CamundaForm> forms = new ArrayList<>();
  private static final Map<Path, Document> processes = new LinkedHashMap<>();

  @BeforeAll
  static void parseFormsAndProcesses() throws Exception {
    forms.addAll(CamundaForm.all());
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
    assertThat(forms).allSatisfy(form -> assertThat(form.id()).as("id of %s", form.file()).isNotBlank());
  }

  @Test
  void referencesEachFormFromExactlyOneUserTaskOrStartEvent() {
    List<String> shownBy = formRefs().stream().filter(ref -> FORM_HOLDERS.contains(ref.element()))
        .map(FormRef::formId).toList();
    assertThat(formIds()).doesNotHaveDuplicates().allSatisfy(id ->
        assertThat(shownBy).as("user tasks and start events with camunda:formRef=\"%s\"", id).containsOnlyOnce(id));
    assertThat(formRefs()).allSatisfy(ref -> assertThat(ref.element())
        .as("element %s of process %s, which names form %s", ref.elementId(), ref.processId(), ref.formId())
        .isIn(FORM_HOLDERS));
  }

  @Test
  void refersOnlyToExistingForms() {
    assertThat(formRefs()).isNotEmpty().allSatisfy(ref ->
        assertThat(formIds()).as("form of %s in process %s", ref.elementId(), ref.processId()).contains(ref.formId()));
  }

  @Test
  void givesEveryProcessWithFormsAVariablesAccessor() {
    Set<String> processesWithForms = new TreeSet<>(formRefs().stream().map(FormRef::processId).toList());
    assertThat(processesWithForms).isNotEmpty().allSatisfy(processId ->
        assertThat(ProcessVariables.of(processId)).as("variables declared by the accessor of %s", processId)
            .isNotEmpty());
  }

  @Test
  void bindsFormFieldsOnlyToVariablesOfTheProcess() {
    for (FormRef ref : formRefs()) {
      Set<String> variables = ProcessVariables.of(ref.processId());
      CamundaForm form = CamundaForm.withId(ref.formId());
      assertThat(form.keys()).as("keys of form %s", ref.formId()).isNotEmpty();
      assertThat(form.variables())
          .as("variables that form %s, shown by %s, binds to: constants of %s", ref.formId(), ref.elementId(),
              ProcessVariables.accessorOf(ref.processId()).getName())
          .isSubsetOf(variables);
    }
  }

  @Test
  void showsNoVariableOnAStartForm() {
    // A start form is shown before the instance exists: there is no variable yet to show.
    List<FormRef> startForms = formRefs().stream().filter(ref -> ref.element().equals("startEvent")).toList();
    assertThat(startForms).isNotEmpty().allSatisfy(ref ->
        assertThat(CamundaForm.withId(ref.formId()).shownVariables(component -> true))
            .as("variables shown by the start form %s of %s", ref.formId(), ref.processId()).isEmpty());
  }

  @Test
  void neverBindsAFormFieldToASecret() {
    for (CamundaForm form : forms) {
      assertThat(form.variables()).as("variables of form %s", form.id())
          .noneMatch(key -> key.toLowerCase().matches(".*(password|token|secret).*"));
    }
  }

  @Test
  void showsNoEnglishPlaceholderText() {
    List<Map.Entry<String, String>> texts = new ArrayList<>();
    forms.forEach(form -> collectUserVisibleTexts(form.file().getFileName() + ":", form.json(), texts));
    assertThat(texts).isNotEmpty().allSatisfy(text -> {
      assertThat(text.getValue()).as(text.getKey()).isNotBlank();
      assertThat(ENGLISH_PLACEHOLDER.matcher(text.getValue()).find())
          .as("English placeholder in %s: %s", text.getKey(), text.getValue()).isFalse();
    });
  }

  @Test
  void namesEveryBpmnElementWithACamundaPrefixAndWords() {
    List<String> ids = new ArrayList<>();
    List<String> processIds = new ArrayList<>();
    processes.forEach((file, document) -> {
      NodeList all = document.getElementsByTagNameNS("*", "*");
      for (int i = 0; i < all.getLength(); i++) {
        Element element = (Element) all.item(i);
        boolean process = BPMN_NS.equals(element.getNamespaceURI()) && "process".equals(element.getLocalName());
        if (element.hasAttribute("id")) {
          (process ? processIds : ids).add(file.getFileName() + ":" + element.getAttribute("id"));
        }
      }
    });
    assertThat(ids).isNotEmpty().allSatisfy(qualified ->
        assertThat(BpmnIds.isMeaningful(qualified.substring(qualified.indexOf(':') + 1)))
            .as("%s is one of the prefixes %s_ then upper-camel-case words and numbers (then _di on a diagram"
                + " element), not a generated id", qualified, BpmnIds.PREFIXES).isTrue());
    assertThat(processIds).isNotEmpty().allSatisfy(qualified ->
        assertThat(BpmnIds.isMeaningfulProcessId(qualified.substring(qualified.indexOf(':') + 1)))
            .as("process id %s reads as upper-camel-case words", qualified).isTrue());
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
    return forms.stream().map(CamundaForm::id).toList();
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
