package fr.gouv.cncd.atlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.support.Browser;
import fr.gouv.cncd.atlas.support.FrenchScreens;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The four webapps wear the teleprocedure's identity (webapps/atlas-webapps.js and .css): their
 * login pages read in French, link back to the home page and to the forgotten password page, and
 * pass axe-core, as the public pages do; once logged in, dates are French and in Paris time,
 * whatever the computer's time zone (this Chromium runs in UTC).
 */
@H2ApplicationTest
class WebappsIdentityBrowserTest {

  @RegisterExtension
  static final Browser browser = new Browser(Duration.ofSeconds(30));

  @LocalServerPort int port;

  @BeforeEach
  void loggedOut() {
    browser.open(url("camunda/app/welcome/"));
    browser.driver().manage().deleteAllCookies();
  }

  @ParameterizedTest
  @CsvSource({
      "tasklist, Espace des collectivités et de la DAECT (Tasklist)",
      "cockpit, Suivi des procédures (Cockpit)",
      "admin, Administration (Admin)",
      "welcome, Accueil des applications"})
  void eachLoginPageIsTheTeleprocedureInFrenchAndAccessible(String app, String title) {
    browser.open(url("camunda/app/" + app + "/"));
    browser.waitVisible(By.cssSelector(".form-signin .atlas-login-brand"));
    assertThat(browser.waitVisible(By.cssSelector(".atlas-login-title")).getText())
        .isEqualTo("Atlas français de la coopération décentralisée");
    assertThat(browser.driver().findElement(By.cssSelector(".atlas-login-app")).getText()).isEqualTo(title);
    assertThat(browser.driver().findElement(By.cssSelector(".login-logo")).isDisplayed()).as("Camunda's logo").isFalse();

    WebElement forgotten = browser.waitVisible(By.cssSelector(".atlas-login-links a.atlas-forgotten-password"));
    assertThat(forgotten.getText()).isEqualTo("Mot de passe oublié ?");
    assertThat(forgotten.getDomProperty("href")).isEqualTo(url("mot-de-passe-oublie"));
    WebElement home = browser.driver().findElement(By.cssSelector(".atlas-login-links a.atlas-home"));
    assertThat(home.getText()).isEqualTo("Retour à l'accueil de l'Atlas");
    assertThat(home.getDomProperty("href")).isEqualTo(url(""));
    WebElement statement = browser.waitVisible(By.cssSelector(".atlas-footer a"));
    assertThat(statement.getDomProperty("href")).isEqualTo(url("accessibilite"));
    assertThat(browser.driver().findElements(By.cssSelector(".atlas-login-brand"))).as("added once").hasSize(1);

    assertThat(FrenchScreens.englishOnScreen(browser)).as("English on the login page of " + app).isEmpty();
    assertThat(FrenchScreens.accessibilityViolations(browser)).as("axe-core on the login page of " + app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "inscription", "activation", "mot-de-passe-oublie", "verification", "accessibilite"})
  void eachPublicPageIsInFrenchAndAccessible(String page) {
    browser.open(url(page));
    browser.waitVisible(By.cssSelector("main h1"));
    assertThat(FrenchScreens.englishOnScreen(browser)).as("English on /" + page).isEmpty();
    assertThat(FrenchScreens.accessibilityViolations(browser)).as("axe-core on /" + page).isEmpty();
  }

  @Test
  void theAccessibilityStatementIsLinkedFromThePublicFooter() {
    browser.open(url(""));
    browser.waitVisible(By.cssSelector("footer a[href='accessibilite']")).click();
    assertThat(browser.waitVisible(By.cssSelector("main h1")).getText()).isEqualTo("Déclaration d'accessibilité");
    assertThat(browser.driver().findElement(By.tagName("main")).getText())
        .contains("non conforme", "RGAA", "Défenseur des droits");
  }

  @Test
  void loggedInDatesAreFrenchAndInParisTime() {
    browser.logIntoWebapp(url("camunda/app/tasklist/"), "validateur", "Demo#Atlas-2026");
    browser.waitLoggedIntoWebapp("Camille Martin");
    browser.waitUntil(driver -> Boolean.TRUE.equals(browser.script(
        "const i = angular.element(document.body).injector(); return !!i && i.get('moment').locale() === 'fr';")));

    // 1 July 2026 10:00 UTC is noon in Paris (summer time); 1 January, 11:00 (winter time).
    assertThat(browser.script("return angular.element(document.body).injector().get('moment')"
        + "('2026-07-01T10:00:00Z').format('LLL');")).isEqualTo("1er juillet 2026 à 12:00");
    assertThat(browser.script("return angular.element(document.body).injector().get('moment')"
        + "('2026-01-01T10:00:00Z').format('LLLL');")).isEqualTo("jeudi 1er janvier 2026 à 11:00");
    assertThat(browser.script("const m = angular.element(document.body).injector().get('moment');"
        + " return m().subtract(10, 'seconds').fromNow();")).isEqualTo("il y a quelques secondes");
    // The English locale file, loaded late as the fallback, gives moment its dates: French stays.
    assertThat(browser.script("const m = angular.element(document.body).injector().get('moment');"
        + " m.updateLocale('en', { relativeTime: { past: '%s ago', s: 'a few seconds' } });"
        + " return m.locale() + ' | ' + m().subtract(10, 'seconds').fromNow();"))
        .isEqualTo("fr | il y a quelques secondes");
    // The date picker's names (AngularJS's $locale), weeks from Monday.
    assertThat(browser.script("const f = angular.element(document.body).injector().get('$locale').DATETIME_FORMATS;"
        + " return f.SHORTDAY.join(' ') + ' | ' + f.MONTH[11] + ' | ' + f.FIRSTDAYOFWEEK;"))
        .isEqualTo("dim. lun. mar. mer. jeu. ven. sam. | décembre | 0");
    assertThat(browser.script("return angular.element(document.body).injector().get('dateFilter')"
        + "(new Date(Date.UTC(2026, 11, 3, 12)), 'EEEE d MMMM y', 'UTC');")).isEqualTo("jeudi 3 décembre 2026");
    assertThat(FrenchScreens.englishOnScreen(browser)).as("English in Tasklist").isEmpty();

    // A list of the engine's variable types, as the stock dialogs draw one: French names, same values.
    browser.script("const select = document.createElement('select'); select.id = 'atlas-types';"
        + " for (const type of ['Boolean', 'Double', 'Long', 'Short', 'String']) {"
        + "   select.append(new Option(type, type)); }"
        + " document.body.append(select);");
    browser.waitUntil(d -> "Booléen|Nombre décimal|Entier long|Entier court|Texte".equals(browser.script(
        "return [...document.getElementById('atlas-types').options].map(o => o.text).join('|');")));
    assertThat(browser.script("return [...document.getElementById('atlas-types').options].map(o => o.value).join('|');"))
        .isEqualTo("Boolean|Double|Long|Short|String");
  }

  @Test
  void theProfilePageLinksToTheTeleprocedureNotToCamundasEnglishDocumentation() {
    browser.logIntoWebapp(url("camunda/app/welcome/"), "admin", "Demo#Atlas-2026");
    WebElement home = browser.waitVisible(By.xpath("//a[normalize-space(.)=\"Accueil de l'Atlas\"]"));
    assertThat(home.getDomProperty("href")).isEqualTo(url(""));
    assertThat(browser.waitVisible(By.xpath("//a[normalize-space(.)='Accessibilité']")).getDomProperty("href"))
        .isEqualTo(url("accessibilite"));
    assertThat(browser.driver().findElements(By.cssSelector("a[href*='docs.camunda.org']"))).isEmpty();
    assertThat(FrenchScreens.englishOnScreen(browser)).as("English in Welcome").isEmpty();
  }

  private String url(String path) {
    return "http://localhost:" + port + "/" + path;
  }
}
