package fr.gouv.cncd.atlas.atlas.process;

import java.util.Set;

/**
 * The form of one or more user tasks of AtlasUpdate: what it shows, written into the variables
 * from the draft when the task starts, and what it submitted, checked and saved into the draft
 * when the task ends (an error leaves the task open and the draft as it was).
 */
interface StepForm {

  Set<String> taskIds();

  void show(Step step);

  void submit(Step step);

  /** One task's moment: its id, its variables, its draft, and who works on it. */
  record Step(String taskId, AtlasUpdateVariables variables, String draftId, String user) {}
}
