package fr.gouv.cncd.atlas.security.process;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import fr.gouv.cncd.atlas.security.Groups;
import fr.gouv.cncd.atlas.security.PlatformProperties;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates, idempotently at every start, the platform's groups, what each may do, the Tasklist
 * filters and the first administrator.
 */
@Component
class PlatformAccess {

  private static final Logger log = LoggerFactory.getLogger(PlatformAccess.class);
  static final String ACCOUNT_REQUEST_PROCESS = "AccountRequest";
  static final String ATLAS_UPDATE_PROCESS = "AtlasUpdate";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final PlatformProperties properties;

  PlatformAccess(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, PlatformProperties properties) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void setUp() {
    group(Groups.ADMINISTRATORS, "Administrateurs", org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM);
    for (Resources resource : Resources.values()) {
      grant(Groups.ADMINISTRATORS, resource, "*", Permissions.ALL);
    }

    group(Groups.DAECT, "DAECT (validation des comptes)", org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
    grant(Groups.DAECT, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.DAECT, Resources.PROCESS_DEFINITION, ACCOUNT_REQUEST_PROCESS, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY);
    // The DAECT sees every Atlas update (tasks, history) and may start one for any collectivité;
    // it works only the steps assigned to it (those of the updates it started).
    grant(Groups.DAECT, Resources.PROCESS_DEFINITION, ATLAS_UPDATE_PROCESS, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_HISTORY);
    grant(Groups.DAECT, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);

    // Process managers monitor: they read definitions, instances, history, tasks and incidents in
    // Cockpit and retry failed jobs (which resolves their incidents). No UPDATE, SUSPEND, DELETE or
    // variable change: decisions belong to the DAECT, administration to administrators.
    group(Groups.PROCESS_MANAGERS, "Pilotes des processus", org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
    grant(Groups.PROCESS_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    revoke(Groups.PROCESS_MANAGERS, Resources.APPLICATION, "tasklist");
    grant(Groups.PROCESS_MANAGERS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB);
    grant(Groups.PROCESS_MANAGERS, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ,
        ProcessInstancePermissions.RETRY_JOB);
    grant(Groups.PROCESS_MANAGERS, Resources.TASK, "*", TaskPermissions.READ);
    grant(Groups.PROCESS_MANAGERS, Resources.DEPLOYMENT, "*", Permissions.READ);
    grant(Groups.PROCESS_MANAGERS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    grant(Groups.PROCESS_MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
    // Cockpit retries the failed jobs of several instances as a batch.
    grant(Groups.PROCESS_MANAGERS, Resources.BATCH, "*", Permissions.READ, BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES);

    group(Groups.LOCAL_AUTHORITY_STAFF, "Agents des collectivités territoriales", org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
    grant(Groups.LOCAL_AUTHORITY_STAFF, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.LOCAL_AUTHORITY_STAFF, Resources.PROCESS_DEFINITION, ATLAS_UPDATE_PROCESS,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Groups.LOCAL_AUTHORITY_STAFF, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);

    filter("Mes tâches", "Les tâches qui vous sont attribuées.", -10,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), List.of());
    filter("Tâches de mes groupes", "Les tâches proposées à vos groupes, que vous pouvez prendre en charge.", 0,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        List.of());
    filter("Demandes de compte à valider", "Les demandes de compte des collectivités, à valider par la DAECT.", -20,
        tasks.createTaskQuery().processDefinitionKey(ACCOUNT_REQUEST_PROCESS).taskCandidateGroup(Groups.DAECT)
            .includeAssignedTasks(),
        List.of(Groups.DAECT));

    filter("Mise à jour de l'Atlas", "Les étapes de la mise à jour de l'Atlas de votre collectivité. Pour en"
        + " commencer une : « Mettre à jour l'Atlas de ma collectivité » ou « Démarrer un processus ».", -30,
        tasks.createTaskQuery().processDefinitionKey(ATLAS_UPDATE_PROCESS)
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        List.of(Groups.LOCAL_AUTHORITY_STAFF));
    filter("Mises à jour de l'Atlas en cours", "Toutes les mises à jour de l'Atlas en cours, de toutes les"
        + " collectivités (lecture seule, sauf celles que vous avez commencées).", -15,
        tasks.createTaskQuery().processDefinitionKey(ATLAS_UPDATE_PROCESS), List.of(Groups.DAECT));

    refuseUnsafeFilters();
    administrator();
  }

  /** Every stored filter may only use the expressions of StoredFilterExpressions; else no start. */
  private void refuseUnsafeFilters() {
    for (Filter filter : filters.createFilterQuery().list()) {
      List<String> refused = StoredFilterExpressions.refused(filter);
      if (!refused.isEmpty()) {
        throw new IllegalStateException("The stored filter '" + filter.getName() + "' (" + filter.getId()
            + ") uses expressions that filters may not use: " + refused + ". Delete it, then restart.");
      }
    }
  }

  private void administrator() {
    PlatformProperties.Admin admin = properties.admin();
    if (admin.password() == null || admin.password().isBlank()) {
      log.warn("No administrator password configured (atlas.admin.password): no administrator created");
      return;
    }
    if (identity.createUserQuery().userId(admin.username()).count() == 0) {
      User user = identity.newUser(admin.username());
      user.setFirstName("Administrateur");
      user.setLastName("Téléprocédure");
      user.setEmail(admin.email());
      user.setPassword(admin.password());
      identity.saveUser(user);
      log.info("Administrator {} created", admin.username());
    }
    membership(admin.username(), Groups.ADMINISTRATORS);
  }

  void membership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }

  void group(String id, String name, String type) {
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identity.newGroup(id);
    }
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
  }

  /** Grants exactly these permissions (an older grant with more is reduced to them). */
  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = existingGrant(groupId, resource, resourceId);
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    authorization.setPermissions(permissions);
    authorizations.saveAuthorization(authorization);
  }

  /** Removes a grant that earlier versions made. */
  void revoke(String groupId, Resource resource, String resourceId) {
    Authorization authorization = existingGrant(groupId, resource, resourceId);
    if (authorization != null) {
      authorizations.deleteAuthorization(authorization.getId());
    }
  }

  private Authorization existingGrant(String groupId, Resource resource, String resourceId) {
    return authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
        .resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
  }

  private void filter(String name, String description, int priority, TaskQuery query, List<String> readers) {
    Filter filter = filters.createTaskFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    filter.setOwner(null);
    filter.setQuery(query);
    filter.setProperties(Map.of("description", description, "priority", priority, "refresh", true,
        "color", "#000091"));
    filters.saveFilter(filter);
    if (readers.isEmpty()) {
      Authorization global = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
          .resourceId(filter.getId()).authorizationType(AUTH_TYPE_GLOBAL).singleResult();
      if (global == null) {
        global = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
        global.setUserId(Authorization.ANY);
        global.setResource(Resources.FILTER);
        global.setResourceId(filter.getId());
        global.addPermission(Permissions.READ);
        authorizations.saveAuthorization(global);
      }
    } else {
      for (String reader : readers) {
        grant(reader, Resources.FILTER, filter.getId(), Permissions.READ);
      }
      grant(Groups.ADMINISTRATORS, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
