package fr.gouv.cncd.atlas.account.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fr.gouv.cncd.atlas.account.AccountRequest;
import fr.gouv.cncd.atlas.account.AccountRequestCommand;
import fr.gouv.cncd.atlas.account.AccountRequestCommand.UnlistedLocalAuthority;
import fr.gouv.cncd.atlas.account.AccountRequestStatus;
import fr.gouv.cncd.atlas.account.AccountRequests;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.Outbox;
import fr.gouv.cncd.atlas.web.ConflictException;
import fr.gouv.cncd.atlas.web.GoneException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of the AccountRequest process, on the real engine and services (H2, outbox). */
@H2ApplicationTest
class AccountRequestProcessTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String PASSWORD = "Coop#Bretagne-2026";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired AccountRequests requests;
  @Autowired LocalAuthorities authorities;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void logOut() {
    identity.clearAuthentication();
  }

  @Test
  void approvedRequestIsActivatedByItsRequester() {
    AccountRequest request = requests.submit(command("commune-35238"));
    ProcessInstance instance = instanceOf(request);
    assertThat(instance).isWaitingAt("ServiceTask_SendAcknowledgement");

    Jobs.runAll(management);
    assertThat(instance).hasPassed("ServiceTask_SendAcknowledgement", "ServiceTask_NotifyDaect")
        .isWaitingAt("Task_ReviewAccountRequest");
    assertThat(task(instance)).hasCandidateGroup("daect")
        .hasName("Valider la demande de compte : Rennes — Mme Anne Le Bihan");
    // Cockpit shows who asks for which collectivité, not the request's id.
    assertThat(instance.getBusinessKey()).isEqualTo("Rennes — Mme Anne Le Bihan");
    assertThat(instance).variables().containsEntry("localAuthorityId", "commune-35238")
        .containsEntry("requesterPhone", "02 99 00 00 00");

    review(instance, Map.of("decision", "APPROVE"));
    Jobs.runAll(management);
    assertThat(instance).hasPassed("ServiceTask_RecordReviewDecision", "ServiceTask_SendActivationLink")
        .isWaitingAt("Gateway_AwaitActivation");

    String token = Outbox.token(Outbox.mails(instance.getId() + "_ServiceTask_SendActivationLink").get(0));
    requests.activate(token);

    assertThat(instance).hasPassed("ServiceTask_OpenUserAccount").isEnded().hasPassed("EndEvent_AccountActivated");
    assertThat(requests.get(request.getId()).getStatus()).isEqualTo(AccountRequestStatus.ACTIVATED);
    assertThat(identity.checkPassword(request.getUsername(), PASSWORD)).isTrue();
    assertThat(identity.createUserQuery().userId(request.getUsername()).memberOfGroup("commune35238").count())
        .isEqualTo(1);
    assertThat(identity.createUserQuery().userId(request.getUsername()).memberOfGroup("collectivites").count())
        .isEqualTo(1);
    assertThatThrownBy(() -> requests.activate(token)).isInstanceOf(GoneException.class)
        .hasMessageContaining("déjà été utilisé");
    assertNoSecretInHistory(instance, token);
  }

  @Test
  void rejectedRequestEndsWithTheMotiveSentToTheRequester() {
    AccountRequest request = requests.submit(command("commune-35238"));
    ProcessInstance instance = instanceOf(request);
    Jobs.runAll(management);

    review(instance, Map.of("decision", "REJECT", "rejectionMotive", "Vous n'êtes pas agent de cette collectivité."));
    Jobs.runAll(management);

    assertThat(instance).hasPassed("ServiceTask_SendRejection").isEnded().hasPassed("EndEvent_RequestRejected");
    assertThat(requests.get(request.getId()).getStatus()).isEqualTo(AccountRequestStatus.REJECTED);
    assertThat(Outbox.mails(instance.getId() + "_ServiceTask_SendRejection")).hasSize(1);
    assertThat(identity.createUserQuery().userId(request.getUsername()).count()).isZero();
  }

  @Test
  void rejectionWithoutMotiveIsRefusedAndLeavesTheTaskOpen() {
    AccountRequest request = requests.submit(command("commune-35238"));
    ProcessInstance instance = instanceOf(request);
    Jobs.runAll(management);
    Task task = task(instance);

    assertThatThrownBy(() -> review(instance, Map.of("decision", "REJECT")))
        .hasMessageContaining("Le motif du rejet est obligatoire");
    assertThatThrownBy(() -> review(instance, Map.of("decision", "REJECT", "rejectionMotive", "   ")))
        .hasMessageContaining("Le motif du rejet est obligatoire");

    assertThat(instance).isWaitingAt("Task_ReviewAccountRequest");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(requests.get(request.getId()).getStatus()).isEqualTo(AccountRequestStatus.PENDING_REVIEW);
  }

  @Test
  void expiredActivationClosesTheRequestAndTellsTheRequester() {
    AccountRequest request = requests.submit(command("commune-35238"));
    ProcessInstance instance = instanceOf(request);
    Jobs.runAll(management);
    review(instance, Map.of("decision", "APPROVE"));
    Jobs.runAll(management);
    String token = Outbox.token(Outbox.mails(instance.getId() + "_ServiceTask_SendActivationLink").get(0));

    Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(6))));
    management.executeJob(timer.getId());
    Jobs.runAll(management);

    assertThat(instance).hasPassed("ServiceTask_CloseExpiredRequest", "ServiceTask_SendExpiryNotice").isEnded()
        .hasPassed("EndEvent_ActivationExpired");
    assertThat(requests.get(request.getId()).getStatus()).isEqualTo(AccountRequestStatus.EXPIRED);
    assertThat(Outbox.mails(instance.getId() + "_ServiceTask_SendExpiryNotice")).hasSize(1);
    assertThatThrownBy(() -> requests.activate(token)).isInstanceOf(GoneException.class).hasMessageContaining("expiré");
    assertThat(identity.createUserQuery().userId(request.getUsername()).count()).isZero();
  }

  @Test
  void aSecondPendingRequestOfTheSamePersonForTheSameCollectiviteIsFlagged() {
    AccountRequest first = requests.submit(command("commune-35001"));
    AccountRequestCommand again = command("commune-35001");
    AccountRequest second = requests.submit(new AccountRequestCommand(again.localAuthorityId(), null, "MADAME",
        "LE BIHAN", "anne", again.function(), again.email(), "+33223621010", again.username(), PASSWORD));

    assertThat(instanceOf(first)).variables().containsEntry("samePersonPending", "");
    assertThat(instanceOf(second)).variables()
        .containsEntry("samePersonPending", "Demande de l'identifiant « " + first.getUsername() + " » ("
            + first.getEmail() + "), reçue le " + fr.gouv.cncd.atlas.web.FrenchDates.dayAndTime(first.getCreatedAt()))
        .containsEntry("requesterPhone", "+33 2 23 62 10 10");
  }

  @Test
  void unlistedCollectiviteIsAddedToTheReferentialByTheDaect() {
    AccountRequest request = requests.submit(unlisted("Syndicat mixte de coopération Bretagne-Sénégal"));
    ProcessInstance instance = instanceOf(request);
    Jobs.runAll(management);
    assertThat(instance).variables().containsEntry("unlisted", true).containsEntry("departmentCode", "35");

    // One click is not enough: the addition is confirmed by a tick, checked by the server.
    assertThatThrownBy(() -> review(instance, Map.of("unlistedDecision", "ADD_TO_REFERENTIAL")))
        .hasMessageContaining("Cochez la confirmation de l'ajout de « Syndicat mixte de coopération Bretagne-Sénégal »");
    assertThat(instance).isWaitingAt("Task_ReviewAccountRequest");
    review(instance, Map.of("unlistedDecision", "ADD_TO_REFERENTIAL", "additionConfirmed", true));
    Jobs.runAll(management);

    assertThat(instance).hasPassed("ServiceTask_SendActivationLink").isWaitingAt("Gateway_AwaitActivation");
    String added = requests.get(request.getId()).getLocalAuthorityId();
    assertThat(authorities.find(added)).hasValueSatisfying(authority -> {
      assertThat(authority.getName()).isEqualTo("Syndicat mixte de coopération Bretagne-Sénégal");
      assertThat(authority.isAddedByDaect()).isTrue();
      assertThat(authority.getDepartmentCode()).isEqualTo("35");
      assertThat(authority.groupId()).matches("[a-zA-Z0-9]+");
    });
  }

  @Test
  void unlistedCollectiviteFoundInTheReferentialIsAttachedToIt() {
    AccountRequest request = requests.submit(unlisted("Ville de Rennes"));
    ProcessInstance instance = instanceOf(request);
    Jobs.runAll(management);
    assertThat(runtime.getVariable(instance.getId(), "candidateLocalAuthorities").toString()).contains("commune-35238");

    review(instance, Map.of("unlistedDecision", "ATTACH_TO_EXISTING", "chosenLocalAuthorityId", "commune-35238"));
    Jobs.runAll(management);

    assertThat(instance).isWaitingAt("Gateway_AwaitActivation");
    assertThat(requests.get(request.getId()).getLocalAuthorityId()).isEqualTo("commune-35238");
  }

  @Test
  void unlistedCollectiviteCanBeRejected() {
    AccountRequest request = requests.submit(unlisted("Collectivité imaginaire"));
    ProcessInstance instance = instanceOf(request);
    Jobs.runAll(management);

    review(instance, Map.of("unlistedDecision", "REJECT", "rejectionMotive", "Cette structure n'est pas une collectivité."));
    Jobs.runAll(management);

    assertThat(instance).isEnded().hasPassed("EndEvent_RequestRejected");
    assertThat(requests.get(request.getId()).getLocalAuthorityId()).isNull();
  }

  @Test
  void anAdministratorDeletingAPendingRequestClosesItAndFreesItsIdentifiant() {
    AccountRequestCommand command = command("commune-35238");
    AccountRequest request = requests.submit(command);
    ProcessInstance instance = instanceOf(request);
    Jobs.runAll(management);
    assertThat(instance).isWaitingAt("Task_ReviewAccountRequest");
    assertThatThrownBy(() -> requests.submit(command)).as("while it is pending").isInstanceOf(ConflictException.class);

    // As Cockpit does by default: custom listeners skipped.
    runtime.deleteProcessInstance(instance.getId(), "Demande en double", true);

    assertThat(instance).isEnded();
    assertThat(requests.get(request.getId()).getStatus()).isEqualTo(AccountRequestStatus.CANCELLED);
    AccountRequest again = requests.submit(command);
    assertThat(again.getUsername()).isEqualTo(request.getUsername());
    assertThat(again.getEmail()).isEqualTo(request.getEmail());
  }

  @Test
  void anAdministratorCancellingTheReviewIsNotAskedForADecision() {
    AccountRequest request = requests.submit(command("commune-35238"));
    ProcessInstance instance = instanceOf(request);
    Jobs.runAll(management);

    runtime.createProcessInstanceModification(instance.getId()).cancelAllForActivity("Task_ReviewAccountRequest")
        .execute();

    assertThat(instance).isEnded();
    assertThat(requests.get(request.getId()).getStatus()).isEqualTo(AccountRequestStatus.CANCELLED);
  }

  private void review(ProcessInstance instance, Map<String, Object> variables) {
    String taskId = task(instance).getId();
    identity.setAuthentication("validateur", java.util.List.of("daect"));
    try {
      tasks.complete(taskId, variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private ProcessInstance instanceOf(AccountRequest request) {
    return runtime.createProcessInstanceQuery().variableValueEquals("accountRequestId", request.getId()).singleResult();
  }

  private void assertNoSecretInHistory(ProcessInstance instance, String token) {
    history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).disableCustomObjectDeserialization()
        .list().forEach(variable -> {
          String value = String.valueOf(variable.getValue());
          assertThat(value).doesNotContain(PASSWORD).doesNotContain(token).doesNotContain("PBKDF2");
          assertThat(variable.getName().toLowerCase()).doesNotContain("password").doesNotContain("token");
        });
  }

  static AccountRequestCommand command(String localAuthorityId) {
    int n = SEQUENCE.incrementAndGet();
    return new AccountRequestCommand(localAuthorityId, null, "MADAME", "Le Bihan", "Anne",
        "Chargée de mission coopération", "anne.lebihan" + n + "@example.org", "02 99 00 00 00",
        "alebihan" + n + "p", PASSWORD);
  }

  static AccountRequestCommand unlisted(String name) {
    int n = SEQUENCE.incrementAndGet();
    return new AccountRequestCommand(null, new UnlistedLocalAuthority(name, "EPCI", "35"), "MONSIEUR", "Kerjean",
        "Paul", "Directeur des relations internationales", "paul.kerjean" + n + "@example.org", null,
        "pkerjean" + n + "p", PASSWORD);
  }
}
