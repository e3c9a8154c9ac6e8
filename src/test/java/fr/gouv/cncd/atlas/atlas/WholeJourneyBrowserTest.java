package fr.gouv.cncd.atlas.atlas;

import static fr.gouv.cncd.atlas.support.Tasklist.fieldBy;
import static fr.gouv.cncd.atlas.support.Tasklist.literal;
import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.atlas.AtlasContent.Coordinates;
import fr.gouv.cncd.atlas.support.Browser;
import fr.gouv.cncd.atlas.support.FrenchScreens;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.Outbox;
import fr.gouv.cncd.atlas.support.Tasklist;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole journey, as people make it, in a real French Chromium through the real pages: a
 * collectivité's staff member asks for an account on /inscription; the DAECT approves it in
 * Tasklist; the requester activates it from the mail and logs in; the empty Tasklist offers the
 * Atlas update, which they make (coordonnées changed, a contact added, a project archived) and
 * validate; they download the compte-rendu; then a process manager finds the finished update in
 * Cockpit by the collectivité's name. Every screen met is checked for English words
 * (FrenchScreens); a failing screen keeps its screenshot and source in target/screenshots.
 *
 * <p>Vannes is used by no other test (only one update per collectivité may run); its first Atlas is
 * published before, as the ministry's data migration does.
 */
@H2ApplicationTest
class WholeJourneyBrowserTest {

  @RegisterExtension
  static final Browser browser = new Browser(Duration.ofSeconds(30));
  private static final Tasklist tasklist = new Tasklist(browser);

  private static final String DEMO = "Demo#Atlas-2026";
  private static final String PASSWORD = "Golfe#Morbihan-2026";
  private static final String VANNES = "commune-56260";
  private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 30), 36);
  private static final String USERNAME = "mlefloch" + RUN;
  private static final String EMAIL = "maelle.lefloch." + RUN + "@mairie-vannes.fr";
  private static final String FULL_NAME = "Maëlle Le Floch";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired FilterService filters;
  @Autowired AtlasUpdates updates;

  private int screen;

  @BeforeAll
  static void publishTheFirstAtlasOfVannes(@Autowired AtlasPublication publication, @Autowired AtlasUpdates updates) {
    if (updates.published(VANNES).version() == 0) {
      publication.publishDirectly(VANNES, DemoAtlas.rennes().withCoordinates(new Coordinates(
          "Hôtel de Ville\nPlace Maurice Marchais", "56000", "Vannes", "0297016000", "international@mairie-vannes.fr",
          "https://www.mairie-vannes.fr", "Direction des relations internationales")), "daect");
    }
  }

  @Test
  void fromTheAccountRequestToTheCompteRenduAndItsFollowUpInCockpit() {
    // 1. The account request, on the public page.
    browser.open(url("inscription"));
    browser.type("localAuthority", "Vannes");
    browser.waitVisible(By.xpath("//ul[@id='localAuthority-listbox']/li[@role='option']"
        + "[starts-with(normalize-space(.), 'Vannes — Commune')]")).click();
    browser.waitUntil(d -> browser.value("localAuthority").startsWith("Vannes — Commune — 56 Morbihan"));
    browser.clickLabelFor("civility-MADAME");
    browser.type("lastName", "Le Floch");
    browser.type("firstName", "Maëlle");
    browser.type("function", "Chargée des relations internationales");
    browser.type("email", EMAIL);
    browser.type("phone", "02 97 01 60 00");
    browser.type("username", USERNAME);
    browser.type("password", PASSWORD);
    browser.type("passwordConfirmation", PASSWORD);
    checkFrench("inscription");
    browser.click("submit");
    assertThat(browser.waitVisible("success").getText()).contains("demande");
    checkFrench("inscription-sent");
    Jobs.runAll(management);

    // 2. The DAECT approves it in Tasklist.
    ProcessInstance request = runtime.createProcessInstanceQuery().processDefinitionKey("AccountRequest")
        .variableValueEquals("requestedUsername", USERNAME).singleResult();
    assertThat(request.getBusinessKey()).isEqualTo("Vannes — Mme Maëlle Le Floch");
    Task review = tasks.createTaskQuery().processInstanceId(request.getId()).singleResult();
    logInto("tasklist", "validateur", DEMO, "Camille Martin");
    tasklist.openFilter("Demandes de compte à valider",
        filters.createFilterQuery().filterName("Demandes de compte à valider").singleResult().getId());
    tasklist.openTask(review);
    assertThat(tasklist.fieldValue("Collectivité (type, département, code)"))
        .isEqualTo("Vannes — Commune — 56 Morbihan (INSEE 56260)");
    assertThat(tasklist.fieldValue("Téléphone")).isEqualTo("02 97 01 60 00");
    checkFrench("daect-review");
    tasklist.claim();
    tasklist.chooseOption("Valider la demande");
    tasklist.complete();
    assertThat(browser.waitVisible(By.cssSelector(".notifications .alert-success")).getText())
        .contains("Tâche terminée : « " + review.getName() + " ».");
    tasklist.waitLeft(review);
    checkFrench("daect-after-review");
    logOut();
    Jobs.runAll(management);

    // 3. The requester activates the account from the mail's link.
    List<MimeMessage> mails = Outbox.mails(request.getId() + "_ServiceTask_SendActivationLink");
    assertThat(mails).hasSize(1);
    browser.open(url("activation#jeton=" + Outbox.token(mails.get(0))));
    browser.waitVisible("activate").click();
    assertThat(browser.waitVisible("success").getText()).contains("Compte activé");
    checkFrench("activation");
    browser.waitVisible("login").click();

    // 4. Logged in, the empty Tasklist says what to do and starts the update.
    browser.logInHere(USERNAME, PASSWORD);
    browser.waitLoggedIntoWebapp(FULL_NAME);
    WebElement empty = browser.waitVisible(By.cssSelector(".atlas-empty-state"));
    assertThat(empty.getText()).contains("Pour mettre à jour l'Atlas, démarrez la mise à jour");
    // No « Détails du filtre » (the engine's criteria) for who may not change filters.
    browser.waitUntil(d -> Boolean.TRUE.equals(browser.script(
        "return document.documentElement.classList.contains('atlas-filters-read-only');")));
    assertThat(browser.driver().findElements(By.cssSelector(".task-filter .actions a")))
        .noneMatch(WebElement::isDisplayed);
    checkFrench("agent-empty-tasklist");
    tasklist.clickWhenReady(By.cssSelector(".atlas-empty-state button.atlas-empty-start"));
    ProcessInstance update = browser.waitUntil(d -> runtime.createProcessInstanceQuery()
        .processDefinitionKey("AtlasUpdate").variableValueEquals("localAuthorityId", VANNES).singleResult());
    String process = update.getId();
    Task step = currentTask(process);
    tasklist.waitTaskShown(step, "Étape 1/8 — Présentation et objectifs");
    checkFrench("step1");

    // 5. The eight steps, with edits of the lists.
    step = next(step, process, "Étape 2/8 — Coordonnées");
    // The task card's tooltip on its assignee, in French (the stock template writes a raw key).
    new Actions(browser.driver()).moveToElement(browser.waitVisible(By.cssSelector(
        ".tasks-list .task h5.assignee"))).perform();
    assertThat(browser.waitVisible(By.cssSelector(".tooltip .tooltip-inner")).getText())
        .isEqualTo("Responsable de la tâche");
    tasklist.typeInto(fieldBy("Téléphone"), "02 97 01 61 61");
    checkFrench("step2");
    step = next(step, process, "Étape 3/8 — Élus et cadres");
    tasklist.chooseOption("Ajouter un contact");
    step = next(step, process, "Étape 3/8 — Fiche contact");
    tasklist.chooseOption("M.");
    tasklist.typeInto(fieldBy("Nom"), "Le Goff");
    tasklist.typeInto(fieldBy("Prénom"), "Erwan");
    tasklist.typeInto(fieldBy("Fonction ou titre"), "Adjoint aux relations internationales");
    tasklist.chooseOption("Élu(e)");
    tasklist.typeInto(fieldBy("Courriel"), "erwan.legoff@mairie-vannes.fr");
    tasklist.typeInto(fieldBy("Téléphone"), "02 97 01 60 10");
    tasklist.chooseOption("Coopération décentralisée");
    checkFrench("step3-contact");
    step = next(step, process, "Étape 3/8 — Élus et cadres");
    assertThat(tasklist.fieldValue("Nombre de contacts")).isEqualTo("4 contacts");
    tasklist.chooseOption("Passer à l'étape suivante (aide publique au développement)");
    step = next(step, process, "Étape 4/8 — Aide publique au développement");
    checkFrench("step4");
    step = next(step, process, "Étape 5/8 — Associations et réseaux");
    tasklist.chooseOption("Passer à l'étape suivante (coopérations décentralisées)");
    step = next(step, process, "Étape 6/8 — Coopérations décentralisées");
    tasklist.chooseOption("Archiver un projet");
    tasklist.pickSearchable("Projet", "Dioro", "N° 3 — Accès à l'eau potable dans la commune de Dioro (Mali)");
    checkFrench("step6");
    step = next(step, process, "Étape 6/8 — Coopérations décentralisées");
    assertThat(tasklist.fieldValue("Nombre de projets")).isEqualTo("2 projets actifs, 1 archivé");
    tasklist.chooseOption("Passer à l'étape suivante (autres actions extérieures)");
    step = next(step, process, "Étape 7/8 — Autres actions extérieures");
    tasklist.chooseOption("Passer à l'étape suivante (validation)");
    step = next(step, process, "Étape 8/8 — Validation");
    checkFrench("step8");
    tasklist.chooseOption("Valider la mise à jour (publication dans l'Atlas)");
    tasklist.complete();
    tasklist.waitLeft(step);
    Jobs.runAll(management);

    // 6. The compte-rendu, downloaded with the Tasklist session.
    Task last = currentTask(process);
    assertThat(last.getName()).isEqualTo("Mise à jour publiée — compte-rendu à télécharger");
    browser.driver().navigate().refresh();
    tasklist.clickWhenReady(tasklist.taskCardBy(last));
    tasklist.waitTaskShown(last, last.getName());
    WebElement link = browser.waitVisible(By.xpath("//div[contains(@class,'fjs-container')]//a[normalize-space(.)="
        + literal("Télécharger le compte-rendu (PDF)") + "]"));
    checkFrench("published");
    @SuppressWarnings("unchecked")
    List<Object> download = (List<Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {"
            + "  const bytes = new Uint8Array(await r.arrayBuffer());"
            + "  done([r.status, r.headers.get('Content-Type'), String.fromCharCode(...bytes.slice(0, 5))]); })"
            + ".catch(e => done([0, String(e)]));", link.getDomProperty("href"));
    assertThat(download).containsExactly(200L, "application/pdf", "%PDF-");
    tasklist.complete();
    tasklist.waitLeft(last);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(process).count()).isZero();
    assertThat(updates.published(VANNES).publishedBy()).isEqualTo(USERNAME);
    logOut();

    // 7. A process manager finds both in Cockpit, by the collectivité's name.
    logInto("cockpit", "pilote", DEMO, "Dominique Bernard");
    browser.waitVisible(By.cssSelector(".atlas-monitoring table.atlas-monitoring-table"));
    checkFrench("cockpit-dashboard");
    browser.type("atlas-search-q", "vannes");
    browser.driver().findElement(By.cssSelector(".atlas-monitoring-search button[type=submit]")).click();
    WebElement found = browser.waitVisible(By.cssSelector(".atlas-monitoring-results tr[data-instance='" + process + "']"));
    assertThat(found.getText()).contains("Mises à jour de l'Atlas", "Vannes (commune-56260) — ", "Terminée");
    assertThat(browser.driver().findElement(By.cssSelector(".atlas-monitoring-results tr[data-instance='"
        + request.getId() + "']")).getText()).contains("Demandes de compte", "Vannes — Mme Maëlle Le Floch", "Terminée");
    checkFrench("cockpit-search");
  }

  // --- helpers

  /** « Terminer », then the next step from the task list, as the agent does. */
  private Task next(Task task, String process, String nextName) {
    tasklist.complete();
    tasklist.waitLeft(task);
    Task next = currentTask(process);
    assertThat(next.getName()).isEqualTo(nextName);
    tasklist.openTask(next);
    tasklist.waitTaskShown(next, nextName);
    browser.waitUntil(d -> {
      List<WebElement> field = d.findElements(fieldBy("Collectivité"));
      return !field.isEmpty() && !field.get(0).getDomProperty("value").isEmpty();
    });
    return next;
  }

  private Task currentTask(String process) {
    return browser.waitUntil(d -> tasks.createTaskQuery().processInstanceId(process).singleResult());
  }

  private void checkFrench(String name) {
    browser.screenshot("WholeJourneyBrowserTest." + (++screen) + "-" + name);
    assertThat(FrenchScreens.englishOnScreen(browser)).as("English on the screen « %s »", name).isEmpty();
  }

  private void logInto(String app, String username, String password, String fullName) {
    browser.logIntoWebapp(url("camunda/app/" + app + "/"), username, password);
    browser.waitLoggedIntoWebapp(fullName);
  }

  private void logOut() {
    browser.driver().manage().deleteAllCookies();
    browser.script("window.localStorage.clear(); window.sessionStorage.clear();");
  }

  private String url(String path) {
    return "http://localhost:" + port + "/" + path;
  }
}
