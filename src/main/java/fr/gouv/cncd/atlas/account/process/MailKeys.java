package fr.gouv.cncd.atlas.account.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Idempotence key of the mail a step sends: one mail per process instance and step. */
final class MailKeys {

  private MailKeys() {}

  static String of(DelegateExecution execution) {
    return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
  }
}
