package fr.gouv.cncd.atlas;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The naming rule of BPMN ids (docs/style.md, « BPMN ids read as sentences »): one of Camunda's
 * prefixes, then words, e.g. {@code Gateway_ContactAction} or {@code SequenceFlow_BackToStep3};
 * never the Modeler's generated ids ({@code Gateway_0x3f9ab}, {@code Activity_1abcd2e},
 * {@code StartEvent_1}). A diagram element is its element's id followed by {@code _di}.
 */
final class BpmnIds {

  static final List<String> PREFIXES = List.of("Definitions", "StartEvent", "EndEvent", "Event", "BoundaryEvent",
      "Task", "ServiceTask", "Gateway", "SequenceFlow", "Message", "Error", "MessageEventDefinition",
      "TimerEventDefinition", "ErrorEventDefinition", "BPMNDiagram", "BPMNPlane");

  /**
   * Upper-camel-case words and numbers: a word of two letters or more first, then words (an
   * acronym's capitals count as one-letter words) or numbers, a number never followed by a
   * lower-case letter (that is how generated ids read: 0x3f9ab, 1abcd2e).
   */
  private static final String WORDS = "[A-Z][a-z]+(?:[A-Z][a-z]*|[0-9]+(?![a-z]))*";
  private static final Pattern ELEMENT_ID = Pattern.compile("(?:" + String.join("|", PREFIXES) + ")_" + WORDS
      + "(?:_di)?");
  private static final Pattern PROCESS_ID = Pattern.compile(WORDS);

  private BpmnIds() {}

  /** Whether the id of an element (not a process) is a Camunda prefix and words. */
  static boolean isMeaningful(String id) {
    return ELEMENT_ID.matcher(id).matches();
  }

  /** Whether a process id reads as words, without prefix (it is also the file's name). */
  static boolean isMeaningfulProcessId(String id) {
    return PROCESS_ID.matcher(id).matches();
  }
}
