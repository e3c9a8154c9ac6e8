package fr.gouv.cncd.atlas.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Tasklist (7.24, French) and the Camunda Forms (form-js 1.8) of its tasks, driven in a
 * {@link Browser} as a user does: filters, the task list, a task's form, « Terminer », the
 * notifications. Tasklist redraws its list and form by itself, so every lookup tolerates elements
 * that went stale, and every wait is for a condition.
 */
public final class Tasklist {

  public static final By COMPLETE =
      By.xpath("//div[contains(@class,'form-actions')]/button[normalize-space(.)='Terminer']");
  public static final By TASK_NAME = By.cssSelector(".task-details h2.task");
  public static final By ERROR_NOTIFICATION = By.cssSelector(".notifications .alert-danger");
  /** What form-js shows in place of an empty table (in French, by atlas/camunda-forms-fr.js). */
  public static final String EMPTY_TABLE = "Aucun élément à afficher.";

  private final Browser browser;

  public Tasklist(Browser browser) {
    this.browser = browser;
  }

  // Filters and the task list

  public By filterBy(String name) {
    return By.xpath("//div[contains(@class,'task-filter')]//h4//a[starts-with(normalize-space(.), " + literal(name)
        + ")]");
  }

  /** The filters shown, by name (without their count). */
  public List<String> filterNames() {
    return browser.driver().findElements(By.cssSelector(".task-filter h4 a")).stream()
        .map(WebElement::getText).map(name -> name.replaceAll("\\s*\\(?\\d+\\)?$", "").strip()).toList();
  }

  /**
   * Opens a filter and waits for its own list: Tasklist empties the list while loading it (and
   * refreshes it by itself), so the list shown is that filter's once its request has answered.
   */
  public void openFilter(String name, String filterId) {
    clickWhenReady(filterBy(name));
    browser.waitUntil(ExpectedConditions.attributeContains(By.xpath(
        "//div[contains(@class,'task-filter')][.//h4//a[starts-with(normalize-space(.), " + literal(name) + ")]]"),
        "class", "active"));
    browser.waitUntil(d -> !browser.resourcesRequested("/filter/" + filterId + "/list").isEmpty());
    browser.waitUntil(Tasklist::listShown);
  }

  /** The task list is loaded (with tasks or with « Aucune tâche… »), not loading. */
  public static boolean listShown(WebDriver driver) {
    return !driver.findElements(By.cssSelector("[cam-tasks] .well, ol.tasks-list li.task")).isEmpty();
  }

  /** A task's card in the list: its link carries the task's id. */
  public By taskCardBy(Task task) {
    return By.cssSelector("ol.tasks-list li.task h4 a[href*='task=" + task.getId() + "']");
  }

  /** The name a task's card shows, once it is in the list. */
  public String cardName(Task task) {
    return browser.waitUntil(d -> textOf(d, taskCardBy(task)));
  }

  /** Opens a task from the list shown, and waits for its form. */
  public void openTask(Task task) {
    clickWhenReady(taskCardBy(task));
    browser.waitUntil(ExpectedConditions.urlContains("task=" + task.getId()));
    browser.waitVisible(By.cssSelector(".fjs-container form"));
  }

  /** The task shown is this one, with this name, and its form is there. */
  public void waitTaskShown(Task task, String name) {
    browser.waitUntil(ExpectedConditions.urlContains("task=" + task.getId()));
    browser.waitUntil(d -> name.equals(textOf(d, TASK_NAME)));
    browser.waitVisible(By.cssSelector(".fjs-container form"));
    browser.waitUntil(d -> d.findElement(COMPLETE).isDisplayed());
  }

  /**
   * The server completed the task: Tasklist leaves it only then (its id leaves the address), and
   * the reloaded list no longer shows it.
   */
  public void waitLeft(Task task) {
    browser.waitUntil(d -> !d.getCurrentUrl().contains("task=" + task.getId()));
    browser.waitUntil(d -> listShown(d) && d.findElements(taskCardBy(task)).isEmpty());
  }

  /** The task is still the one shown (after a refusal). */
  public void assertShown(Task task) {
    assertThat(browser.driver().getCurrentUrl()).contains("task=" + task.getId());
    browser.waitUntil(d -> textOf(d, TASK_NAME) != null);
  }

  // The task's buttons and Tasklist's notifications

  public void claim() {
    By claim = By.xpath("//*[self::button or self::a][normalize-space(.)='Prendre en charge']");
    clickWhenReady(claim);
    browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(claim));
  }

  /** Clicks « Terminer », once no notification covers it. */
  public void complete() {
    browser.waitUntil(d -> {
      closeNotifications();
      WebElement button = d.findElement(COMPLETE);
      if (!button.isDisplayed() || !button.isEnabled()) {
        return false;
      }
      scrollIntoView(button);
      try {
        button.click();
        return true;
      } catch (ElementClickInterceptedException | StaleElementReferenceException e) {
        return false;
      }
    });
  }

  /** Closes Tasklist's notifications, as a user does: error notifications stay until closed. */
  public void closeNotifications() {
    By close = By.cssSelector(".notifications .alert button.close.ng-scope");
    for (WebElement button : browser.driver().findElements(close)) {
      try {
        if (button.isDisplayed()) {
          button.click();
        }
      } catch (StaleElementReferenceException | ElementClickInterceptedException e) {
        // Gone already, or hidden behind the newest one (closed in the next round).
      }
    }
    browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".notifications .alert")));
  }

  // The Camunda form of the task

  /** The input of a field, by its label's own text (a required field's asterisk is a child element). */
  public static By fieldBy(String label) {
    return By.xpath("//*[@id=(//div[contains(@class,'fjs-container')]//label[contains(@class,'fjs-form-field-label')]"
        + "[normalize-space(text())=" + literal(label) + "]/@for)]");
  }

  /** The error form-js shows under a field. */
  public static By fieldErrorBy(String label) {
    return By.xpath("//div[contains(@class,'fjs-form-field')][label[normalize-space(text())=" + literal(label)
        + "]]//div[contains(@class,'fjs-form-field-error')]");
  }

  /** A radio, checkbox or checklist option: its label holds its input. */
  public static By optionBy(String label) {
    return By.xpath("//div[contains(@class,'fjs-container')]//label[input][normalize-space(.)=" + literal(label) + "]");
  }

  public static By dropdownEntry(String entry) {
    return By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=" + literal(entry) + "]");
  }

  public String fieldValue(String label) {
    return browser.waitUntil(ExpectedConditions.presenceOfElementLocated(fieldBy(label))).getDomProperty("value");
  }

  public String formText() {
    return browser.driver().findElement(By.cssSelector(".fjs-container form")).getText();
  }

  public boolean optionSelected(String label) {
    return browser.waitVisible(optionBy(label)).findElement(By.tagName("input")).isSelected();
  }

  public void chooseOption(String label) {
    WebElement option = browser.waitVisible(optionBy(label));
    scrollIntoView(option);
    browser.waitUntil(ExpectedConditions.elementToBeClickable(option)).click();
    browser.waitUntil(d -> d.findElement(optionBy(label)).findElement(By.tagName("input")).isSelected());
  }

  public void typeInto(By field, String text) {
    WebElement element = browser.waitVisible(field);
    scrollIntoView(element);
    browser.clear(element);
    element.sendKeys(text);
    browser.waitUntil(d -> text.equals(d.findElement(field).getDomProperty("value")));
  }

  public void clearField(By field) {
    WebElement element = browser.waitVisible(field);
    scrollIntoView(element);
    browser.clear(element);
    browser.waitUntil(d -> d.findElement(field).getDomProperty("value").isEmpty());
  }

  /** A searchable select: type a few letters into it, pick the entry in its dropdown. */
  public void pickSearchable(String label, String typed, String entry) {
    WebElement search = browser.waitVisible(fieldBy(label));
    scrollIntoView(search);
    search.click();
    browser.clear(search);
    search.sendKeys(typed);
    clickWhenReady(dropdownEntry(entry));
    browser.waitUntil(d -> entry.equals(d.findElement(fieldBy(label)).getDomProperty("value")));
  }

  /**
   * The entries a searchable select offers for what is typed into it (the dropdown left open),
   * once it has filtered them: every entry holds the text typed, or none is left.
   */
  public List<String> searchableEntries(String label, String typed) {
    WebElement search = browser.waitVisible(fieldBy(label));
    scrollIntoView(search);
    search.click();
    browser.clear(search);
    search.sendKeys(typed);
    return browser.waitUntil(d -> {
      try {
        List<String> entries = d.findElements(By.cssSelector(".fjs-dropdownlist .fjs-dropdownlist-item")).stream()
            .map(WebElement::getText).map(String::strip).toList();
        boolean filtered = entries.isEmpty()
            ? !d.findElements(By.cssSelector(".fjs-dropdownlist .fjs-dropdownlist-empty")).isEmpty()
            : entries.stream().allMatch(entry -> entry.toLowerCase(Locale.ROOT).contains(typed.toLowerCase(Locale.ROOT)));
        return filtered ? entries : null;
      } catch (StaleElementReferenceException e) {
        return null;
      }
    });
  }

  /** A select without search: open its dropdown with the mouse, pick the entry. */
  public void pickSimple(String label, String entry) {
    By group = By.xpath("//*[@id=(//div[contains(@class,'fjs-container')]//label[contains(@class,'fjs-form-field-label')]"
        + "[normalize-space(text())=" + literal(label) + "]/@for)]/parent::div[contains(@class,'fjs-input-group')]");
    clickWhenReady(group);
    clickWhenReady(dropdownEntry(entry));
    browser.waitUntil(d -> entry.equals(d.findElement(By.xpath("(" + xpathOf(group)
        + ")//div[contains(@class,'fjs-select-display')]")).getText().strip()));
  }

  /** A taglist: type into its input, pick the entry; the tag shows above. */
  public void pickTag(String label, String typed, String entry) {
    WebElement input = browser.waitVisible(fieldBy(label));
    scrollIntoView(input);
    input.click();
    input.sendKeys(typed);
    clickWhenReady(dropdownEntry(entry));
    browser.waitUntil(d -> !d.findElements(By.xpath("//div[contains(@class,'fjs-taglist-tag')][normalize-space(.)="
        + literal(entry) + "]")).isEmpty());
    // Escape closes its dropdown, which would cover the fields below (Tab would open the next taglist's).
    browser.driver().findElement(fieldBy(label)).sendKeys(Keys.ESCAPE);
    browser.waitUntil(d -> d.findElements(By.cssSelector(".fjs-dropdownlist")).stream().noneMatch(WebElement::isDisplayed));
  }

  /**
   * A date field: typed in the French format (jj/mm/aaaa), which the application gives every date
   * field whatever the browser's own date format; taken on leaving the field.
   */
  public void typeDate(String label, String date) {
    WebElement input = browser.waitVisible(fieldBy(label));
    browser.waitUntil(d -> "jj/mm/aaaa".equals(d.findElement(fieldBy(label)).getDomAttribute("placeholder")));
    scrollIntoView(input);
    input.click();
    browser.clear(input);
    input.sendKeys(date);
    input.sendKeys(Keys.TAB);
    browser.waitUntil(d -> date.equals(d.findElement(fieldBy(label)).getDomProperty("value")));
  }

  /**
   * The calendar of a date field, opened by a click into it as a user does: the month it shows,
   * then its days of the week in order; closed again with Escape.
   */
  @SuppressWarnings("unchecked")
  public List<String> calendar(String label) {
    WebElement input = browser.waitVisible(fieldBy(label));
    scrollIntoView(input);
    input.click();
    List<String> shown = browser.waitUntil(d -> (List<String>) browser.script(
        "const calendar = document.querySelector('.flatpickr-calendar.open');"
            + "if (!calendar) return null;"
            + "const month = calendar.querySelector('.flatpickr-monthDropdown-months').selectedOptions[0].textContent;"
            + "return [month, ...[...calendar.querySelectorAll('.flatpickr-weekday')].map(day => day.textContent.trim())];"));
    browser.driver().findElement(fieldBy(label)).sendKeys(Keys.ESCAPE);
    browser.waitUntil(d -> d.findElements(By.cssSelector(".flatpickr-calendar.open")).isEmpty());
    return shown;
  }

  /** The rows of a form-js table (its page shown), each as its cells' texts, once the table is drawn. */
  public List<List<String>> tableRows(String label) {
    return browser.waitUntil(d -> rowsNow(d, label));
  }

  /** The rows shown now; null while the table is (re)drawn. */
  public static List<List<String>> rowsNow(WebDriver driver, String label) {
    By tableLabel = By.xpath("//div[contains(@class,'fjs-container')]//label[contains(@class,'fjs-form-field-label')]"
        + "[normalize-space(text())=" + literal(label) + "]");
    try {
      if (driver.findElements(tableLabel).isEmpty()) {
        return null;
      }
      List<List<String>> rows = new ArrayList<>();
      List<WebElement> table = driver.findElements(fieldBy(label));
      if (table.isEmpty()) {
        return rows; // « Aucun élément à afficher. »: form-js draws no table
      }
      for (WebElement row : table.get(0).findElements(By.cssSelector("tbody tr"))) {
        List<String> cells = row.findElements(By.tagName("td")).stream().map(td -> td.getText().strip()).toList();
        if (!(cells.size() == 1 && cells.get(0).equals(EMPTY_TABLE))) {
          rows.add(cells);
        }
      }
      return rows;
    } catch (StaleElementReferenceException e) {
      return null;
    }
  }

  /** The pagination of a form-js table, as it reads (« 1 sur 30 »); null when it has one page. */
  public String tablePagination(String label) {
    List<WebElement> nav = browser.driver().findElements(By.xpath("(" + xpathOf(fieldBy(label))
        + ")/ancestor::div[contains(@class,'fjs-form-field-table')]//span[contains(@class,'fjs-table-nav-label')]"));
    return nav.isEmpty() ? null : nav.get(0).getText().strip();
  }

  public String tableText(String label) {
    return String.join("\n", tableRows(label).stream().map(row -> String.join(" | ", row)).toList());
  }

  // Page helpers

  public void scrollIntoView(WebElement element) {
    browser.script("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  public void clickWhenReady(By locator) {
    browser.waitUntil(d -> {
      try {
        WebElement element = d.findElement(locator);
        if (!element.isDisplayed() || !element.isEnabled()) {
          return false;
        }
        scrollIntoView(element);
        element.click();
        return true;
      } catch (StaleElementReferenceException | NoSuchElementException | ElementClickInterceptedException e) {
        return false;
      }
    });
  }

  /** The text of the first element found, if displayed; null otherwise (or while it is redrawn). */
  public static String textOf(WebDriver driver, By locator) {
    try {
      List<WebElement> found = driver.findElements(locator);
      return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0).getText().strip();
    } catch (StaleElementReferenceException e) {
      return null;
    }
  }

  private static String xpathOf(By by) {
    String text = by.toString();
    return text.substring(text.indexOf(':') + 1).strip();
  }

  /** An XPath string literal of any text (apostrophes included). */
  public static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
