package fr.gouv.cncd.atlas.security.process;

import fr.gouv.cncd.atlas.security.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who calls an engine command, as the guards see it; null when the application itself calls
 * (start-up, the job executor, its own services), which the guards leave alone.
 */
record Caller(String userId, List<String> groups) {

  static Caller current(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null) {
      return null;
    }
    return new Caller(authentication.getUserId(),
        authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds()));
  }

  boolean isAdministrator() {
    return groups.contains(Groups.ADMINISTRATORS);
  }

  /** Administrators and process managers: they follow jobs, incidents and metrics. */
  boolean monitors() {
    return isAdministrator() || groups.contains(Groups.PROCESS_MANAGERS);
  }

  /** Members of the groups that work tasks (a process manager may also be one). */
  boolean worksTasks() {
    return groups.contains(Groups.DAECT) || groups.contains(Groups.LOCAL_AUTHORITY_STAFF);
  }

  boolean is(String otherUserId) {
    return userId != null && userId.equals(otherUserId);
  }
}
