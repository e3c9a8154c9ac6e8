package fr.gouv.cncd.atlas.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What must happen whenever an instance of a process ends, however it ends: completed, or deleted
 * by an administrator in Cockpit with « skip custom listeners » (its default), which skips every
 * listener written in the BPMN. A Spring bean implementing it is called by a built-in end listener
 * (see BuiltInEndListeners), which nothing skips.
 */
public interface ProcessEndHandler {

  /** The key of the process whose instances this handler follows. */
  String processKey();

  /** The instance ends; {@code execution.isCanceled()} tells a deletion from a normal end. */
  void processEnded(DelegateExecution execution);
}
