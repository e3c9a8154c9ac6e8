package fr.gouv.cncd.atlas.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a screen must pass: no English a user of the webapps would meet (Camunda's usual words, the
 * date picker's and moment's English names), and no accessibility violation that axe-core finds.
 */
public final class FrenchScreens {

  /** Words and phrases of Camunda's English interface that are not also French words. */
  static final List<String> ENGLISH = List.of(
      "Claim", "Unclaim", "Complete", "Save", "Created", "ago", "a few seconds", "Sun", "Tue", "Wed", "Thu",
      "Fri", "Sat", "January", "February", "April", "June", "July", "August", "September", "October",
      "November", "December", "Powered by", "No matching", "Dashboard", "DASHBOARD", "task.assignee",
      "Processes", "Decisions", "Deployments", "Batches", "Users", "Groups", "Tenants", "Authorizations",
      "Start process", "Loading", "Follow-up", "Due date", "Sign in", "Username", "Password", "null",
      "undefined", "Close", "Select", "Search", "Today", "Clear", "Cancel", "Submit", "Reset", "Remove",
      "Delete", "Edit", "Filter", "Tasks", "Assignee", "Business Key", "Running", "Deployment", "Double",
      "Long", "Short", "Boolean", "Please", "required", "Error", "Success", "Welcome", "Profile", "Logout",
      "Log out", "Account", "Create task", "Tenant", "Help", "Keyboard", "Shortcuts", "Previous", "Next",
      "Show", "Hide", "History", "Statistics", "CAMUNDA");

  private FrenchScreens() {}

  /** The English words of the list in a screen's text. */
  public static List<String> englishIn(String text) {
    return ENGLISH.stream()
        .filter(word -> Pattern.compile("(^|[^\\p{L}])" + Pattern.quote(word) + "($|[^\\p{L}])").matcher(text).find())
        .toList();
  }

  /**
   * What a user reads on the page shown: its text, title and the visible elements' titles,
   * aria-labels, placeholders and alternative texts.
   */
  public static String readableText(Browser browser) {
    return String.valueOf(browser.script("""
        const parts = [document.body.innerText, document.title];
        document.querySelectorAll('[title],[aria-label],[placeholder],[alt]').forEach((e) => {
          if (e.offsetParent !== null) {
            ['title', 'aria-label', 'placeholder', 'alt'].forEach((a) => { if (e.getAttribute(a)) parts.push(e.getAttribute(a)); });
          }
        });
        return parts.join('\\n');"""));
  }

  /** The English words of the page shown. */
  public static List<String> englishOnScreen(Browser browser) {
    return englishIn(readableText(browser));
  }

  /** axe-core's violations on the page shown, one line each: rule, impact, elements. */
  public static List<String> accessibilityViolations(Browser browser) {
    Results results = new AxeBuilder().analyze(browser.driver());
    return results.getViolations().stream().map(FrenchScreens::describe).toList();
  }

  private static String describe(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): "
        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(3).toList();
  }
}
