package fr.gouv.cncd.atlas.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The committed referentials of the Atlas data, read as the application reads them at start-up. */
class AtlasReferentialsTest {

  private static final AtlasReferentials referentials = new AtlasReferentials();
  private static final List<String> CATALOGUE_COLUMNS = List.of("code", "label", "active");

  @Test
  void listsTheCountriesOfIso3166WithTheirFrenchNames() {
    assertThat(referentials.countries()).hasSize(249);
    assertThat(referentials.country("SN")).contains(new Country("SN", "SEN", "Sénégal", true));
    assertThat(referentials.country("MA")).map(Country::name).contains("Maroc");
    assertThat(referentials.country("VN")).map(Country::name).contains("Viêt Nam");
    assertThat(referentials.country("DE")).map(Country::name).contains("Allemagne");
  }

  @Test
  void findsACountryByItsCodeInAnyCase() {
    assertThat(referentials.country(" sn ")).map(Country::alpha3).contains("SEN");
    assertThat(referentials.country("XK")).isEmpty();
    assertThat(referentials.country(null)).isEmpty();
  }

  @Test
  void keepsFranceAndItsOverseasEntriesOutOfThePartnerCountries() {
    assertThat(referentials.country("FR")).map(Country::name).contains("France");
    List<String> partners = referentials.partnerCountries().stream().map(Country::code).toList();
    assertThat(partners).hasSize(249 - 13).contains("SN", "DE", "CA")
        .doesNotContain("FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC", "TF");
  }

  @Test
  void flagsTheRecipientsOfTheDacListAsOdaEligible() {
    assertThat(eligible("SN", "ML", "AF", "HT", "VN", "MA", "TN", "DZ", "LB", "UA", "BR", "CN", "MX", "TR",
        "AM", "GE", "MD", "PS", "PA")).containsOnly(true);
    assertThat(referentials.countries().stream().filter(Country::odaEligible)).hasSize(140);
  }

  @Test
  void doesNotFlagHighIncomeCountriesNorGraduatesAsOdaEligible() {
    // Germany, France; Chile, Uruguay, Seychelles (2018), Cook Islands (2020), Antigua and Barbuda (2022).
    assertThat(eligible("DE", "FR", "CL", "UY", "SC", "CK", "AG", "HR", "RO")).containsOnly(false);
  }

  @Test
  void sortsCountriesByFrenchNameIgnoringAccentsAndCase() {
    List<String> names = referentials.countries().stream().map(Country::name).toList();
    assertThat(names).startsWith("Afghanistan", "Afrique du Sud");
    assertThat(names).containsSubsequence("Égypte", "Émirats arabes unis", "Équateur", "Espagne", "États-Unis",
        "Éthiopie");
    assertThat(names).containsSubsequence("Honduras", "Îles Marshall", "Inde");
  }

  @Test
  void listsTheSeventeenSdgsInTheirOrder() {
    List<CatalogueEntry> sdgs = referentials.sdgs();
    assertThat(sdgs).hasSize(17);
    for (int i = 0; i < 17; i++) {
      assertThat(sdgs.get(i).code()).isEqualTo("ODD" + (i + 1));
      assertThat(sdgs.get(i).label()).startsWith("ODD " + (i + 1) + " — ");
    }
    assertThat(referentials.sdg("ODD6")).map(CatalogueEntry::label).contains("ODD 6 — Eau propre et assainissement");
    assertThat(sdgs.get(16).label()).isEqualTo("ODD 17 — Partenariats pour la réalisation des objectifs");
  }

  @Test
  void listsAtLeastFifteenThemesOfAGivenVersion() {
    assertThat(referentials.themes()).hasSizeGreaterThanOrEqualTo(15);
    assertThat(referentials.theme("WATER_SANITATION")).map(CatalogueEntry::label).contains("Eau et assainissement");
    assertThat(referentials.themesVersion()).isEqualTo("2026-12-01");
  }

  @Test
  void listsTheNetworksOfFrenchLocalAuthoritiesInternationalAction() {
    assertThat(referentials.networks()).extracting(CatalogueEntry::code)
        .contains("CUF", "AFCCRE", "ARRICOD", "CGLU", "AIMF", "PS_EAU");
    assertThat(referentials.network("CUF")).map(CatalogueEntry::label).contains("Cités Unies France");
    assertThat(referentials.network("PS_EAU")).map(CatalogueEntry::label).contains("Programme Solidarité Eau");
    assertThat(referentials.networksVersion()).isEqualTo("2026-12-01");
  }

  @Test
  void givesEveryEntryOfEveryListAUniqueCode() {
    assertUnique(referentials.countries(), Country::code);
    assertUnique(referentials.countries(), Country::alpha3);
    assertUnique(referentials.sdgs(), CatalogueEntry::code);
    assertUnique(referentials.themes(), CatalogueEntry::code);
    assertUnique(referentials.networks(), CatalogueEntry::code);
  }

  @Test
  void keepsARetiredEntryReadableButNoLongerOffersIt() throws IOException {
    Catalogue themes = catalogue("""
        # version: 2027-01-15
        # columns: code label active
        WATER_SANITATION\tEau et assainissement\ttrue
        DECENTRALISATION\tDécentralisation\tfalse
        """);
    assertThat(themes.active()).extracting(CatalogueEntry::code).containsExactly("WATER_SANITATION");
    assertThat(themes.find("DECENTRALISATION")).contains(new CatalogueEntry("DECENTRALISATION", "Décentralisation", false));
    assertThat(themes.version()).isEqualTo("2027-01-15");
  }

  @Test
  void refusesAMalformedLineNamingItsFileAndNumber() {
    assertThatThrownBy(() -> catalogue("""
        # version: 2027-01-15
        # columns: code label active
        WATER_SANITATION\tEau et assainissement\ttrue
        SPORT Sport true
        """)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("themes.tsv line 4: expected 3 tab-separated fields (code, label, active), found 1");
  }

  @Test
  void refusesAFlagOtherThanTrueOrFalse() {
    assertThatThrownBy(() -> catalogue("""
        # version: 2027-01-15
        # columns: code label active
        SPORT\tSport\toui
        """)).hasMessageContaining("themes.tsv line 3: expected true or false, found « oui »");
  }

  @Test
  void refusesACodeWrittenTwice() {
    assertThatThrownBy(() -> catalogue("""
        # version: 2027-01-15
        # columns: code label active
        SPORT\tSport\ttrue
        SPORT\tSports\ttrue
        """)).hasMessageContaining("themes.tsv line 4: code SPORT appears twice");
  }

  @Test
  void refusesAVersionedListWithoutItsVersion() {
    assertThatThrownBy(() -> catalogue("""
        # columns: code label active
        SPORT\tSport\ttrue
        """)).hasMessageContaining("themes.tsv: expected a « # version: YYYY-MM-DD » header, found none");
  }

  @Test
  void refusesAFileWhoseColumnsAreNotTheExpectedOnes() {
    assertThatThrownBy(() -> catalogue("""
        # version: 2027-01-15
        # columns: label code active
        Sport\tSPORT\ttrue
        """)).hasMessageContaining("expected the header « # columns: code label active »");
  }

  private static Catalogue catalogue(String content) throws IOException {
    return Catalogue.of(DataFile.parse("themes.tsv", new StringReader(content), CATALOGUE_COLUMNS), 1, true);
  }

  private static List<Boolean> eligible(String... codes) {
    return Arrays.stream(codes).map(code -> referentials.country(code).orElseThrow().odaEligible()).toList();
  }

  private static <T> void assertUnique(List<T> entries, Function<T, String> code) {
    assertThat(entries.stream().map(code)).doesNotHaveDuplicates();
  }
}
