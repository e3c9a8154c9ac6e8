package fr.gouv.cncd.atlas.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.support.Browser;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.Mails;
import fr.gouv.cncd.atlas.support.Outbox;
import fr.gouv.cncd.atlas.support.StaffMembers;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * « Mot de passe oublié ? » as a holder lives it, in a real headless Chromium against the whole
 * application (H2, outbox): the links to the page, the request, the mailed link, the new password
 * and the login to Tasklist with it.
 */
@H2ApplicationTest
class ForgottenPasswordBrowserTest {

  @RegisterExtension
  static final Browser browser = new Browser();

  private static final String OLD_PASSWORD = "Ancien#Morlaix-2026";
  private static final String NEW_PASSWORD = "Nouveau#Morlaix-Roscoff7";
  private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 30), 36);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String SENT = "Si un compte correspond à ce que vous avez indiqué, un courriel contenant un lien"
      + " pour choisir un nouveau mot de passe est envoyé dans les prochaines minutes à l'adresse électronique de ce"
      + " compte. Ce lien est valable une heure et ne peut servir qu'une fois.";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  @Test
  void theHomePageAndTheTasklistLoginLeadToTheForgottenPasswordPage() {
    browser.open(url(""));
    WebElement fromHome = browser.waitVisible(By.cssSelector("main a[href='mot-de-passe-oublie']"));
    assertThat(fromHome.getText()).isEqualTo("Mot de passe oublié ?");

    browser.open(url("camunda/app/tasklist/"));
    WebElement fromTasklist = browser.waitVisible(By.cssSelector(".form-signin a.atlas-forgotten-password"));
    assertThat(fromTasklist.getText()).isEqualTo("Mot de passe oublié ?");
    assertThat(fromTasklist.getDomProperty("href")).isEqualTo(url("mot-de-passe-oublie"));
    assertThat(browser.driver().findElements(By.cssSelector(".atlas-forgotten-password"))).as("added once").hasSize(1);
    // Under the login form, after its button.
    assertThat(browser.script("return document.querySelector('form[name=signinForm]').nextElementSibling.className"))
        .isEqualTo("atlas-login-links");

    fromTasklist.click();
    browser.waitUntil(ExpectedConditions.urlToBe(url("mot-de-passe-oublie")));
    assertThat(browser.waitVisible(By.tagName("h1")).getText()).isEqualTo("Mot de passe oublié");
    assertThat(browser.driver().getTitle())
        .isEqualTo("Mot de passe oublié — Atlas français de la coopération décentralisée");
    assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
  }

  @Test
  void aHolderGetsALinkByMailChoosesANewPasswordAndLogsIntoTasklistWithIt() {
    String username = holder();
    String email = emailOf(username);
    browser.open(url("mot-de-passe-oublie"));

    browser.click("submit");
    assertThat(browser.waitVisible("error-summary").getText())
        .contains("Identifiant ou adresse électronique : Indiquez votre identifiant ou votre adresse électronique.");
    assertThat(browser.byId("identifier").getDomAttribute("aria-invalid")).isEqualTo("true");

    browser.type("identifier", email);
    browser.click("submit");

    assertThat(browser.waitVisible("success").getText()).contains("Demande enregistrée").contains(SENT);
    assertThat(browser.driver().findElements(By.id("password-reset-request-form"))).isEmpty();
    assertThat(browser.byId("error-summary").isDisplayed()).isFalse();

    Jobs.runAll(management);
    String instanceId = history.createHistoricProcessInstanceQuery().processDefinitionKey("PasswordReset")
        .variableValueEquals("identifier", email).singleResult().getId();
    List<MimeMessage> mails = Outbox.mails(instanceId + "_ServiceTask_SendPasswordResetLink_" + username);
    assertThat(mails).hasSize(1);
    String token = Outbox.token(mails.get(0));
    assertThat(Mails.text(mails.get(0))).contains("/nouveau-mot-de-passe#jeton=" + token);

    browser.open(url("nouveau-mot-de-passe#jeton=" + token));
    assertThat(browser.waitVisible("password-reset-form").getText())
        .contains("Choisissez le nouveau mot de passe de votre compte.");
    browser.type("password", "Aa1!Aa1!Aa1!");
    browser.type("passwordConfirmation", "Aa1!Aa1!Aa1!");
    browser.click("submit");
    assertThat(browser.waitText("password-messages", "trop facile à deviner"))
        .startsWith("Ce mot de passe est trop facile à deviner : il répète plusieurs fois la même suite de caractères.");

    browser.type("password", NEW_PASSWORD);
    browser.type("passwordConfirmation", NEW_PASSWORD);
    browser.click("submit");
    browser.waitVisible("success");
    assertThat(browser.byId("success-username").getText()).isEqualTo(username);
    assertThat(browser.driver().getCurrentUrl()).doesNotContain(token);

    browser.waitVisible("login").click();
    browser.waitUntil(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    browser.waitUntil(d -> "complete".equals(browser.script("return document.readyState")));
    browser.waitVisible(By.cssSelector(".form-signin a.atlas-forgotten-password"));
    browser.logInHere(username, NEW_PASSWORD);
    browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
    browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("li.account > a.dropdown-toggle"), "Yannick Le Floch"));
  }

  @Test
  void anUnknownIdentifierGetsTheSameAnswerAndNoMail() {
    String unknown = "inconnu" + RUN + SEQUENCE.incrementAndGet();
    browser.open(url("mot-de-passe-oublie"));
    browser.type("identifier", unknown);
    browser.click("submit");

    assertThat(browser.waitVisible("success").getText()).contains(SENT);
    Jobs.runAll(management);
    String instanceId = history.createHistoricProcessInstanceQuery().processDefinitionKey("PasswordReset")
        .variableValueEquals("identifier", unknown).singleResult().getId();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count())
        .isEqualTo(1);
    assertThat(Outbox.mails(instanceId)).isEmpty();
  }

  private String holder() {
    String username = "yfloch" + RUN + SEQUENCE.incrementAndGet();
    StaffMembers.create(identity, username, "Yannick", "Le Floch", emailOf(username), OLD_PASSWORD);
    return username;
  }

  private static String emailOf(String username) {
    return "yannick." + username + "@morlaix.example.fr";
  }

  private String url(String path) {
    return "http://localhost:" + port + "/" + path;
  }
}
