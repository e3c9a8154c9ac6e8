package fr.gouv.cncd.atlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.support.Browser;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The policies in a real Chromium: the public pages refuse what was injected into them, and the
 * parts of the webapps that the other browser tests do not open (Cockpit's diagram, Admin) work
 * within theirs (Browser checks after every browser test that the policy refused nothing; Tasklist's
 * review form: ReviewInTasklistBrowserTest).
 */
@H2ApplicationTest
class ContentSecurityPolicyBrowserTest {

  @RegisterExtension
  static final Browser browser = new Browser(Duration.ofSeconds(30));

  private static final String DEMO_PASSWORD = "Demo#Atlas-2026";

  @LocalServerPort int port;

  @BeforeEach
  void startLoggedOutWithAnEmptyConsole() {
    browser.open(url("camunda/app/tasklist/"));
    browser.driver().manage().deleteAllCookies();
    browser.contentSecurityPolicyViolations();
  }

  @Test
  void aPublicPageRefusesInjectedInlineScriptAndStyleAndSaysSo() {
    browser.open(url("inscription"));
    browser.script("const s = document.createElement('script'); s.textContent = 'window.injected = true;';"
        + " document.head.appendChild(s);"
        + " document.getElementById('group').setAttribute('style', 'display: none');");
    assertThat(browser.script("return window.injected === true;")).isEqualTo(false);
    assertThat(browser.byId("group").isDisplayed()).isTrue();
    List<String> refused = new ArrayList<>();
    browser.waitUntil(d -> refused.addAll(browser.contentSecurityPolicyViolations()) && refused.size() >= 2);
    assertThat(refused).anySatisfy(refusal -> assertThat(refusal).contains("script-src-elem"))
        .anySatisfy(refusal -> assertThat(refusal).contains("style-src-attr"));
  }

  @Test
  void cockpitDrawsAProcessDiagramWithinItsPolicy() {
    browser.logIntoWebapp(url("camunda/app/cockpit/"), "pilote", DEMO_PASSWORD);
    browser.waitLoggedIntoWebapp("Dominique Bernard");
    browser.waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector(".sections-menu a[href='#/processes']")))
        .click();
    browser.waitUntil(ExpectedConditions.elementToBeClickable(
        By.xpath("//table//tr//a[normalize-space(.)='Demande de compte']"))).click();
    browser.waitVisible(By.cssSelector(".djs-container svg [data-element-id='Task_ReviewAccountRequest']"));

    // Browser checks after each test that the policy refused nothing.
  }

  @Test
  void adminListsUsersAndGroupsWithinItsPolicy() {
    browser.logIntoWebapp(url("camunda/app/admin/"), "admin", DEMO_PASSWORD);
    browser.waitLoggedIntoWebapp("Administrateur");
    browser.open(url("camunda/app/admin/default/#/users"));
    browser.waitText(By.cssSelector("table"), "validateur");
    browser.open(url("camunda/app/admin/default/#/groups"));
    browser.waitText(By.cssSelector("table"), "daect");
  }

  private String url(String path) {
    return "http://localhost:" + port + "/" + path;
  }
}
