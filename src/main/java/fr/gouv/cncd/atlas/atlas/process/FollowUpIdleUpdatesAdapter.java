package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.AtlasDraft;
import fr.gouv.cncd.atlas.atlas.AtlasProperties;
import fr.gouv.cncd.atlas.atlas.AtlasUpdateMails;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_FollowUpIdleUpdates (process AtlasUpdateFollowUp, every morning): an update with no
 * step completed for 14 days reminds its editor, once per idle period; after 60 idle days it is
 * abandoned (its instance cancelled, which closes the draft; the published Atlas is untouched) and
 * its editor told so. Time is the engine's clock, so that tests move it. Mails are sent once
 * (keys); a failure fails the job, which is retried, and what was sent is not sent again.
 */
@Component("followUpIdleUpdates")
class FollowUpIdleUpdatesAdapter implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(FollowUpIdleUpdatesAdapter.class);
  static final String ABANDON_REASON = "Mise à jour abandonnée : aucune étape terminée depuis trop longtemps";

  private final AtlasUpdates updates;
  private final AtlasUpdateMails mails;
  private final AtlasProperties properties;
  private final RuntimeService runtime;
  private final UserNames names;

  FollowUpIdleUpdatesAdapter(AtlasUpdates updates, AtlasUpdateMails mails, AtlasProperties properties,
      RuntimeService runtime, UserNames names) {
    this.updates = updates;
    this.mails = mails;
    this.properties = properties;
    this.runtime = runtime;
    this.names = names;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    int reminded = 0;
    int abandoned = 0;
    for (AtlasDraft draft : updates.idleSince(now.minus(properties.remindAfter()))) {
      Optional<UserNames.Recipient> editor = names.recipient(draft.getLastActivityBy());
      boolean abandon = !draft.getLastActivityAt().isAfter(now.minus(properties.abandonAfter()));
      if (abandon) {
        editor.ifPresent(to -> mails.sendAbandoned(draft, to.email(), to.name()));
        if (draft.getProcessInstanceId() != null
            && runtime.createProcessInstanceQuery().processInstanceId(draft.getProcessInstanceId()).count() > 0) {
          runtime.deleteProcessInstance(draft.getProcessInstanceId(), ABANDON_REASON);
        } else {
          updates.cancel(draft.getId());
        }
        abandoned++;
      } else if (!draft.remindedSinceLastActivity()) {
        editor.ifPresent(to -> mails.sendReminder(draft, to.email(), to.name()));
        updates.reminded(draft.getId(), now);
        reminded++;
      }
    }
    log.info("Idle Atlas updates: {} reminded, {} abandoned", reminded, abandoned);
  }
}
