package fr.gouv.cncd.atlas.atlas;

/**
 * A version of a collectivité's Atlas was written outside its update (a correction by the DAECT),
 * in the transaction that publishes it: an update waiting at step 8 must show the conflict.
 */
public record AtlasVersionPublished(String localAuthorityId, int version) {}
