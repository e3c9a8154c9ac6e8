package fr.gouv.cncd.atlas.atlas.process;

/** Names of the AtlasUpdate process that are not variables: its key, its tasks, its error. */
final class AtlasUpdateProcess {

  static final String PROCESS_KEY = "AtlasUpdate";
  /** Thrown by the publication when a later version was published since the draft started. */
  static final String ATLAS_CHANGED_MEANWHILE = "AtlasChangedMeanwhile";

  static final String READ_PRESENTATION = "Task_ReadPresentation";
  static final String EDIT_COORDINATES = "Task_EditCoordinates";
  static final String LIST_CONTACTS = "Task_ListContacts";
  static final String EDIT_CONTACT = "Task_EditContact";
  static final String READ_ODA_AMOUNTS = "Task_ReadOdaAmounts";
  static final String LIST_NETWORKS = "Task_ListNetworks";
  static final String EDIT_NETWORK_MEMBERSHIP = "Task_EditNetworkMembership";
  static final String LIST_COOPERATIONS = "Task_ListCooperations";
  static final String EDIT_COOPERATION = "Task_EditCooperation";
  static final String LIST_EXTERNAL_ACTIONS = "Task_ListExternalActions";
  static final String EDIT_EXTERNAL_ACTION = "Task_EditExternalAction";
  static final String VALIDATE_UPDATE = "Task_ValidateUpdate";

  private AtlasUpdateProcess() {}
}
