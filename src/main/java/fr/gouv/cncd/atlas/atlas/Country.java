package fr.gouv.cncd.atlas.atlas;

/**
 * A country or territory of ISO 3166-1, with its French short name.
 *
 * @param code ISO 3166-1 alpha-2 code ({@code SN})
 * @param alpha3 ISO 3166-1 alpha-3 code ({@code SEN})
 * @param name French short name, as Debian's iso-codes gives it (« Sénégal »)
 * @param odaEligible whether it is on the OECD DAC List of ODA Recipients, so that aid to it may be
 *     declared as aide publique au développement
 */
public record Country(String code, String alpha3, String name, boolean odaEligible) {}
