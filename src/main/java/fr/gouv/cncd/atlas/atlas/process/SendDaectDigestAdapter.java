package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.report.DocumentMails;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_SendDaectDigest (process DaectDailyDigest, every evening): the DAECT's mail of the
 * updates validated today, Paris time, by the engine's clock (tests move it).
 */
@Component("sendDaectDigest")
class SendDaectDigestAdapter implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SendDaectDigestAdapter.class);

  private final DocumentMails mails;

  SendDaectDigestAdapter(DocumentMails mails) {
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of("Europe/Paris")).toLocalDate();
    int count = mails.sendDaectDigest(today);
    log.info("DAECT digest of {}: {} validated updates", today, count);
  }
}
