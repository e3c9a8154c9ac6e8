package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.atlas.report.AtlasReports;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_WriteReport (asynchronous, retried, after the publication): writes the compte-rendu
 * of the version the update published, and gives the last task its download address. A failure is
 * an incident; the publication stays done.
 */
@Component("writeAtlasReport")
class WriteReportAdapter implements JavaDelegate {

  private final AtlasReports reports;
  private final AtlasUpdates updates;
  private final UserNames names;

  WriteReportAdapter(AtlasReports reports, AtlasUpdates updates, UserNames names) {
    this.reports = reports;
    this.updates = updates;
    this.names = names;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String draftId = updates.draftOfProcess(execution.getProcessInstanceId()).getId();
    reports.writeReport(draftId, names::of);
    // What the last task shows: where to download it, with the Tasklist session (no token in it).
    AtlasUpdateVariables.of(execution).set(AtlasUpdateVariables.REPORT_ADDRESS,
        "/api/atlas-updates/" + execution.getProcessInstanceId() + "/report.pdf");
  }
}
