package fr.gouv.cncd.atlas.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the tests of the public pages: Debian's chromium and chromedriver,
 * never a browser or a driver downloaded by Selenium Manager.
 *
 * <p>Register it in a test class as {@code @RegisterExtension static final Browser browser = new Browser();}:
 * it starts once before the class's tests, stops after them, and saves a screenshot and the page
 * source of a failed test to {@code target/screenshots/<class>.<test>.png|.html}. It can also be
 * driven by hand with {@link #start()} and {@link #close()}.
 *
 * <p>Every wait is explicit ({@link WebDriverWait}); never sleep in a browser test.
 */
public final class Browser implements AutoCloseable, BeforeAllCallback, AfterAllCallback, AfterEachCallback, TestWatcher {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final Duration POLLING = Duration.ofMillis(50);
  private static final String INSTALL = "apt-get install -y chromium chromium-driver";
  /**
   * AngularJS's test of whether eval is allowed, in Camunda 7.24.0's deps.js: {@code new Function("")}
   * in a try. Refused, as the webapps' policy wants, it makes AngularJS evaluate its expressions
   * without eval; any other refusal is a defect. Another Camunda version moves it: check again.
   */
  private static final Pattern ANGULARJS_EVAL_PROBE =
      Pattern.compile("refused script-src: eval at https?://[^/]+/camunda/lib/deps\\.js:2:342065 ");

  private final Duration timeout;
  private ChromeDriverService service;
  private ChromeDriver driver;
  private Path profile;

  public Browser() {
    this(Duration.ofSeconds(15));
  }

  public Browser(Duration timeout) {
    this.timeout = timeout;
  }

  /** Starts Chromium; fails (never skips) when Chromium or its driver is not installed. */
  public synchronized Browser start() {
    if (driver != null) {
      return this;
    }
    if (!Files.isExecutable(CHROMIUM)) {
      fail("The browser tests need Chromium at " + CHROMIUM + ". Install it with: " + INSTALL);
    }
    if (!Files.isExecutable(CHROMEDRIVER)) {
      fail("The browser tests need chromedriver at " + CHROMEDRIVER + ". Install it with: " + INSTALL);
    }
    try {
      profile = Files.createTempDirectory("atlas-chromium-");
      Files.createDirectories(Path.of("target"));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create a Chromium profile folder", e);
    }
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogFile(new File("target/chromedriver.log"))
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
        "--lang=fr-FR", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
    // The console, where Chromium reports what a Content-Security-Policy refused.
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      deleteProfile();
      throw new IllegalStateException("Chromium did not start (" + CHROMIUM + ", " + CHROMEDRIVER
          + "). If they are missing or broken: " + INSTALL + ". Cause: " + e.getMessage(), e);
    }
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    // Refusals a script catches (an eval in a try) reach the console only through this event.
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
        "document.addEventListener('securitypolicyviolation', e => console.warn('Content Security Policy refused '"
            + " + e.effectiveDirective + ': ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber + ':'"
            + " + e.columnNumber + ' (' + e.sample + ')'));"));
    return this;
  }

  /** Stops Chromium and its driver and removes the temporary profile. */
  @Override
  public synchronized void close() {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      driver = null;
      if (service != null) {
        service.stop();
        service = null;
      }
      deleteProfile();
    }
  }

  public WebDriver driver() {
    if (driver == null) {
      throw new IllegalStateException("The browser is not started");
    }
    return driver;
  }

  /**
   * Opens an address as a fresh page load. When only the fragment differs from the current
   * address (e.g. the same activation link opened again), the page is left first, otherwise
   * Chromium would only scroll within the page already loaded.
   */
  public void open(String url) {
    String current = driver().getCurrentUrl();
    if (current != null && withoutFragment(current).equals(withoutFragment(url))) {
      driver.get("about:blank");
    }
    driver.get(url);
    waitUntil(d -> "complete".equals(script("return document.readyState")));
  }

  /**
   * Logs into a Camunda webapp with its login form, once the form can work: the page has set its
   * XSRF-TOKEN cookie (a login posted without it is refused as a failed login), and AngularJS's
   * models hold both values. AngularJS may render the login form again while the app starts,
   * dropping what was typed: the values are typed (again) until the models hold them.
   */
  public void logIntoWebapp(String appUrl, String username, String password) {
    open(appUrl);
    logInHere(username, password);
  }

  /** Logs in with the login form of the webapp page open now (see logIntoWebapp). */
  public void logInHere(String username, String password) {
    // Room for every request the app makes (tests look for some), beyond the default 250.
    script("performance.setResourceTimingBufferSize(10000);");
    waitVisible(By.cssSelector("form input[type=password]"));
    waitUntil(d -> d.manage().getCookieNamed("XSRF-TOKEN") != null);
    waitUntil(d -> loginFormHolds(username, password) || typeIntoLoginForm(username, password));
    waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector("form button[type=submit]"))).click();
  }

  private boolean loginFormHolds(String username, String password) {
    return Boolean.TRUE.equals(script(
        "const model = (selector) => { const input = document.querySelector(selector);"
            + "  const controller = input && window.angular && angular.element(input).controller('ngModel');"
            + "  return controller ? controller.$viewValue : null; };"
            + "return model('form input[type=text]') === arguments[0]"
            + "  && model('form input[type=password]') === arguments[1];", username, password));
  }

  /** Types into the login form as it is now; false, so that the wait checks the models again. */
  private boolean typeIntoLoginForm(String username, String password) {
    try {
      for (List<String> field : List.of(List.of("text", username), List.of("password", password))) {
        WebElement input = driver().findElement(By.cssSelector("form input[type=" + field.get(0) + "]"));
        clear(input);
        input.sendKeys(field.get(1));
      }
    } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
      // The form was rendered again while typing: the next round types into the new one.
    }
    return false;
  }

  public WebElement byId(String id) {
    return driver().findElement(By.id(id));
  }

  /** Waits until the condition holds (not null, not false) and returns its value. */
  public <T> T waitUntil(ExpectedCondition<T> condition) {
    WebDriverWait wait = new WebDriverWait(driver(), timeout);
    wait.pollingEvery(POLLING);
    return wait.until(condition);
  }

  public WebElement waitVisible(By locator) {
    return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public WebElement waitVisible(String id) {
    return waitVisible(By.id(id));
  }

  public void waitHidden(String id) {
    waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id(id)));
  }

  /** Waits until the element's visible text contains the given text, and returns that text. */
  public String waitText(By locator, String expected) {
    waitUntil(ExpectedConditions.textToBePresentInElementLocated(locator, expected));
    return driver().findElement(locator).getText();
  }

  public String waitText(String id, String expected) {
    return waitText(By.id(id), expected);
  }

  /** Types into an empty field, as a user would (one key event per character). */
  public void type(String id, CharSequence text) {
    WebElement field = byId(id);
    clear(field);
    field.sendKeys(text);
  }

  /** Empties a field with the keyboard, so that the page receives input events. */
  public void clear(WebElement field) {
    if (!field.getDomProperty("value").isEmpty()) {
      field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    }
  }

  /** Clicks the label of a checkbox or radio: DSFR draws the label over the real input. */
  public void clickLabelFor(String inputId) {
    WebElement label = waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector("label[for='" + inputId + "']")));
    label.click();
  }

  public void click(String id) {
    waitUntil(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  public void selectByValue(String id, String value) {
    new Select(byId(id)).selectByValue(value);
  }

  public String value(String id) {
    return byId(id).getDomProperty("value");
  }

  /** Runs JavaScript in the page (arguments[0]...) and returns its result. */
  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver()).executeScript(script, arguments);
  }

  /** Addresses the page has fetched so far (completed requests only) that contain the given text. */
  @SuppressWarnings("unchecked")
  public List<String> resourcesRequested(String urlPart) {
    List<Object> names = (List<Object>) script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes(arguments[0]));",
        urlPart);
    return names.stream().map(String::valueOf).toList();
  }

  /** Waits until the webapp shows its user logged in: the login form gone, their name in the header. */
  public void waitLoggedIntoWebapp(String fullName) {
    waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
    waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li.account > a.dropdown-toggle"),
        fullName));
  }

  /**
   * What the Content-Security-Policy of the pages refused since the last call (Chromium writes
   * each refusal to the console). Reading the console empties it.
   */
  public List<String> contentSecurityPolicyViolations() {
    return driver().manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
        .filter(message -> !ANGULARJS_EVAL_PROBE.matcher(message).find())
        .toList();
  }

  /** Saves target/screenshots/<name>.png and the page source as <name>.html. */
  public void screenshot(String name) {
    if (driver == null) {
      return;
    }
    try {
      Files.createDirectories(SCREENSHOTS);
      String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
      File png = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(png.toPath(), SCREENSHOTS.resolve(safe + ".png"), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(SCREENSHOTS.resolve(safe + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not save the screenshot " + name + ": " + e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  /**
   * Fails a test whose pages had anything refused by their Content-Security-Policy (the public
   * pages' of SecurityHeaders, the webapps' of application.yaml): every browser test checks that
   * the pages work within their policy.
   */
  @Override
  public void afterEach(ExtensionContext context) {
    if (driver == null || context.getExecutionException().isPresent()) {
      return;
    }
    List<String> refused = contentSecurityPolicyViolations();
    if (!refused.isEmpty()) {
      throw new AssertionError("The pages' Content-Security-Policy refused: " + refused);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    String test = context.getRequiredTestClass().getSimpleName() + "."
        + context.getTestMethod().map(java.lang.reflect.Method::getName).orElse(context.getDisplayName());
    screenshot(test);
  }

  private static String withoutFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  private void deleteProfile() {
    if (profile == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary folder is harmless.
    }
    profile = null;
  }
}
