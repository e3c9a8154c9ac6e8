package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.atlas.report.AtlasAttestations;
import fr.gouv.cncd.atlas.atlas.report.AtlasReports;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_WriteDocuments (asynchronous, retried, after the publication): writes the
 * compte-rendu and the attestation of the version the update published, and gives the last task
 * their download addresses. A failure is an incident; the publication stays done.
 */
@Component("writeAtlasDocuments")
class WriteDocumentsAdapter implements JavaDelegate {

  private final AtlasReports reports;
  private final AtlasAttestations attestations;
  private final AtlasUpdates updates;
  private final UserNames names;

  WriteDocumentsAdapter(AtlasReports reports, AtlasAttestations attestations, AtlasUpdates updates, UserNames names) {
    this.reports = reports;
    this.attestations = attestations;
    this.updates = updates;
    this.names = names;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var draft = updates.draftOfProcess(execution.getProcessInstanceId());
    reports.writeReport(draft.getId(), names::of);
    attestations.writeAttestation(draft.getId());
    // What the last task shows: where to download them with the Tasklist session (no token in them).
    AtlasUpdateVariables variables = AtlasUpdateVariables.of(execution);
    variables.set(AtlasUpdateVariables.REPORT_ADDRESS,
        "/api/atlas-updates/" + execution.getProcessInstanceId() + "/report.pdf");
    variables.set(AtlasUpdateVariables.ATTESTATION_ADDRESS, "/api/local-authorities/" + draft.getLocalAuthorityId()
        + "/atlas/versions/" + draft.getPublishedVersion() + "/attestation.pdf");
  }
}
