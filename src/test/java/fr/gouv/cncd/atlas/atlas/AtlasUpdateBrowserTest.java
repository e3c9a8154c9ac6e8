package fr.gouv.cncd.atlas.atlas;

import static fr.gouv.cncd.atlas.support.Tasklist.ERROR_NOTIFICATION;
import static fr.gouv.cncd.atlas.support.Tasklist.TASK_NAME;
import static fr.gouv.cncd.atlas.support.Tasklist.fieldBy;
import static fr.gouv.cncd.atlas.support.Tasklist.literal;
import static fr.gouv.cncd.atlas.support.Tasklist.rowsNow;
import static fr.gouv.cncd.atlas.support.Tasklist.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.atlas.AtlasContent.Coordinates;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Project;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectStatus;
import fr.gouv.cncd.atlas.security.Groups;
import fr.gouv.cncd.atlas.support.Browser;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.StaffMembers;
import fr.gouv.cncd.atlas.support.Tasklist;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The update of a collectivité's Atlas as its agent makes it in the real Camunda Tasklist, in a
 * real headless Chromium (French) against the whole application: the header's start button, the
 * eight steps with their lists and sheets, a refusal of the server shown by Tasklist, the recap and
 * the way back from step 8, then the publication of version n + 1.
 *
 * <p>Only one update per collectivité may run, and the H2 context is shared by every test class:
 * the agent here is created for this class, in a collectivité no other test uses (Cesson-Sévigné),
 * and its first Atlas is published here.
 */
@H2ApplicationTest
class AtlasUpdateBrowserTest {

  /** Camunda's webapps are heavy single-page apps: their first load on a busy machine takes its time. */
  @RegisterExtension
  static final Browser browser = new Browser(Duration.ofSeconds(30));
  private static final Tasklist tasklist = new Tasklist(browser);

  private static final String DEMO_PASSWORD = "Demo#Atlas-2026";
  private static final String PASSWORD = "Coop#Bretagne-2026";
  private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 30), 36);
  private static final String LOCAL_AUTHORITY = "commune-35051";
  private static final String LOCAL_AUTHORITY_GROUP = "commune35051";
  private static final String LOCAL_AUTHORITY_LABEL = "Cesson-Sévigné — Commune — 35 Ille-et-Vilaine (INSEE 35051)";
  private static final String AGENT = "cesson" + RUN;
  private static final String AGENT_NAME = "Nolwenn Le Gall";
  private static final String SAINT_MALO = "commune-35288";
  private static final String PROCESS = "AtlasUpdate";

  private static final By START_BUTTON = By.cssSelector("li.atlas-start-update > button.atlas-start-update-button");

  private static final String NEW_COOPERATION = "Coopération eau potable — Saint-Louis, Sénégal";
  private static final String OLD_TITLE = "Jumelage Rennes–Erlangen";
  private static final String NEW_TITLE = "Jumelage Cesson-Sévigné–Erlangen : échanges scolaires et sportifs";
  private static final String ARCHIVED_TITLE = "Accès à l'eau potable dans la commune de Dioro";

  /** The first version of the collectivité's Atlas, published in @BeforeAll. */
  private static int initialVersion;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired AtlasUpdates updates;

  /** Instances this class started for Saint-Malo (ytanguy's), deleted after each test. */
  private final List<String> startedForSaintMalo = new ArrayList<>();

  /**
   * A new agent of Cesson-Sévigné, as an approved and activated account request makes them (the
   * collectivité's group, created when absent, and the agents' group), and the collectivité's
   * published Atlas: Rennes's demo content with coordinates of its own.
   */
  @BeforeAll
  static void createAgentAndPublishTheirAtlas(@Autowired IdentityService identity,
      @Autowired AtlasPublication publication) {
    if (identity.createGroupQuery().groupId(LOCAL_AUTHORITY_GROUP).count() == 0) {
      Group group = identity.newGroup(LOCAL_AUTHORITY_GROUP);
      group.setName("Cesson-Sévigné");
      group.setType(Groups.LOCAL_AUTHORITY_GROUP_TYPE);
      identity.saveGroup(group);
    }
    StaffMembers.create(identity, AGENT, "Nolwenn", "Le Gall", "nolwenn.legall." + RUN + "@example.org", PASSWORD);
    identity.createMembership(AGENT, LOCAL_AUTHORITY_GROUP);
    AtlasContent content = DemoAtlas.rennes().withCoordinates(new Coordinates("Hôtel de Ville\n1 esplanade de l'Hôtel de Ville",
        "35510", "Cesson-Sévigné", "0299835200", "international@ville-cesson.example.org",
        "https://www.ville-cesson-sevigne.fr", "Service des relations internationales"));
    initialVersion = publication.publishDirectly(LOCAL_AUTHORITY, content, "daect");
  }

  /** Every test starts logged out of the webapps, whatever the previous one left. */
  @BeforeEach
  void logOutOfTheWebapps() {
    browser.open(url("camunda/app/tasklist/"));
    browser.driver().manage().deleteAllCookies();
    browser.script("window.localStorage.clear(); window.sessionStorage.clear();");
  }

  /** Nothing this class started may keep running: the next test (of any class) could not start an update. */
  @AfterEach
  void cancelWhatIsLeft() {
    identity.clearAuthentication();
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .variableValueEquals("localAuthorityId", LOCAL_AUTHORITY).list()) {
      runtime.deleteProcessInstance(instance.getId(), "AtlasUpdateBrowserTest: cleaning up");
    }
    for (String id : startedForSaintMalo) {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "AtlasUpdateBrowserTest: cleaning up");
      }
    }
    startedForSaintMalo.clear();
  }

  // 1. The whole update, from the header's button to the publication

  @Test
  void anAgentUpdatesTheAtlasOfTheirCollectiviteInTasklistAndPublishesIt() {
    assertThat(updates.running(LOCAL_AUTHORITY)).as("an update of Cesson-Sévigné left running").isEmpty();
    logIn(AGENT, PASSWORD);
    browser.waitLoggedIntoWebapp(AGENT_NAME);
    // Tasks are the process's steps: nobody creates tasks of their own.
    browser.waitVisible(START_BUTTON);
    assertThat(browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("[cam-widget-header] li.create-task-action"))).isDisplayed()).as("« Créer une tâche » shown").isFalse();

    // The header's button starts the update and opens its first step, assigned to the agent.
    tasklist.clickWhenReady(START_BUTTON);
    ProcessInstance instance = browser.waitUntil(d -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS).variableValueEquals("localAuthorityId", LOCAL_AUTHORITY).singleResult());
    String process = instance.getId();
    Task task = currentTask(process);
    assertThat(task.getAssignee()).isEqualTo(AGENT);
    waitTaskOpen(task, "Étape 1/8 — Présentation et objectifs");
    assertThat(browser.driver().findElements(By.xpath("//button[normalize-space(.)='Prendre en charge']"))
        .stream().filter(WebElement::isDisplayed).toList()).as("no « Prendre en charge » on an assigned step").isEmpty();
    assertThat(tasklist.fieldValue("Collectivité")).isEqualTo(LOCAL_AUTHORITY_LABEL);
    assertThat(tasklist.fieldValue("Brouillon")).contains("Rien n'est publié avant l'étape 8");
    assertThat(tasklist.formText()).contains("www.cncd.fr").contains("Validation");
    browser.screenshot("AtlasUpdateBrowserTest.step1-presentation");
    // After « Terminer », Tasklist offers the next step assigned to the agent in a notification (16 s).
    task = completeAndFollowNotification(task, process, "Étape 2/8 — Coordonnées");

    // Step 2: a postal code of four digits is refused by the server; Tasklist says why, the task stays open.
    assertThat(tasklist.fieldValue("Code postal")).isEqualTo("35510");
    assertThat(tasklist.fieldValue("Téléphone")).isEqualTo("0299835200");
    tasklist.typeInto(fieldBy("Téléphone"), "02 99 83 52 99");
    tasklist.typeInto(fieldBy("Code postal"), "3500");
    tasklist.complete();
    WebElement refusal = browser.waitVisible(ERROR_NOTIFICATION);
    assertThat(refusal.getText()).contains("Code postal : 5 chiffres");
    browser.screenshot("AtlasUpdateBrowserTest.step2-refusal");
    assertStillOpen(task);
    assertThat(tasklist.fieldValue("Téléphone")).as("typed values kept").isEqualTo("02 99 83 52 99");
    tasklist.closeNotifications();
    tasklist.typeInto(fieldBy("Code postal"), "35510");
    task = completeAndOpenNext(task, process, "Étape 3/8 — Élus et cadres");

    // Step 3: a new contact, through its sheet, then back to the list.
    assertThat(tasklist.fieldValue("Nombre de contacts")).isEqualTo("3 contacts");
    assertThat(tasklist.tableText("Élus et cadres de votre collectivité")).contains("Mme Anne Le Goff");
    tasklist.chooseOption("Ajouter un contact");
    task = completeAndOpenNext(task, process, "Étape 3/8 — Fiche contact");
    assertThat(tasklist.fieldValue("Fiche")).isEqualTo("Nouveau contact");
    assertThat(tasklist.optionSelected("Enregistrer la fiche dans le brouillon")).isTrue();
    tasklist.chooseOption("Mme");
    tasklist.typeInto(fieldBy("Nom"), "Rivière");
    tasklist.typeInto(fieldBy("Prénom"), "Léa");
    tasklist.typeInto(fieldBy("Fonction ou titre"), "Chargée de mission Afrique de l'Ouest");
    tasklist.chooseOption("Cadre territorial");
    tasklist.typeInto(fieldBy("Courriel"), "lea.riviere@ville-cesson.example.org");
    tasklist.typeInto(fieldBy("Téléphone"), "02 99 83 52 10");
    tasklist.chooseOption("Coopération décentralisée");
    task = completeAndOpenNext(task, process, "Étape 3/8 — Élus et cadres");
    assertThat(tasklist.fieldValue("Nombre de contacts")).isEqualTo("4 contacts");
    assertThat(tasklist.tableRows("Élus et cadres de votre collectivité"))
        .anySatisfy(row -> assertThat(row).contains("Mme Léa Rivière", "Chargée de mission Afrique de l'Ouest",
            "Cadre territorial", "lea.riviere@ville-cesson.example.org", "0299835210", "Coopération décentralisée"));
    tasklist.chooseOption("Passer à l'étape suivante (aide publique au développement)");
    task = completeAndOpenNext(task, process, "Étape 4/8 — Aide publique au développement");

    // Step 4: read only.
    assertThat(tasklist.fieldValue("Synthèse")).contains("Aucune déclaration");

    // The agent leaves the step (back to Tasklist's home), then takes the header's button again:
    // the update runs already, and the alert leads back to its open step.
    tasklist.clickWhenReady(By.cssSelector("[cam-widget-header] a.navbar-brand"));
    browser.waitUntil(d -> !d.getCurrentUrl().contains("task="));
    browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-container form")));
    tasklist.clickWhenReady(START_BUTTON);
    WebElement running = browser.waitVisible(By.cssSelector("li.atlas-start-update > .atlas-start-update-alert"));
    assertThat(running.getText()).contains("Une mise à jour de l'Atlas de Cesson-Sévigné est déjà en cours")
        .contains("par " + AGENT_NAME + " (" + AGENT + ")").doesNotContain("ENGINE-");
    tasklist.clickWhenReady(By.xpath("//li[contains(@class,'atlas-start-update')]//a[normalize-space(.)='Reprendre la mise à jour en cours']"));
    browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".atlas-start-update-alert")));
    waitTaskOpen(task, "Étape 4/8 — Aide publique au développement");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .variableValueEquals("localAuthorityId", LOCAL_AUTHORITY).count()).isEqualTo(1);
    task = completeAndOpenNext(task, process, "Étape 5/8 — Associations et réseaux");

    // Step 5: nothing to change.
    assertThat(tasklist.fieldValue("Nombre d'adhésions")).isEqualTo("2 adhésions");
    tasklist.chooseOption("Passer à l'étape suivante (coopérations décentralisées)");
    task = completeAndOpenNext(task, process, "Étape 6/8 — Coopérations décentralisées");

    // Step 6: a new coopération, in the four sub-sections of its sheet.
    String cooperations = "Vos projets de coopération décentralisée";
    assertThat(tasklist.tableRows(cooperations)).hasSize(3);
    tasklist.chooseOption("Ajouter un projet");
    task = completeAndOpenNext(task, process, "Étape 6/8 — Fiche projet de coopération");
    assertThat(tasklist.fieldValue("Fiche")).isEqualTo("Nouvelle coopération décentralisée");
    // Partenaire
    tasklist.pickSearchable("Pays", "Séné", "Sénégal");
    tasklist.typeInto(fieldBy("Collectivité partenaire"), "Ville de Saint-Louis");
    tasklist.pickSimple("Niveau de la collectivité partenaire", "Municipalité ou commune");
    // Projet
    tasklist.typeInto(fieldBy("Titre"), NEW_COOPERATION);
    tasklist.typeInto(fieldBy("Description"), "Extension du réseau d'eau potable des quartiers de Guet Ndar et formation"
        + " des agents municipaux à sa gestion.");
    tasklist.pickTag("Thématiques", "Eau", "Eau et assainissement");
    tasklist.typeDate("Date de début", "01/03/2025");
    // Headless Chromium's own date format is American (mm/dd/yyyy): the application makes every date
    // field French, so « 01/03/2025 » is 1 March, in a French calendar whose weeks start on Monday.
    assertThat(tasklist.calendar("Date de début"))
        .containsExactly("mars", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.");
    tasklist.chooseOption("En cours (sans date de fin)");
    browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(fieldBy("Date de fin")));
    // Cadre
    tasklist.chooseOption("Convention de coopération");
    tasklist.typeDate("Date de signature", "15/01/2025");
    // Financement
    tasklist.typeInto(fieldBy("Budget total (€)"), "120000");
    tasklist.typeInto(fieldBy("Part de la collectivité (€)"), "40000");
    tasklist.typeInto(fieldBy("Cofinancement du MEAE (€)"), "30000");
    assertThat(tasklist.optionSelected("Enregistrer la fiche dans le brouillon")).isTrue();
    browser.screenshot("AtlasUpdateBrowserTest.step6-cooperation-sheet");
    task = completeAndOpenNext(task, process, "Étape 6/8 — Coopérations décentralisées");
    assertThat(tasklist.tableRows(cooperations)).hasSize(4)
        .anySatisfy(row -> assertThat(row).containsExactly("6", NEW_COOPERATION, "Sénégal", "Ville de Saint-Louis",
            "Eau et assainissement", "Actif"));

    // An existing project: its title changes, nothing else.
    tasklist.chooseOption("Modifier un projet");
    tasklist.pickSearchable("Projet", "Erlangen", "N° 2 — " + OLD_TITLE + " (Allemagne)");
    task = completeAndOpenNext(task, process, "Étape 6/8 — Fiche projet de coopération");
    assertThat(tasklist.fieldValue("Fiche")).isEqualTo("Modifier : N° 2 — " + OLD_TITLE);
    assertThat(tasklist.fieldValue("Titre")).isEqualTo(OLD_TITLE);
    tasklist.typeInto(fieldBy("Titre"), NEW_TITLE);
    task = completeAndOpenNext(task, process, "Étape 6/8 — Coopérations décentralisées");
    assertThat(tasklist.tableRows(cooperations)).anySatisfy(row -> assertThat(row).startsWith("2", NEW_TITLE));

    // Another one is archived.
    tasklist.chooseOption("Archiver un projet");
    tasklist.pickSearchable("Projet", "Dioro", "N° 3 — " + ARCHIVED_TITLE + " (Mali)");
    task = completeAndOpenNext(task, process, "Étape 6/8 — Coopérations décentralisées");
    assertThat(tasklist.fieldValue("Nombre de projets")).isEqualTo("3 projets actifs, 1 archivé");
    assertThat(tasklist.tableRows(cooperations)).anySatisfy(row -> assertThat(row).startsWith("3", ARCHIVED_TITLE)
        .endsWith("Archivé"));

    // The search among the projects filters the table as one types.
    tasklist.typeInto(fieldBy("Rechercher parmi les projets déjà déposés"), "sénégal");
    browser.waitUntil(d -> { List<List<String>> rows = rowsNow(d, cooperations); return rows != null && rows.size() == 1; });
    assertThat(tasklist.tableRows(cooperations).get(0)).startsWith("6", NEW_COOPERATION);
    browser.screenshot("AtlasUpdateBrowserTest.step6-search");
    tasklist.clearField(fieldBy("Rechercher parmi les projets déjà déposés"));
    browser.waitUntil(d -> { List<List<String>> rows = rowsNow(d, cooperations); return rows != null && rows.size() == 4; });
    tasklist.chooseOption("Passer à l'étape suivante (autres actions extérieures)");
    task = completeAndOpenNext(task, process, "Étape 7/8 — Autres actions extérieures");

    // Step 7: nothing to change.
    tasklist.chooseOption("Passer à l'étape suivante (validation)");
    task = completeAndOpenNext(task, process, "Étape 8/8 — Validation");

    // Step 8: the recap, then back to step 6 with the draft kept.
    assertRecap();
    tasklist.closeNotifications();
    tasklist.scrollIntoView(browser.driver().findElement(fieldBy("Détail des modifications")));
    browser.screenshot("AtlasUpdateBrowserTest.step8-recap");
    tasklist.chooseOption("Revenir à une étape précédente (le brouillon est conservé)");
    tasklist.pickSimple("Étape à reprendre", "Étape 6 — Coopérations décentralisées");
    task = completeAndOpenNext(task, process, "Étape 6/8 — Coopérations décentralisées");
    assertThat(tasklist.fieldValue("Nombre de projets")).isEqualTo("3 projets actifs, 1 archivé");
    assertThat(tasklist.tableRows(cooperations)).hasSize(4)
        .anySatisfy(row -> assertThat(row).startsWith("6", NEW_COOPERATION))
        .anySatisfy(row -> assertThat(row).startsWith("2", NEW_TITLE));
    tasklist.chooseOption("Passer à l'étape suivante (autres actions extérieures)");
    task = completeAndOpenNext(task, process, "Étape 7/8 — Autres actions extérieures");
    tasklist.chooseOption("Passer à l'étape suivante (validation)");
    task = completeAndOpenNext(task, process, "Étape 8/8 — Validation");
    assertRecap();

    // Validation: the process publishes (asynchronously) the next version.
    tasklist.chooseOption("Valider la mise à jour (publication dans l'Atlas)");
    tasklist.complete();
    waitCompleted(task);
    assertThat(updates.published(LOCAL_AUTHORITY).version()).as("nothing published before the job").isEqualTo(initialVersion);
    Jobs.runAll(management);

    // The last task offers the compte-rendu: its link is a plain address of the application, which the
    // Tasklist session opens (no token in it, no second login).
    Task last = currentTask(process);
    assertThat(last.getName()).isEqualTo("Mise à jour publiée — compte-rendu à télécharger");
    browser.driver().navigate().refresh();
    tasklist.clickWhenReady(tasklist.taskCardBy(last));
    tasklist.waitTaskShown(last, last.getName());
    WebElement link = browser.waitVisible(By.xpath("//div[contains(@class,'fjs-container')]//a[normalize-space(.)="
        + "'Télécharger le compte-rendu (PDF)']"));
    assertThat(link.getDomAttribute("href")).isEqualTo("/api/atlas-updates/" + process + "/report.pdf");
    @SuppressWarnings("unchecked")
    List<Object> download = (List<Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {"
            + "  const bytes = new Uint8Array(await r.arrayBuffer());"
            + "  done([r.status, r.headers.get('Content-Type'), r.headers.get('Content-Disposition'),"
            + "    String.fromCharCode(...bytes.slice(0, 5)), bytes.length]); }).catch(e => done([0, String(e)]));",
        link.getDomProperty("href"));
    assertThat(download.get(0)).isEqualTo(200L);
    assertThat(download.get(1)).isEqualTo("application/pdf");
    assertThat((String) download.get(2)).contains("compte-rendu-atlas-cesson-sevigne-version-" + (initialVersion + 1));
    assertThat(download.get(3)).isEqualTo("%PDF-");
    // And the attestation « Atlas à jour », by its version's address.
    WebElement attestation = browser.waitVisible(By.xpath("//div[contains(@class,'fjs-container')]//a[normalize-space(.)="
        + "\"Télécharger l'attestation (PDF)\"]"));
    assertThat(attestation.getDomAttribute("href"))
        .isEqualTo("/api/local-authorities/" + LOCAL_AUTHORITY + "/atlas/versions/" + (initialVersion + 1) + "/attestation.pdf");
    @SuppressWarnings("unchecked")
    List<Object> attestationDownload = (List<Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeAsyncScript("const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done([r.status, r.headers.get('Content-Type')]))"
            + ".catch(e => done([0, String(e)]));", attestation.getDomProperty("href"));
    assertThat(attestationDownload).containsExactly(200L, "application/pdf");
    browser.screenshot("AtlasUpdateBrowserTest.published-report");
    tasklist.complete();
    waitCompleted(last);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(process).count()).isZero();

    PublishedAtlas published = updates.published(LOCAL_AUTHORITY);
    assertThat(published.version()).isEqualTo(initialVersion + 1);
    assertThat(published.publishedBy()).isEqualTo(AGENT);
    AtlasContent content = published.content();
    assertThat(content.coordinates().phone()).isEqualTo("0299835299");
    assertThat(content.coordinates().postalCode()).isEqualTo("35510");
    assertThat(content.contacts()).hasSize(4).anySatisfy(c -> {
      assertThat(c.lastName()).isEqualTo("Rivière");
      assertThat(c.firstName()).isEqualTo("Léa");
      assertThat(c.phone()).isEqualTo("0299835210");
    });
    Project added = content.projects().stream().filter(p -> NEW_COOPERATION.equals(p.title())).findFirst().orElseThrow();
    assertThat(added.kind()).isEqualTo(AtlasContent.ProjectKind.COOPERATION);
    assertThat(added.status()).isEqualTo(ProjectStatus.ACTIVE);
    assertThat(added.reference()).isEqualTo(6);
    assertThat(added.country()).isEqualTo("SN");
    assertThat(added.partnerAuthority()).isEqualTo("Ville de Saint-Louis");
    assertThat(added.partnerLevel()).isEqualTo("MUNICIPALITY");
    assertThat(added.themes()).containsExactly("WATER_SANITATION");
    assertThat(added.startDate()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(added.ongoing()).isTrue();
    assertThat(added.endDate()).isNull();
    assertThat(added.agreementType()).isEqualTo("CONVENTION");
    assertThat(added.signatureDate()).isEqualTo(LocalDate.of(2025, 1, 15));
    assertThat(added.totalBudget()).isEqualByComparingTo(new BigDecimal("120000"));
    assertThat(added.ownShare()).isEqualByComparingTo(new BigDecimal("40000"));
    assertThat(added.cofundingMeae()).isEqualByComparingTo(new BigDecimal("30000"));
    Project renamed = content.project("demo-rennes-project-2").orElseThrow();
    assertThat(renamed.title()).isEqualTo(NEW_TITLE);
    assertThat(renamed.status()).isEqualTo(ProjectStatus.ACTIVE);
    assertThat(content.project("demo-rennes-project-3").orElseThrow().status()).isEqualTo(ProjectStatus.ARCHIVED);
    assertThat(content.project("demo-rennes-project-1").orElseThrow().status()).isEqualTo(ProjectStatus.ACTIVE);
    assertThat(updates.running(LOCAL_AUTHORITY)).isEmpty();
  }

  /** The recap of step 8: what this update changes, and nothing else. */
  private void assertRecap() {
    assertThat(tasklist.fieldValue("Résumé des modifications"))
        .contains("Coordonnées : 1 champ modifié.")
        .contains("Élus et cadres : 1 ajouté.")
        .contains("Associations et réseaux : aucune modification.")
        .contains("Coopérations décentralisées : 1 ajouté, 1 modifié, 1 archivé.")
        .contains("Autres actions extérieures : aucune modification.");
    List<List<String>> recap = tasklist.tableRows("Détail des modifications");
    assertThat(recap).contains(
        List.of("Coordonnées", "Coordonnées", "Modifié", "Téléphone", "0299835200", "0299835299"),
        List.of("Élus et cadres", "Mme Léa Rivière", "Ajouté", "", "", ""),
        List.of("Coopérations décentralisées", "N° 6 — " + NEW_COOPERATION, "Ajouté", "", "", ""),
        List.of("Coopérations décentralisées", "N° 2 — " + NEW_TITLE, "Modifié", "Titre", OLD_TITLE, NEW_TITLE),
        List.of("Coopérations décentralisées", "N° 3 — " + ARCHIVED_TITLE, "Archivé", "", "", ""));
    // The modified project changed by its title only (the sheet sent back every other field as it was).
    assertThat(recap.stream().filter(row -> row.get(1).equals("N° 2 — " + NEW_TITLE)).toList()).hasSize(1);
    assertThat(recap).hasSize(7);
  }

  // 2. Another collectivité's agent

  @Test
  void anotherCollectivitesAgentSeesNothingOfThisUpdateAndTheButtonStartsTheirOwn() {
    assertThat(updates.running(SAINT_MALO)).as("an update of Saint-Malo left running by another test").isEmpty();
    int saintMaloVersion = updates.published(SAINT_MALO).version();
    // Cesson-Sévigné's update runs, started by its agent.
    identity.setAuthentication(AGENT, List.of(Groups.LOCAL_AUTHORITY_STAFF, LOCAL_AUTHORITY_GROUP));
    ProcessInstance cesson;
    try {
      cesson = runtime.startProcessInstanceByKey(PROCESS);
    } finally {
      identity.clearAuthentication();
    }
    Task cessonTask = currentTask(cesson.getId());

    logIn("ytanguy", DEMO_PASSWORD);
    String fullName = identity.createUserQuery().userId("ytanguy").singleResult().getFirstName();
    browser.waitLoggedIntoWebapp(fullName);
    List<String> names = browser.waitUntil(d -> {
      List<String> shown = tasklist.filterNames();
      return shown.isEmpty() ? null : shown;
    });
    assertThat(names).contains("Mes tâches", "Tâches de mes groupes", "Mise à jour de l'Atlas")
        .doesNotContain("Mises à jour de l'Atlas en cours", "Demandes de compte à valider");
    for (String filter : names) {
      openFilter(filter);
      assertThat(browser.driver().findElements(tasklist.taskCardBy(cessonTask))).as(filter).isEmpty();
      assertThat(browser.driver().findElement(By.cssSelector("[cam-tasks]")).getText()).as(filter)
          .doesNotContain("Cesson");
    }
    // Not even by its address.
    browser.script("window.location.hash = arguments[0];", "#/?task=" + cessonTask.getId());
    assertThat(browser.waitVisible(ERROR_NOTIFICATION).getText()).contains("La tâche n’existe plus");
    assertThat(browser.driver().findElements(By.cssSelector(".fjs-container form"))).isEmpty();
    assertThat(browser.driver().findElement(By.cssSelector(".task-details")).getText()).doesNotContain("Cesson");
    tasklist.closeNotifications();

    // His button starts the update of his own collectivité.
    tasklist.clickWhenReady(START_BUTTON);
    ProcessInstance saintMalo = browser.waitUntil(d -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS).variableValueEquals("localAuthorityId", SAINT_MALO).singleResult());
    startedForSaintMalo.add(saintMalo.getId());
    Task first = currentTask(saintMalo.getId());
    assertThat(first.getAssignee()).isEqualTo("ytanguy");
    waitTaskOpen(first, "Étape 1/8 — Présentation et objectifs");
    assertThat(tasklist.fieldValue("Collectivité")).startsWith("Saint-Malo — Commune");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(cesson.getId()).count()).isEqualTo(1);

    // Cancelled as an administrator would: the draft is closed, Saint-Malo may start again.
    runtime.deleteProcessInstance(saintMalo.getId(), "AtlasUpdateBrowserTest: started to see the button work");
    assertThat(updates.running(SAINT_MALO)).isEmpty();
    assertThat(updates.published(SAINT_MALO).version()).isEqualTo(saintMaloVersion);
  }

  // Helpers: logins and the process

  private String url(String path) {
    return "http://localhost:" + port + "/" + path;
  }

  private void logIn(String username, String password) {
    browser.logIntoWebapp(url("camunda/app/tasklist/"), username, password);
  }

  /** The one open step of the update: assigned to whoever did the previous one. */
  private Task currentTask(String processInstanceId) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(task).as("open step of %s", processInstanceId).isNotNull();
    return task;
  }

  /**
   * Clicks « Terminer », waits until the server has completed the step, then opens the next one
   * from the task list, as the agent does (Tasklist shows a list after completing, no task).
   */
  private Task completeAndOpenNext(Task task, String processInstanceId, String nextName) {
    tasklist.complete();
    waitCompleted(task);
    Task next = currentTask(processInstanceId);
    assertThat(next.getId()).isNotEqualTo(task.getId());
    assertThat(next.getName()).isEqualTo(nextName);
    assertThat(next.getAssignee()).isEqualTo(AGENT);
    tasklist.openTask(next);
    waitTaskOpen(next, nextName);
    return next;
  }

  /** As completeAndOpenNext, the next step opened by the link of Tasklist's notification « Les tâches suivantes… ». */
  private Task completeAndFollowNotification(Task task, String processInstanceId, String nextName) {
    tasklist.complete();
    By link = By.xpath("//div[contains(@class,'notifications')]//div[contains(@class,'alert')]"
        + "[contains(., 'Les tâches suivantes du même processus vous sont attribuées')]//a[normalize-space(.)="
        + literal(nextName) + "]");
    browser.waitVisible(link);
    Task next = currentTask(processInstanceId);
    assertThat(next.getId()).isNotEqualTo(task.getId());
    assertThat(next.getName()).isEqualTo(nextName);
    assertThat(next.getAssignee()).isEqualTo(AGENT);
    assertThat(browser.driver().findElement(link).getDomAttribute("href")).endsWith("task=" + next.getId());
    tasklist.clickWhenReady(link);
    waitTaskOpen(next, nextName);
    return next;
  }

  // Helpers: Tasklist (see support/Tasklist), with what this process adds

  private void openFilter(String name) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    tasklist.openFilter(name, filter.getId());
  }

  /** The step shown is this one, and its form holds the server's values (every step shows the collectivité). */
  private void waitTaskOpen(Task task, String name) {
    tasklist.waitTaskShown(task, name);
    browser.waitUntil(d -> {
      List<WebElement> field = d.findElements(fieldBy("Collectivité"));
      return !field.isEmpty() && !field.get(0).getDomProperty("value").isEmpty();
    });
  }

  /** The server completed the step: Tasklist left it, and the engine has it no more. */
  private void waitCompleted(Task task) {
    tasklist.waitLeft(task);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  private void assertStillOpen(Task task) {
    tasklist.assertShown(task);
    assertThat(textOf(browser.driver(), TASK_NAME)).isEqualTo(task.getName());
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }
}
