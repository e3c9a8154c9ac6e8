package fr.gouv.cncd.atlas.security;

/**
 * The platform's groups of users. A collectivité's staff also belong to the group of their
 * collectivité, whose id is derived from the collectivité's id (see LocalAuthority#groupId).
 */
public final class Groups {

  /** Administrators: Admin, Cockpit, Tasklist, everything. */
  public static final String ADMINISTRATORS = "camunda-admin";
  /** The ministry's validators (Délégation pour l'action extérieure des collectivités territoriales). */
  public static final String DAECT = "daect";
  /** Process managers: monitor every process in Cockpit. */
  public static final String PROCESS_MANAGERS = "processmanagers";
  /** Every collectivité's staff member: Tasklist, start the Atlas update. */
  public static final String LOCAL_AUTHORITY_STAFF = "collectivites";
  /** Camunda group type of a collectivité's group. */
  public static final String LOCAL_AUTHORITY_GROUP_TYPE = "COLLECTIVITE";

  private Groups() {}
}
