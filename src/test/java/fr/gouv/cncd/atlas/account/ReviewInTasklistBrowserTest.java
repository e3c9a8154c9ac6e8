package fr.gouv.cncd.atlas.account;

import static fr.gouv.cncd.atlas.support.Tasklist.fieldBy;
import static fr.gouv.cncd.atlas.support.Tasklist.fieldErrorBy;
import static fr.gouv.cncd.atlas.support.Tasklist.literal;
import static fr.gouv.cncd.atlas.support.Tasklist.optionBy;
import static fr.gouv.cncd.atlas.support.Tasklist.COMPLETE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.account.AccountRequestCommand.UnlistedLocalAuthority;
import fr.gouv.cncd.atlas.support.Browser;
import fr.gouv.cncd.atlas.support.Tasklist;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.Mails;
import fr.gouv.cncd.atlas.support.Outbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The DAECT's review of account requests in the real Camunda Tasklist, and who may open Tasklist's
 * filters and Cockpit, in a real headless Chromium against the whole application (H2, outbox, demo
 * accounts). Requests are submitted through AccountRequests, as /inscription does.
 *
 * <p>Every login here uses the right password: a failed login makes Camunda delay that user's next
 * logins.
 */
@H2ApplicationTest
class ReviewInTasklistBrowserTest {

  /** Camunda's webapps are heavy single-page apps: their first load on a busy machine takes its time. */
  @RegisterExtension
  static final Browser browser = new Browser(Duration.ofSeconds(30));
  private static final Tasklist tasklist = new Tasklist(browser);

  private static final String DEMO_PASSWORD = "Demo#Atlas-2026";
  private static final String PASSWORD = "Coop#Bretagne-2026";
  private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 30), 36);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  /** The task's name starts so; it may go on with the collectivité and the requester. */
  private static final String REVIEW_TASK = "Valider la demande de compte";
  private static final String REVIEW_FILTER = "Demandes de compte à valider";
  private static final String MY_TASKS = "Mes tâches";
  private static final String MY_GROUPS_TASKS = "Tâches de mes groupes";
  private static final String RENNES = "Rennes — Commune — 35 Ille-et-Vilaine (INSEE 35238)";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired AccountRequests requests;

  /** Every test starts logged out of the webapps, whatever the previous one left. */
  @BeforeEach
  void logOutOfTheWebapps() {
    browser.open(url("camunda/app/tasklist/"));
    browser.driver().manage().deleteAllCookies();
    browser.script("window.localStorage.clear(); window.sessionStorage.clear();");
  }

  @AfterEach
  void clearEngineAuthentication() {
    identity.clearAuthentication();
  }


  // 1. A collectivité of the referential: what the validator reads, and a rejection needs a motive

  @Test
  void theDaectValidatorReadsTheRequestInTasklistAndCannotRejectItWithoutAMotive() {
    AccountRequest request = requests.submit(listed("commune-35238"));
    Task task = reviewTaskOf(request);

    logIn("tasklist", "validateur", DEMO_PASSWORD);
    waitLoggedIn("Camille Martin");
    openFilter(REVIEW_FILTER);
    openTask(task);

    assertThat(tasklist.fieldValue("Identifiant demandé")).isEqualTo(request.getUsername());
    assertThat(tasklist.fieldValue("Nom")).isEqualTo("Mme Anne Le Bihan");
    assertThat(tasklist.fieldValue("Fonction")).isEqualTo("Chargée de mission coopération");
    assertThat(tasklist.fieldValue("Courriel")).isEqualTo(request.getEmail());
    assertThat(tasklist.fieldValue("Collectivité (type, département, code)")).isEqualTo(RENNES);
    assertThat(tasklist.fieldValue("Autres comptes actifs de la collectivité")).contains("Marie Dupont (mdupont)");
    assertThat(browser.driver().findElement(fieldBy("Nom")).isEnabled()).isFalse();

    tasklist.claim();
    tasklist.chooseOption("Rejeter la demande");
    WebElement motive = browser.waitVisible(fieldBy("Motif du rejet"));
    assertThat(motive.getDomProperty("value")).isEmpty();

    // An empty motive: the form refuses it on the motive field alone (no toast over the buttons), the
    // field gets the focus, and the task stays open.
    tasklist.complete();
    browser.waitUntil(ExpectedConditions.attributeToBe(fieldBy("Motif du rejet"), "aria-invalid", "true"));
    browser.waitUntil(ExpectedConditions.textToBe(fieldErrorBy("Motif du rejet"), "Ce champ est obligatoire."));
    browser.waitUntil(d -> d.findElement(fieldBy("Motif du rejet")).equals(d.switchTo().activeElement()));
    browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".notifications .alert-danger")));
    assertStillOpen(task, request);

    // Blanks are no motive either: the form keeps the field in error and « Terminer » disabled.
    tasklist.typeInto(fieldBy("Motif du rejet"), "       ");
    browser.waitUntil(d -> !d.findElement(COMPLETE).isEnabled());
    assertThat(browser.driver().findElement(fieldBy("Motif du rejet")).getDomAttribute("aria-invalid"))
        .isEqualTo("true");
    browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(fieldErrorBy("Motif du rejet"),
        "Ce champ doit comporter au moins 5 caractères."));
    assertStillOpen(task, request);
    assertThat(browser.driver().findElement(optionBy("Rejeter la demande")).findElement(By.tagName("input"))
        .isSelected()).isTrue();

    String motiveText = "Vous n'êtes pas agent de la commune de Rennes.";
    tasklist.typeInto(fieldBy("Motif du rejet"), motiveText);
    tasklist.complete();

    // « Terminer » says it worked.
    assertThat(browser.waitVisible(By.cssSelector(".notifications .alert-success")).getText())
        .contains("Tâche terminée : « " + task.getName() + " ».");
    tasklist.waitLeft(task);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    Jobs.runAll(management);
    assertThat(requests.get(request.getId()).getStatus()).isEqualTo(AccountRequestStatus.REJECTED);
    List<MimeMessage> rejections = Outbox.mails(task.getProcessInstanceId() + "_ServiceTask_SendRejection");
    assertThat(rejections).hasSize(1);
    assertThat(Mails.text(rejections.get(0))).contains(motiveText);
  }

  // 2. A collectivité the requester did not find, which is in the referential after all

  @Test
  void theDaectValidatorAttachesAnUnlistedCollectiviteToRennesChosenInTheSearchableList() {
    AccountRequest request = requests.submit(unlisted("Ville de Rennes", "COMMUNE", "35"));
    Task task = reviewTaskOf(request);

    logIn("tasklist", "validateur", DEMO_PASSWORD);
    waitLoggedIn("Camille Martin");
    openFilter(REVIEW_FILTER);
    openTask(task);

    assertThat(tasklist.fieldValue("Collectivité (type, département, code)"))
        .startsWith("Collectivité absente du référentiel : Ville de Rennes — Commune — 35 Ille-et-Vilaine");
    assertThat(browser.driver().findElements(fieldBy("Autres comptes actifs de la collectivité"))).isEmpty();
    assertThat(browser.driver().findElements(optionBy("Valider la demande"))).isEmpty();

    tasklist.claim();
    tasklist.chooseOption("Rattacher la demande à une collectivité du référentiel");
    WebElement search = browser.waitVisible(fieldBy("Collectivité du référentiel"));
    tasklist.scrollIntoView(search);
    search.click();
    search.sendKeys("Rennes");
    By rennes = By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=" + literal(RENNES) + "]");
    browser.waitUntil(ExpectedConditions.elementToBeClickable(rennes)).click();
    browser.waitUntil(d -> RENNES.equals(search.getDomProperty("value")));
    assertThat(browser.driver().findElements(fieldBy("Motif du rejet"))).isEmpty();
    tasklist.complete();

    tasklist.waitLeft(task);
    Jobs.runAll(management);
    AccountRequest reviewed = requests.get(request.getId());
    assertThat(reviewed.getStatus()).isEqualTo(AccountRequestStatus.APPROVED);
    assertThat(reviewed.getLocalAuthorityId()).isEqualTo("commune-35238");
    List<MimeMessage> links = Outbox.mails(task.getProcessInstanceId() + "_ServiceTask_SendActivationLink");
    assertThat(links).hasSize(1);
    assertThat(Mails.text(links.get(0))).contains("/activation#jeton=" + Outbox.token(links.get(0)));
  }

  // 3. A collectivité's new staff member

  @Test
  void aNewStaffMemberSeesNeitherTheDaectFilterNorItsTasksAndIsRefusedByCockpit() {
    AccountRequest request = requests.submit(listed("commune-35238"));
    Task review = reviewTaskOf(request);
    approveAsDaect(review);
    Jobs.runAll(management);
    requests.activate(Outbox.token(
        Outbox.mails(review.getProcessInstanceId() + "_ServiceTask_SendActivationLink").get(0)));
    assertThat(requests.get(request.getId()).getStatus()).isEqualTo(AccountRequestStatus.ACTIVATED);
    // Someone else's request waits for the DAECT meanwhile.
    Task pending = reviewTaskOf(requests.submit(listed("commune-35238")));

    logIn("tasklist", request.getUsername(), PASSWORD);
    waitLoggedIn("Anne Le Bihan");
    browser.waitVisible(tasklist.filterBy(MY_TASKS));
    browser.waitVisible(tasklist.filterBy(MY_GROUPS_TASKS));
    assertThat(browser.driver().findElements(tasklist.filterBy(REVIEW_FILTER))).isEmpty();
    assertThat(tasklist.filterNames()).doesNotContain(REVIEW_FILTER);
    for (String filter : List.of(MY_TASKS, MY_GROUPS_TASKS)) {
      openFilter(filter);
      assertThat(browser.waitVisible(By.cssSelector("[cam-tasks] .well")).getText())
          .as(filter).contains("Aucune tâche ne correspond aux filtres.");
      assertThat(browser.driver().findElements(tasklist.taskCardBy(pending))).as(filter).isEmpty();
    }

    // Cockpit, still logged into Tasklist: the server refuses the page itself (403).
    browser.open(url("camunda/app/cockpit/"));
    assertThat(browser.script("return performance.getEntriesByType('navigation')[0].responseStatus;"))
        .isEqualTo(403L);
    assertThat(browser.driver().findElements(By.cssSelector("input[type=password], .sections-menu"))).isEmpty();
    assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("Anne Le Bihan")
        .contains("Accès refusé").contains("Aller à Tasklist");

    // Cockpit, logged out: its login form, and a refusal once the (right) password is typed.
    browser.driver().manage().deleteAllCookies();
    logIn("cockpit", request.getUsername(), PASSWORD);
    WebElement refusal = browser.waitVisible(By.cssSelector(".notifications .alert-danger"));
    assertThat(refusal.getText()).contains("Échec de la connexion")
        .contains("compte sans accès à cette application. Les agents des collectivités se connectent à Tasklist.");
    assertThat(browser.driver().findElement(By.cssSelector("input[type=password]")).isDisplayed()).isTrue();
    assertThat(browser.driver().getCurrentUrl()).contains("/camunda/app/cockpit/").contains("#/login");
    assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("Anne Le Bihan");
  }

  // 3b. Two pending requests of one person for one collectivité

  @Test
  void theSecondRequestOfTheSamePersonForTheSameCollectiviteIsFlaggedOnTheReviewSheet() {
    AccountRequest first = requests.submit(listed("commune-56121"));
    Task firstTask = reviewTaskOf(first);
    AccountRequest second = requests.submit(listed("commune-56121"));
    Task secondTask = reviewTaskOf(second);
    String flag = "Attention : la même personne a une autre demande en attente pour cette collectivité";

    logIn("tasklist", "validateur", DEMO_PASSWORD);
    waitLoggedIn("Camille Martin");
    openFilter(REVIEW_FILTER);
    openTask(secondTask);
    browser.waitUntil(d -> tasklist.fieldValue(flag).contains("« " + first.getUsername() + " »"));
    assertThat(tasklist.fieldValue(flag)).contains(first.getEmail());

    // The first one, made before the second, shows no such field.
    openTask(firstTask);
    browser.waitUntil(d -> first.getUsername().equals(tasklist.fieldValue("Identifiant demandé")));
    assertThat(browser.driver().findElements(fieldBy(flag))).isEmpty();
  }

  // 4. The process manager

  @Test
  void theProcessManagerSeesTheAccountRequestProcessInCockpit() {
    logIn("cockpit", "pilote", DEMO_PASSWORD);
    waitLoggedIn("Dominique Bernard");

    tasklist.clickWhenReady(By.cssSelector(".sections-menu a[href='#/processes']"));
    browser.waitUntil(ExpectedConditions.urlContains("#/processes"));
    WebElement row = browser.waitVisible(By.xpath("//table//tr[.//a[normalize-space(.)='Demande de compte']]"));
    assertThat(row.getText()).contains("AccountRequest");
    assertThat(browser.waitVisible(By.tagName("h1")).getText()).contains("définitions de processus déployées");

    // A request's instance reads in French: its business key, the variables' types, no « null ».
    AccountRequest request = requests.submit(listed("commune-35238"));
    ProcessInstance instance = instanceOf(request);
    browser.open(url("camunda/app/cockpit/default/#/process-instance/" + instance.getId()
        + "/runtime?tab=variables-tab"));
    browser.waitVisible(By.xpath("//dd[normalize-space(.)='Rennes — Mme Anne Le Bihan']"));
    browser.waitUntil(d -> d.findElements(By.cssSelector("td.col-type > div")).stream()
        .anyMatch(cell -> cell.getText().equals("Texte")));
    browser.waitUntil(d -> d.findElements(By.cssSelector(".null-value")).stream()
        .allMatch(value -> value.getText().equals("aucun")));
    assertThat(fr.gouv.cncd.atlas.support.FrenchScreens.englishOnScreen(browser))
        .as("English on the instance's page in Cockpit").isEmpty();
  }

  // Helpers: logins

  private String url(String path) {
    return "http://localhost:" + port + "/" + path;
  }

  /** Opens the app's address and logs in with its login form. */
  private void logIn(String app, String username, String password) {
    browser.logIntoWebapp(url("camunda/app/" + app + "/"), username, password);
  }

  private void waitLoggedIn(String fullName) {
    browser.waitLoggedIntoWebapp(fullName);
  }

  // Helpers: Tasklist (see support/Tasklist)

  private void openFilter(String name) {
    tasklist.openFilter(name, filters.createFilterQuery().filterName(name).singleResult().getId());
  }

  private void openTask(Task task) {
    assertThat(tasklist.cardName(task)).contains(REVIEW_TASK);
    tasklist.openTask(task);
  }

  private void assertStillOpen(Task task, AccountRequest request) {
    tasklist.cardName(task);
    assertThat(browser.driver().getCurrentUrl()).contains("task=" + task.getId());
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(requests.get(request.getId()).getStatus()).isEqualTo(AccountRequestStatus.PENDING_REVIEW);
  }

  // Helpers: requests and the engine

  private Task reviewTaskOf(AccountRequest request) {
    ProcessInstance instance = instanceOf(request);
    Jobs.runAll(management);
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task).as("review task of %s", request.getUsername()).isNotNull();
    return task;
  }

  private void approveAsDaect(Task task) {
    identity.setAuthentication("validateur", List.of("daect"));
    try {
      tasks.complete(task.getId(), Map.of("decision", "APPROVE"));
    } finally {
      identity.clearAuthentication();
    }
  }

  private ProcessInstance instanceOf(AccountRequest request) {
    return runtime.createProcessInstanceQuery().variableValueEquals("accountRequestId", request.getId()).singleResult();
  }

  /** A request for a collectivité of the referential, with an identifiant and an address of its own. */
  private static AccountRequestCommand listed(String localAuthorityId) {
    String n = RUN + SEQUENCE.incrementAndGet();
    return new AccountRequestCommand(localAuthorityId, null, "MADAME", "Le Bihan", "Anne",
        "Chargée de mission coopération", "anne.lebihan." + n + "@example.org", "02 99 00 00 00", "tl" + n, PASSWORD);
  }

  /** A request for a collectivité the requester did not find in the referential. */
  private static AccountRequestCommand unlisted(String name, String type, String department) {
    String n = RUN + SEQUENCE.incrementAndGet();
    return new AccountRequestCommand(null, new UnlistedLocalAuthority(name, type, department), "MONSIEUR", "Kerjean",
        "Paul", "Directeur des relations internationales", "paul.kerjean." + n + "@example.org", null, "tl" + n,
        PASSWORD);
  }

}
