package fr.gouv.cncd.atlas.security.process;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.CreateFilterCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * First interceptor of every engine command: no query sent by a caller ever carries an
 * expression, in any branch.
 *
 * <p>Camunda 7 CE checks "no expressions in ad-hoc queries" on the top-level query only, and
 * evaluates the expressions of its {@code or()} branches (CVE-2026-109432: JUEL run as the server
 * through {@code orQueries} of /task, /task/count and /filter/{id}/list|count|singleResult, in
 * /engine-rest and in the webapps' API). Every one of those entry points, present or future, ends
 * as a command: an ad-hoc query is itself the command, and a filter execution carries the caller's
 * query as its "extending query". Both are checked here, before anything is evaluated.
 *
 * <p>Filters are the application's (see PlatformAccess): no authenticated caller may create,
 * change or delete one, so their stored expressions stay those of {@link StoredFilterExpressions}.
 */
final class QueryExpressionGuard extends CommandInterceptor {

  static final String REFUSED = "Les expressions (${…}, #{…}) ne sont pas admises dans les critères de recherche,"
      + " ni dans la requête principale ni dans ses alternatives (orQueries).";
  static final String FILTERS_ARE_THE_APPLICATIONS = "Les filtres de Tasklist sont définis par l'application :"
      + " ils ne peuvent être ni créés, ni modifiés, ni supprimés.";
  // The caller's query of a filter execution has no getter; fails at start-up if it moves.
  private static final Field EXTENDING_QUERY = EngineFields.of(AbstractExecuteFilterCmd.class, "extendingQuery");

  private final ProcessEngineConfigurationImpl configuration;

  QueryExpressionGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof AbstractQuery<?, ?> query) {
      refuseExpressions(query);
    } else if (command instanceof AbstractExecuteFilterCmd filterExecution) {
      refuseExpressions(extendingQuery(filterExecution));
    } else if ((command instanceof CreateFilterCmd || command instanceof SaveFilterCmd
        || command instanceof DeleteFilterCmd) && configuration.getIdentityService().getCurrentAuthentication() != null) {
      throw new AuthorizationException(FILTERS_ARE_THE_APPLICATIONS);
    }
    return next.execute(command);
  }

  /** The expressions of a query and of all its or() branches. */
  static List<String> expressionsOf(AbstractQuery<?, ?> query) {
    List<String> expressions = new ArrayList<>(query.getExpressions().values());
    if (query instanceof TaskQueryImpl taskQuery) {
      for (TaskQueryImpl branch : taskQuery.getQueries()) {
        if (branch != taskQuery) {
          expressions.addAll(branch.getExpressions().values());
        }
      }
    }
    return expressions;
  }

  private static void refuseExpressions(Object query) {
    if (query instanceof AbstractQuery<?, ?> abstractQuery && !expressionsOf(abstractQuery).isEmpty()) {
      throw new BadUserRequestException(REFUSED);
    }
  }

  private static Object extendingQuery(AbstractExecuteFilterCmd filterExecution) {
    return EngineFields.read(EXTENDING_QUERY, filterExecution);
  }


}
