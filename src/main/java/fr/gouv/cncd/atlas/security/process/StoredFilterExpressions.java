package fr.gouv.cncd.atlas.security.process;

import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;

/**
 * The only expressions a stored Tasklist filter may hold: the current user, her groups, and
 * dates relative to now. Checked for every stored filter at start-up, so that a filter stored
 * by any earlier version or by hand can never run anything else.
 */
final class StoredFilterExpressions {

  private static final Pattern ALLOWED = Pattern.compile(
      "\\$\\{\\s*(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
          + "|dateTime\\(\\)(\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes)\\(\\d{1,4}\\))*"
          + "(\\.withTimeAtStartOfDay\\(\\))?(\\.toDate\\(\\))?)\\s*}");

  private StoredFilterExpressions() {}

  static boolean isAllowed(String expression) {
    return expression != null && ALLOWED.matcher(expression).matches();
  }

  /** The expressions of the filter's query (all branches) that are not on the list. */
  static List<String> refused(Filter filter) {
    if (!(filter.getQuery() instanceof AbstractQuery<?, ?> query)) {
      return List.of();
    }
    return QueryExpressionGuard.expressionsOf(query).stream().filter(e -> !isAllowed(e)).toList();
  }
}
