package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.AtlasDraft;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.atlas.report.DocumentMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_SendReceipt (asynchronous, retried, sent once): the receipt of the publication to the
 * agent who validated it, with the compte-rendu and the attestation attached.
 */
@Component("sendAtlasReceipt")
class SendReceiptAdapter implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SendReceiptAdapter.class);

  private final DocumentMails mails;
  private final AtlasUpdates updates;
  private final UserNames names;

  SendReceiptAdapter(DocumentMails mails, AtlasUpdates updates, UserNames names) {
    this.mails = mails;
    this.updates = updates;
    this.names = names;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AtlasDraft draft = updates.draftOfProcess(execution.getProcessInstanceId());
    String validator = draft.getUpdatedBy();
    names.recipient(validator).ifPresentOrElse(
        to -> mails.sendReceipt(draft.getId(), to.email(), to.name(),
            execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId()),
        () -> log.warn("Atlas update {}: {} has no e-mail address, no receipt sent", draft.getId(), validator));
  }
}
