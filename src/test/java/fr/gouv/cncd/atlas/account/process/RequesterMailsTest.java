package fr.gouv.cncd.atlas.account.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.account.AccountRequest;
import fr.gouv.cncd.atlas.account.AccountRequestCommand;
import fr.gouv.cncd.atlas.account.AccountRequestCommand.UnlistedLocalAuthority;
import fr.gouv.cncd.atlas.account.AccountRequests;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.Mails;
import fr.gouv.cncd.atlas.support.Outbox;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mails to the requester go to an address nobody has confirmed yet: they carry none of the text
 * the requester typed (name, function, collectivité name, identifiant...), only fixed text, dates,
 * an official collectivité name and the DAECT's motive. The DAECT's own mail shows everything.
 */
@H2ApplicationTest
class RequesterMailsTest {

  private static final String ACKNOWLEDGEMENT = "_ServiceTask_SendAcknowledgement";
  private static final String PASSWORD = "Coop#Bretagne-2026";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired AccountRequests requests;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  @Test
  void mailsOfAListedCollectiviteShowItsOfficialNameAndNothingTyped() {
    int n = SEQUENCE.incrementAndGet();
    AccountRequestCommand command = new AccountRequestCommand("commune-35238", null, "MADAME", "Kervadec", "Maëlys",
        "Offre exceptionnelle à saisir", "maelys.kervadec" + n + "@exemple.fr", "02 99 12 34 56", "mkervadec" + n + "q",
        PASSWORD);
    ProcessInstance instance = submit(command);
    MimeMessage acknowledgement = single(instance, ACKNOWLEDGEMENT);
    assertThat(Mails.subject(acknowledgement)).isEqualTo("[Atlas CNCD] Votre demande de compte a bien été reçue");
    assertThat(Mails.text(acknowledgement)).contains("Votre demande de compte pour Rennes a bien été enregistrée le");
    assertThat(Mails.html(acknowledgement)).contains("pour <strong>Rennes</strong>");
    assertNothingTyped(acknowledgement, command);

    review(instance, Map.of("decision", "APPROVE"));
    MimeMessage activation = single(instance, "_ServiceTask_SendActivationLink");
    assertThat(Mails.text(activation)).contains("pour Rennes").contains("/activation#jeton=");
    assertNothingTyped(activation, command);

    management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult()
        .getId());
    Jobs.runAll(management);
    MimeMessage expiry = single(instance, "_ServiceTask_SendExpiryNotice");
    assertThat(Mails.text(expiry)).contains("pour Rennes").contains("a expiré");
    assertNothingTyped(expiry, command);
  }

  @Test
  void mailsOfAnUnlistedCollectiviteLeaveItsTypedNameOutButTheDaectReadsEverything() {
    AccountRequestCommand command = unlisted("Syndicat intercommunal Ar Mor Glaz");
    ProcessInstance instance = submit(command);
    MimeMessage acknowledgement = single(instance, ACKNOWLEDGEMENT);
    assertThat(Mails.text(acknowledgement)).contains("Votre demande de compte a bien été enregistrée le");
    assertNothingTyped(acknowledgement, command);

    // The typed values do reach mails: the DAECT's, whose address is known.
    String toDaect = Mails.text(single(instance, "_ServiceTask_NotifyDaect"));
    assertThat(typedValues(command)).isNotEmpty().allSatisfy(value -> assertThat(toDaect).contains(value));

    String motive = "Cette structure n'est pas une collectivité territoriale.";
    review(instance, Map.of("unlistedDecision", "REJECT", "rejectionMotive", motive));
    MimeMessage rejection = single(instance, "_ServiceTask_SendRejection");
    assertThat(Mails.text(rejection)).contains(motive);
    assertNothingTyped(rejection, command);
  }

  @Test
  void aCollectiviteAddedToTheReferentialFromTheRequestersTypingIsNotNamedEither() {
    AccountRequestCommand command = unlisted("Pôle métropolitain Loire Bretagne Ouest");
    ProcessInstance instance = submit(command);
    review(instance, Map.of("unlistedDecision", "ADD_TO_REFERENTIAL", "additionConfirmed", true));
    MimeMessage activation = single(instance, "_ServiceTask_SendActivationLink");
    assertThat(Mails.text(activation)).contains("La DAECT a validé votre demande de compte du ");
    assertNothingTyped(activation, command);
  }

  private static AccountRequestCommand unlisted(String name) {
    int n = SEQUENCE.incrementAndGet();
    return new AccountRequestCommand(null, new UnlistedLocalAuthority(name, "EPCI", "35"), "MONSIEUR", "Quéméner",
        "Tugdual", "Gagnez un séjour", "tugdual.quemener" + n + "@exemple.fr", null, "tquemener" + n + "q", PASSWORD);
  }

  private ProcessInstance submit(AccountRequestCommand command) {
    AccountRequest request = requests.submit(command);
    Jobs.runAll(management);
    return runtime.createProcessInstanceQuery().variableValueEquals("accountRequestId", request.getId()).singleResult();
  }

  private void review(ProcessInstance instance, Map<String, Object> variables) {
    String taskId = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    identity.setAuthentication("validateur", List.of("daect"));
    try {
      tasks.complete(taskId, variables);
    } finally {
      identity.clearAuthentication();
    }
    Jobs.runAll(management);
  }

  private static MimeMessage single(ProcessInstance instance, String step) {
    List<MimeMessage> mails = Outbox.mails(instance.getId() + step);
    assertThat(mails).as(step).hasSize(1);
    return mails.get(0);
  }

  private static void assertNothingTyped(MimeMessage mail, AccountRequestCommand command) {
    String subject = Mails.subject(mail);
    String text = Mails.text(mail);
    String html = Mails.html(mail);
    for (String typed : typedValues(command)) {
      assertThat(subject).as("subject").doesNotContainIgnoringCase(typed);
      assertThat(text).as("text part").doesNotContainIgnoringCase(typed);
      assertThat(html).as("HTML part").doesNotContainIgnoringCase(typed);
    }
  }

  /** Every free text of the request (the civility is chosen from a list). */
  private static List<String> typedValues(AccountRequestCommand command) {
    List<String> values = new ArrayList<>(List.of(command.lastName(), command.firstName(), command.function(),
        command.email(), command.username()));
    if (command.unlistedLocalAuthority() != null) {
      values.add(command.unlistedLocalAuthority().name());
    }
    values.add(command.phone());
    values.removeIf(Objects::isNull);
    return values;
  }
}
