package fr.gouv.cncd.atlas.support;

import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs the engine's due process jobs in the test thread, as the job executor would. */
public final class Jobs {

  private Jobs() {}

  /** Executes due jobs of process instances (asynchronous steps) until none is left. */
  public static void runAll(ManagementService management) {
    for (int round = 0; round < 100; round++) {
      Optional<Job> job = next(management);
      if (job.isEmpty()) {
        return;
      }
      management.executeJob(job.get().getId());
    }
    throw new IllegalStateException("Jobs keep coming after 100 executions");
  }

  /** The next due job of a process instance, if any (not the history cleanup). */
  public static Optional<Job> next(ManagementService management) {
    return management.createJobQuery().executable().withRetriesLeft().list().stream()
        .filter(job -> job.getProcessInstanceId() != null)
        .findFirst();
  }
}
