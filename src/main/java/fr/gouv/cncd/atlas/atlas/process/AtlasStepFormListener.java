package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.web.FrenchDates;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.ATLAS_UPDATE_ID;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.DRAFT_STATUS;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.EDITOR;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.LOCAL_AUTHORITY_GROUP;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.LOCAL_AUTHORITY_ID;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.LOCAL_AUTHORITY_LABEL;

import fr.gouv.cncd.atlas.atlas.AtlasDraft;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.atlas.InvalidAtlasDataException;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.referential.LocalAuthority;
import fr.gouv.cncd.atlas.web.FieldMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Start and end listener of every user task of AtlasUpdate. At the start it writes what the
 * task's form shows from the draft; at the end it checks what the form submitted and saves it into
 * the draft. A refusal is a FormFieldValidationException: Tasklist gets a 400 and shows its French
 * message, the task stays open, and the transaction (draft included) is rolled back.
 */
@Component("atlasStepForm")
class AtlasStepFormListener implements ExecutionListener {


  private final Map<String, StepForm> forms = new HashMap<>();
  private final AtlasUpdates updates;
  private final LocalAuthorities authorities;

  private final UserNames names;

  AtlasStepFormListener(List<StepForm> stepForms, AtlasUpdates updates, LocalAuthorities authorities,
      UserNames names) {
    this.names = names;
    for (StepForm form : stepForms) {
      form.taskIds().forEach(taskId -> forms.put(taskId, form));
    }
    this.updates = updates;
    this.authorities = authorities;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the instance is being deleted: nothing was submitted
    }
    String taskId = execution.getCurrentActivityId();
    StepForm form = forms.get(taskId);
    if (form == null) {
      throw new IllegalStateException("No form for task " + taskId);
    }
    AtlasUpdateVariables variables = AtlasUpdateVariables.of(execution);
    String user = currentUser(execution, variables);
    // The draft is the one bound to this process on the server, whatever the variables say.
    AtlasDraft draft = updates.draftOfProcess(execution.getProcessInstanceId());
    StepForm.Step step = new StepForm.Step(taskId, variables, draft.getId(), user);
    if (EVENTNAME_START.equals(execution.getEventName())) {
      variables.set(LOCAL_AUTHORITY_LABEL, authorities.find(draft.getLocalAuthorityId()).map(authorities::label)
          .orElse(draft.getLocalAuthorityId()));
      variables.set(DRAFT_STATUS, "Brouillon commencé le " + FrenchDates.dayAndTime(draft.getStartedAt()) + " par "
          + names.of(draft.getStartedBy()) + ", enregistré le " + FrenchDates.dayAndTime(draft.getUpdatedAt()) + " par "
          + names.of(draft.getUpdatedBy()) + ". Rien n'est publié avant l'étape 8.");
      form.show(step);
      return;
    }
    refuseIfRewritten(variables, draft);
    try {
      form.submit(step);
    } catch (InvalidAtlasDataException e) {
      throw refusal(e.messages());
    } catch (AtlasUpdateVariables.NotAValueException e) {
      throw refusal(List.of(new FieldMessage(e.field, e.getMessage())));
    }
    variables.set(EDITOR, user);
    // The engine's clock, as the follow-up of idle updates reads it (tests move it).
    updates.stepCompleted(draft.getId(), user, ClockUtil.getCurrentTime().toInstant());
  }

  /**
   * The variables only the application writes (which draft, which collectivité, its group) are as
   * the start made them: a submission that sends other values is refused, nothing is saved, and no
   * next step is offered to another group.
   */
  private static void refuseIfRewritten(AtlasUpdateVariables variables, AtlasDraft draft) {
    boolean untouched = draft.getId().equals(variables.string(ATLAS_UPDATE_ID))
        && draft.getLocalAuthorityId().equals(variables.string(LOCAL_AUTHORITY_ID))
        && LocalAuthority.groupIdOf(draft.getLocalAuthorityId()).equals(variables.string(LOCAL_AUTHORITY_GROUP));
    if (!untouched) {
      throw new FormFieldValidationException(ATLAS_UPDATE_ID, "Ce formulaire n'est pas enregistré : il envoie des"
          + " valeurs qu'il ne peut pas modifier (la mise à jour, la collectivité ou son groupe).");
    }
  }

  private static FormFieldValidationException refusal(List<FieldMessage> messages) {
    String text = messages.stream().map(FieldMessage::message).distinct().collect(Collectors.joining(" "));
    return new FormFieldValidationException(messages.isEmpty() ? "form" : messages.get(0).field(),
        "Ce formulaire n'est pas enregistré. " + text);
  }

  /** Who completes the task: the authenticated user; the current editor when the engine runs it alone (tests). */
  private static String currentUser(DelegateExecution execution, AtlasUpdateVariables variables) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    String editor = variables.string(EDITOR);
    return editor == null ? "system" : editor;
  }
}
