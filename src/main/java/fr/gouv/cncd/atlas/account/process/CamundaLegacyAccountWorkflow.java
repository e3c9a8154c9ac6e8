package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.LegacyAccountWorkflow;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Starts LegacyAccountMigration instances; the business key is the username. */
@Component
class CamundaLegacyAccountWorkflow implements LegacyAccountWorkflow {

  static final String PROCESS_KEY = "LegacyAccountMigration";
  static final String USERNAME = "username";

  private final RuntimeService runtime;

  CamundaLegacyAccountWorkflow(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void start(String username) {
    runtime.startProcessInstanceByKey(PROCESS_KEY, username, Variables.createVariables().putValue(USERNAME, username));
  }
}
