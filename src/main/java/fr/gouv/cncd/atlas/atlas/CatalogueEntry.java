package fr.gouv.cncd.atlas.atlas;

/**
 * An entry of a versioned list of the Atlas (theme, SDG, network).
 *
 * @param code stable id, never reused ({@code WATER_SANITATION}, {@code ODD6}, {@code CUF})
 * @param label French label
 * @param active false for a retired entry: still readable by its code, no longer offered
 */
public record CatalogueEntry(String code, String label, boolean active) {}
