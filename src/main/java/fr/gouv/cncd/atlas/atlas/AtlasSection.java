package fr.gouv.cncd.atlas.atlas;

/** The sections of the Atlas, in the order of the update's steps. */
public enum AtlasSection {
  COORDINATES, CONTACTS, NETWORKS, COOPERATIONS, EXTERNAL_ACTIONS
}
