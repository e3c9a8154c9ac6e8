package fr.gouv.cncd.atlas.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.support.Browser;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.Mails;
import fr.gouv.cncd.atlas.support.Outbox;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a requester really does on the public pages, in a real headless Chromium against the whole
 * application (H2, outbox): home page, /inscription with its type-ahead and the server's answers,
 * /activation with the link of the mail.
 */
@H2ApplicationTest
class AccountPagesBrowserTest {

  @RegisterExtension
  static final Browser browser = new Browser();

  private static final String PROCESS_KEY = "AccountRequest";
  private static final String PASSWORD = "Coop#Bretagne-2026";
  private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 30), 36);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String SITE_TITLE = "Atlas français de la coopération décentralisée";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired AccountRequests requests;
  @Autowired LegacyAccountImport legacyImport;

  @AfterEach
  void logOut() {
    identity.clearAuthentication();
  }


  // 1. Home page

  @Test
  void theHomePageLeadsToTheAccountRequestAndToTheTasklist() {
    browser.open(url(""));

    WebElement create = browser.waitVisible(By.cssSelector("main a[href='inscription']"));
    assertThat(create.getText()).isEqualTo("Créer votre compte");
    assertThat(create.getDomProperty("href")).isEqualTo(url("inscription"));
    WebElement login = browser.driver().findElement(By.cssSelector("main a[href='camunda/app/tasklist/']"));
    assertThat(login.getText()).isEqualTo("Se connecter");
    assertThat(login.getDomProperty("href")).isEqualTo(url("camunda/app/tasklist/"));
    assertThat(browser.driver().findElement(By.id("entry-existing")).getText()).isEqualTo("Vous avez déjà un compte");
    assertThat(browser.driver().findElement(By.cssSelector("main")).getText()).contains("(Tasklist)");
    // The header offers the same two ways (DSFR copies them into the mobile menu too).
    assertThat(browser.driver().findElement(By.cssSelector(".fr-header__tools-links a[href='inscription']")).getText())
        .isEqualTo("Créer votre compte");
    assertThat(browser.driver().findElement(By.cssSelector(".fr-header__tools-links a[href='camunda/app/tasklist/']"))
        .getText()).isEqualTo("Se connecter");

    create.click();
    browser.waitUntil(ExpectedConditions.urlToBe(url("inscription")));
    assertThat(browser.waitVisible(By.tagName("h1")).getText()).isEqualTo("Créer votre compte");

    browser.open(url(""));
    browser.waitVisible(By.cssSelector("main a[href='camunda/app/tasklist/']")).click();
    browser.waitUntil(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    browser.waitUntil(ExpectedConditions.titleContains("Tasklist"));
    // Tasklist's login, in French.
    browser.waitUntil(ExpectedConditions.attributeToBe(By.cssSelector("input[type=password]"), "placeholder",
        "Mot de passe"));
  }

  // 2. Type-ahead over the referential

  @Test
  void theTypeAheadFindsACollectiviteByItsNameAndTheKeyboardChoosesIt() {
    browser.open(url("inscription"));

    WebElement option = search("abergement clem", "L'Abergement-Clémenciat");
    assertThat(option.getText()).startsWith("L'Abergement-Clémenciat — Commune — 01 Ain");
    assertThat(browser.byId("localAuthority").getDomAttribute("aria-expanded")).isEqualTo("true");
    assertThat(browser.byId("localAuthority-status").getText()).contains("trouvée");

    chooseWithKeyboard("L'Abergement-Clémenciat");

    assertThat(browser.value("localAuthority")).startsWith("L'Abergement-Clémenciat — Commune — 01 Ain");
    assertThat(browser.byId("localAuthority").getDomAttribute("aria-expanded")).isEqualTo("false");
    assertThat(browser.byId("localAuthority-status").getText()).isEqualTo("Collectivité sélectionnée.");
    // Enter chose the option: it did not submit the form.
    assertThat(browser.byId("error-summary").isDisplayed()).isFalse();
    assertThat(browser.byId("account-request-form").isDisplayed()).isTrue();
  }

  @Test
  void theTypeAheadFindsRennesByItsPostalCodeAndByItsInseeCode() {
    browser.open(url("inscription"));

    assertThat(search("35000", "Rennes — Commune — 35 Ille-et-Vilaine").getText()).contains("(35000)");

    assertThat(search("35238", "Rennes — Commune — 35 Ille-et-Vilaine").getText()).startsWith("Rennes — ");
    chooseWithKeyboard("Rennes — Commune");
    assertThat(browser.value("localAuthority")).startsWith("Rennes — Commune — 35 Ille-et-Vilaine");
  }

  // 3. Server-side validation

  @Test
  void aTooShortPasswordIsReportedAtTheFirstSubmitAlongWithTheOtherErrors() {
    Requester requester = Requester.next();
    browser.open(url("inscription"));
    fillListed(requester, "35238", "Rennes — Commune");
    browser.clear(browser.byId("function"));
    browser.type("password", "Court#1a");
    browser.type("passwordConfirmation", "Court#1a");

    browser.click("submit");

    String summary = browser.waitVisible("error-summary").getText();
    assertThat(summary).contains("Fonction : Indiquez votre fonction au sein de la collectivité.")
        .contains("Mot de passe : Le mot de passe doit contenir au moins 12 caractères.");
    assertThat(browser.waitText("password-messages", "au moins 12 caractères"))
        .doesNotContain("majuscule").doesNotContain("chiffre");
    assertThat(instancesOf(requester.username)).isZero();
  }

  @Test
  void aWeakPasswordIsRefusedInFrenchWithTheServersWordingAndNothingTypedIsLost() {
    long instancesBefore = instanceCount();
    Requester requester = Requester.next();
    browser.open(url("inscription"));
    fillListed(requester, "35238", "Rennes — Commune");
    browser.type("password", "motdepasse");
    browser.type("passwordConfirmation", "motdepasse");

    browser.click("submit");

    String fieldMessage = browser.waitText("password-messages", "au moins 12 caractères");
    assertThat(fieldMessage).contains("Le mot de passe doit contenir au moins 12 caractères.")
        .contains("au moins une lettre majuscule").contains("au moins un chiffre").contains("caractère spécial");
    String summary = browser.waitVisible("error-summary").getText();
    assertThat(summary).contains("Le formulaire comporte une erreur")
        .contains("Mot de passe : Le mot de passe doit contenir au moins 12 caractères.");
    assertThat(browser.byId("password").getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.driver().findElement(By.cssSelector("[data-field='password']")).getDomAttribute("class"))
        .contains("fr-input-group--error");
    // The summary links to the field.
    browser.driver().findElement(By.cssSelector("#error-summary a[href='#password']")).click();
    browser.waitUntil(d -> "password".equals(d.switchTo().activeElement().getDomAttribute("id")));

    // Every typed value is still there.
    assertThat(browser.value("localAuthority")).startsWith("Rennes — Commune — 35 Ille-et-Vilaine");
    assertThat(browser.byId("civility-MADAME").isSelected()).isTrue();
    assertThat(browser.value("lastName")).isEqualTo(requester.lastName);
    assertThat(browser.value("firstName")).isEqualTo(requester.firstName);
    assertThat(browser.value("function")).isEqualTo(requester.function);
    assertThat(browser.value("email")).isEqualTo(requester.email);
    assertThat(browser.value("phone")).isEqualTo(requester.phone);
    assertThat(browser.value("username")).isEqualTo(requester.username);
    assertThat(browser.value("password")).isEqualTo("motdepasse");
    assertThat(browser.value("passwordConfirmation")).isEqualTo("motdepasse");
    assertThat(browser.byId("success").isDisplayed()).isFalse();

    // Nothing is recorded.
    assertThat(instanceCount()).isEqualTo(instancesBefore);
    assertThat(instancesOf(requester.username)).isZero();
  }

  // 4. A correct request

  @Test
  void aCorrectRequestIsRecordedAndAcknowledgedByMail() {
    Requester requester = Requester.next();
    browser.open(url("inscription"));
    fillListed(requester, "35238", "Rennes — Commune");
    browser.type("password", PASSWORD);
    browser.type("passwordConfirmation", PASSWORD);

    browser.click("submit");

    WebElement success = browser.waitVisible("success");
    assertThat(success.getText()).contains("Demande enregistrée").contains("Votre demande a été enregistrée");
    assertThat(browser.driver().findElements(By.id("account-request-form"))).isEmpty();
    assertThat(browser.driver().findElements(By.id("password"))).isEmpty();

    ProcessInstance instance = instanceOf(requester.username);
    AccountRequest request = requests.get((String) runtime.getVariable(instance.getId(), "accountRequestId"));
    assertThat(request.getUsername()).isEqualTo(requester.username);
    assertThat(request.getEmail()).isEqualTo(requester.email);
    assertThat(request.getLocalAuthorityId()).isEqualTo("commune-35238");
    assertThat(request.getStatus()).isEqualTo(AccountRequestStatus.PENDING_REVIEW);
    assertThat(runtime.getVariable(instance.getId(), "unlisted")).isEqualTo(false);

    Jobs.runAll(management);
    List<MimeMessage> acknowledgements = Outbox.mails(instance.getId() + "_ServiceTask_SendAcknowledgement");
    assertThat(acknowledgements).hasSize(1);
    assertThat(recipients(acknowledgements.get(0))).anySatisfy(to -> assertThat(to).contains(requester.email));
    assertThat(Mails.text(acknowledgements.get(0))).doesNotContain(PASSWORD);
  }

  // 5. Collectivité not in the referential

  @Test
  void aRequesterWhoseCollectiviteIsNotListedDescribesItAndTheRequestIsRecorded() {
    Requester requester = Requester.next();
    browser.open(url("inscription"));
    assertThat(browser.byId("unlisted-fields").isDisplayed()).isFalse();

    browser.clickLabelFor("unlisted");
    browser.waitVisible("unlistedName");
    browser.waitHidden("localAuthority");
    browser.type("unlistedName", "Syndicat mixte de coopération Bretagne-Sénégal");
    browser.selectByValue("unlistedType", "EPCI");
    browser.type("unlistedDepartment", "35");
    fillPerson(requester);
    browser.type("password", PASSWORD);
    browser.type("passwordConfirmation", PASSWORD);

    browser.click("submit");

    browser.waitVisible("success");
    ProcessInstance instance = instanceOf(requester.username);
    assertThat(runtime.getVariable(instance.getId(), "unlisted")).isEqualTo(true);
    assertThat(String.valueOf(runtime.getVariable(instance.getId(), "unlistedLocalAuthorityLabel")))
        .startsWith("Syndicat mixte de coopération Bretagne-Sénégal — ");
    AccountRequest request = requests.get((String) runtime.getVariable(instance.getId(), "accountRequestId"));
    assertThat(request.isUnlisted()).isTrue();
    assertThat(request.getLocalAuthorityId()).isNull();
    assertThat(request.getUnlistedDepartmentCode()).isEqualTo("35");
  }

  // 6. Identifiant already taken

  @Test
  void anIdentifiantAlreadyTakenIsRefusedOnTheIdentifiantField() {
    long instancesBefore = instanceCount();
    Requester requester = Requester.next().withUsername("mdupont");
    browser.open(url("inscription"));
    fillListed(requester, "35238", "Rennes — Commune");
    browser.type("password", PASSWORD);
    browser.type("passwordConfirmation", PASSWORD);

    browser.click("submit");

    String message = browser.waitText("username-messages", "déjà utilisé");
    assertThat(message).isEqualTo("L'identifiant « mdupont » est déjà utilisé : choisissez-en un autre.");
    assertThat(browser.waitVisible("error-summary").getText())
        .contains("Identifiant : L'identifiant « mdupont » est déjà utilisé");
    assertThat(browser.byId("username").getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.value("username")).isEqualTo("mdupont");
    assertThat(browser.value("password")).isEqualTo(PASSWORD);
    assertThat(instanceCount()).isEqualTo(instancesBefore);
  }

  // 7. Activation

  @Test
  void theActivationLinkActivatesTheAccountOnlyOnClickAndOnlyOnce() {
    Requester requester = Requester.next();
    AccountRequest request = requests.submit(requester.command("commune-35238"));
    ProcessInstance instance = runtime.createProcessInstanceQuery().variableValueEquals("accountRequestId", request.getId())
        .singleResult();
    Jobs.runAll(management);
    reviewAsDaect(instance, Map.of("decision", "APPROVE"));
    Jobs.runAll(management);
    List<MimeMessage> links = Outbox.mails(instance.getId() + "_ServiceTask_SendActivationLink");
    assertThat(links).hasSize(1);
    String token = Outbox.token(links.get(0));
    assertThat(Mails.text(links.get(0))).contains("/activation#jeton=" + token);
    String link = url("activation#jeton=" + token);

    browser.open(link);

    // Opening the link (as a mail scanner would) activates nothing.
    WebElement activate = browser.waitVisible("activate");
    assertThat(activate.getText()).isEqualTo("Activer mon compte");
    assertThat(browser.resourcesRequested("api/account-activations")).isEmpty();
    assertThat(requests.get(request.getId()).getStatus()).isEqualTo(AccountRequestStatus.APPROVED);
    assertThat(identity.createUserQuery().userId(requester.username).count()).isZero();

    activate.click();

    WebElement success = browser.waitVisible("success");
    assertThat(success.getText()).contains("Compte activé").contains("Votre compte " + requester.username + " est activé");
    assertThat(browser.byId("success-username").getText()).isEqualTo(requester.username);
    assertThat(browser.waitVisible("login").getDomProperty("href")).isEqualTo(url("camunda/app/tasklist/"));
    assertThat(browser.byId("activation-intro").isDisplayed()).isFalse();
    assertThat(requests.get(request.getId()).getStatus()).isEqualTo(AccountRequestStatus.ACTIVATED);
    assertThat(identity.createUserQuery().userId(requester.username).count()).isEqualTo(1);
    assertThat(identity.checkPassword(requester.username, PASSWORD)).isTrue();
    assertThat(browser.driver().getCurrentUrl()).as("the used token leaves the address bar").doesNotContain(token);

    browser.open(link);
    browser.waitVisible("activate").click();

    // Used again: the account is active, which the page says, offering to log in (not a new request).
    WebElement active = browser.waitVisible("already-active");
    assertThat(browser.byId("already-active-detail").getText())
        .isEqualTo("Ce lien d'activation a déjà été utilisé : votre compte « " + requester.username
            + " » est actif. Connectez-vous à la téléprocédure.");
    assertThat(active.getText()).contains("Votre compte est déjà actif").contains("Se connecter")
        .doesNotContain("nouvelle demande");
    assertThat(browser.byId("already-active-login").getDomProperty("href")).isEqualTo(url("camunda/app/tasklist/"));
    assertThat(browser.byId("activation-error").isDisplayed()).isFalse();
    assertThat(browser.byId("success").isDisplayed()).isFalse();
  }

  // 8. French everywhere

  @Test
  void everythingTheRequesterReadsIsInFrench() {
    Map<String, String> pages = Map.of(
        "", "Accueil — " + SITE_TITLE,
        "inscription", "Créer votre compte — " + SITE_TITLE,
        "activation#jeton=abc", "Activer votre compte — " + SITE_TITLE);
    pages.forEach((path, title) -> {
      browser.open(url(path));
      assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).as(path).isEqualTo("fr");
      assertThat(browser.driver().getTitle()).as(path).isEqualTo(title);
      assertThat(browser.driver().findElement(By.cssSelector(".fr-skiplinks a")).getDomProperty("textContent"))
          .as(path).isEqualTo("Contenu");
    });

    // The form's own checks, before anything is sent.
    browser.open(url("inscription"));
    browser.click("submit");
    String summary = browser.waitVisible("error-summary").getText();
    assertThat(summary).contains("Le formulaire comporte")
        .contains("Collectivité territoriale : Recherchez et choisissez votre collectivité territoriale.")
        .contains("Civilité : Indiquez votre civilité.")
        .contains("Confirmation du mot de passe : Confirmez votre mot de passe.");
    assertThat(browser.byId("submit").getText()).isEqualTo("Créer");
    // An address with a one-letter top-level domain (a slip for « .fr »): the page says what the server would.
    browser.type("email", "anne@saint-brieuc.f");
    browser.click("submit");
    assertThat(browser.waitText("email-messages", "adresse électronique valide"))
        .isEqualTo(fr.gouv.cncd.atlas.security.EmailAddresses.INVALID);
    browser.type("localAuthority", "zzzzqx");
    browser.waitText("localAuthority-status", "Aucune collectivité ne correspond à");
    browser.type("localAuthority", "r");
    browser.waitText("localAuthority-status", "Saisissez au moins 2");

    // The activation page without its token, and with a token that does not exist.
    browser.open(url("activation"));
    assertThat(browser.waitVisible("activation-error-detail").getText()).startsWith("Le lien d'activation est incomplet.");
    browser.open(url("activation#jeton=inconnu"));
    browser.waitVisible("activate").click();
    assertThat(browser.waitText("activation-error-detail", "n'est pas valide"))
        .startsWith("Ce lien d'activation n'est pas valide.");
  }

  // Helpers

  @Test
  void theHolderOfAMigratedAccountChoosesANewPasswordThroughTheMailedLink() {
    String username = "migre" + RUN + SEQUENCE.incrementAndGet();
    String csv = "identifiant;courriel;collectivite;date_creation\n" + username + ";" + username
        + "@example.org;commune-35238;2019-05-02\n";
    assertThat(legacyImport.importCsv(new java.io.StringReader(csv)).migrated()).isEqualTo(1);
    Jobs.runAll(management);
    String instanceId = history.createHistoricProcessInstanceQuery().processDefinitionKey("LegacyAccountMigration")
        .processInstanceBusinessKey(username).singleResult().getId();
    String token = Outbox.token(Outbox.mails(instanceId + "_ServiceTask_SendPasswordLink").get(0));

    browser.open(url("nouveau-mot-de-passe#jeton=" + token));
    browser.type("password", "motdepasse");
    browser.type("passwordConfirmation", "motdepasse");
    browser.click("submit");
    assertThat(browser.waitVisible("error-summary").getText()).contains("12 caractères");
    assertThat(browser.value("password")).isEqualTo("motdepasse");

    browser.clear(browser.byId("password"));
    browser.clear(browser.byId("passwordConfirmation"));
    browser.type("password", "Nouveau#Depart-2026");
    browser.type("passwordConfirmation", "Nouveau#Depart-2026");
    browser.click("submit");

    browser.waitVisible("success");
    assertThat(browser.byId("success-username").getText()).isEqualTo(username);
    assertThat(identity.checkPassword(username, "Nouveau#Depart-2026")).isTrue();
    assertThat(browser.driver().getCurrentUrl()).doesNotContain(token);
  }

  private String url(String path) {
    return "http://localhost:" + port + "/" + path;
  }

  /**
   * Types in the type-ahead and waits for the answer to exactly that text (not to a shorter text
   * searched while typing), then for the option starting with optionText.
   */
  private WebElement search(String typed, String optionText) {
    browser.type("localAuthority", typed);
    browser.waitUntil(d -> Boolean.TRUE.equals(browser.script(
        "const searches = performance.getEntriesByType('resource')"
            + "  .filter(e => e.name.includes('/api/local-authorities?'));"
            + "const last = searches[searches.length - 1];"
            + "return !!last && new URL(last.name).searchParams.get('q') === arguments[0]"
            + "  && document.getElementById('localAuthority-status').textContent !== 'Recherche en cours…';",
        typed)));
    By option = By.xpath("//ul[@id='localAuthority-listbox']/li[@role='option'][starts-with(normalize-space(.), "
        + xpathLiteral(optionText) + ")]");
    browser.waitVisible(By.id("localAuthority-listbox"));
    return browser.waitVisible(option);
  }

  /** ArrowDown until the highlighted option is the one wanted, then Enter: the field shows the choice. */
  private void chooseWithKeyboard(String text) {
    WebElement input = browser.byId("localAuthority");
    int options = browser.driver().findElements(By.cssSelector("#localAuthority-listbox [role=option]")).size();
    for (int pressed = 0; pressed < options; pressed++) {
      int before = pressed;
      input.sendKeys(Keys.ARROW_DOWN);
      String active = browser.waitUntil(d -> {
        String id = input.getDomAttribute("aria-activedescendant");
        return id != null && id.endsWith("-option-" + before) ? id : null;
      });
      WebElement highlighted = browser.byId(active);
      assertThat(highlighted.getDomAttribute("aria-selected")).isEqualTo("true");
      if (highlighted.getText().startsWith(text)) {
        input.sendKeys(Keys.ENTER);
        browser.waitUntil(d -> browser.value("localAuthority").startsWith(text)
            && !browser.byId("localAuthority-listbox").isDisplayed());
        return;
      }
    }
    throw new AssertionError("No option starting with « " + text + " » in the list");
  }

  private void fillListed(Requester requester, String typed, String option) {
    search(typed, option);
    chooseWithKeyboard(option);
    fillPerson(requester);
  }

  private void fillPerson(Requester requester) {
    browser.clickLabelFor(requester.civility.equals("MADAME") ? "civility-MADAME" : "civility-MONSIEUR");
    browser.type("lastName", requester.lastName);
    browser.type("firstName", requester.firstName);
    browser.type("function", requester.function);
    browser.type("email", requester.email);
    browser.type("phone", requester.phone);
    browser.type("username", requester.username);
  }

  private long instanceCount() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
  }

  private long instancesOf(String username) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .variableValueEquals("requestedUsername", username).count();
  }

  private ProcessInstance instanceOf(String username) {
    List<ProcessInstance> found = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .variableValueEquals("requestedUsername", username).list();
    assertThat(found).as("process instances of %s", username).hasSize(1);
    return found.get(0);
  }

  private void reviewAsDaect(ProcessInstance instance, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    identity.setAuthentication("validateur", List.of("daect"));
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static List<String> recipients(MimeMessage message) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String xpathLiteral(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  /** A requester with an identifiant and an address of their own. */
  private record Requester(String civility, String lastName, String firstName, String function, String email,
      String phone, String username) {

    static Requester next() {
      String n = RUN + SEQUENCE.incrementAndGet();
      return new Requester("MADAME", "Le Bihan", "Anne", "Chargée de mission coopération",
          "anne.lebihan." + n + "@example.org", "02 99 00 00 00", "nav" + n);
    }

    Requester withUsername(String other) {
      return new Requester(civility, lastName, firstName, function, email, phone, other);
    }

    AccountRequestCommand command(String localAuthorityId) {
      return new AccountRequestCommand(localAuthorityId, null, civility, lastName, firstName, function, email, phone,
          username, PASSWORD);
    }
  }
}
