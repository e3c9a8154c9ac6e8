package fr.gouv.cncd.atlas.monitoring;

import java.time.Instant;

/**
 * One process instance as the process managers count it.
 *
 * @param localAuthorityId the collectivité it is about, when it is in the referential
 * @param departmentCode the département of a collectivité absent from the referential
 * @param endedAt null while it runs
 */
public record InstanceFact(String processKey, String instanceId, String businessKey, String localAuthorityId,
    String departmentCode, Instant startedAt, Instant endedAt, Status status) {

  /** Where an instance stands. */
  public enum Status {
    /** Running, nothing blocks it. */
    OPEN("En cours"),
    /** Running, a step failed and waits for a process manager (Cockpit's incidents). */
    INCIDENT("En incident"),
    /** Ended as planned: account activated or request rejected, Atlas published. */
    FINISHED("Terminée"),
    /** Ended without its outcome: activation link expired, update abandoned, instance cancelled. */
    ABANDONED("Abandonnée");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
