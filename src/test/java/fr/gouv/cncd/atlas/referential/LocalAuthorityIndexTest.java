package fr.gouv.cncd.atlas.referential;

import static fr.gouv.cncd.atlas.referential.LocalAuthorityType.COMMUNE;
import static fr.gouv.cncd.atlas.referential.LocalAuthorityType.DEPARTMENT;
import static fr.gouv.cncd.atlas.referential.LocalAuthorityType.EPCI;
import static fr.gouv.cncd.atlas.referential.LocalAuthorityType.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-memory search over the referential, on a small excerpt of the real one. */
class LocalAuthorityIndexTest {

  private final LocalAuthorityIndex index = new LocalAuthorityIndex();

  @BeforeEach
  void loadAnExcerptOfTheReferential() {
    index.replaceAll(List.of(
        new LocalAuthority("region-53", REGION, null, "53", "Bretagne", null, "53", null, null, 3_449_370, false),
        new LocalAuthority("department-35", DEPARTMENT, null, "35", "Ille-et-Vilaine", "35", "53", null, null,
            1_120_666, false),
        commune("01001", "L'Abergement-Clémenciat", "01", "01400", "210100012", 860),
        commune("01093", "Châtillon-sur-Chalaronne", "01", "01400", "210100939", 5_250),
        commune("01400", "Seillonnaz", "01", "01470", "210104006", 134),
        commune("02201", "Cœuvres-et-Valsery", "02", "02600", "210201877", 467),
        commune("11309", "Rennes-le-Château", "11", "11190", "211103098", 89),
        commune("11310", "Rennes-les-Bains", "11", "11190", "211103106", 238),
        commune("13055", "Marseille", "13", "13001 13002 13003 13016", "211300553", 886_040),
        commune("2A004", "Ajaccio", "2A", "20000 20090 20167", "212000046", 76_320),
        commune("22278", "Saint-Brieuc", "22", "22000", "212202782", 44_364),
        commune("35238", "Rennes", "35", "35000 35200 35700", "213502388", 230_890),
        commune("35288", "Saint-Malo", "35", "35400", "213502883", 47_439),
        commune("35294", "Sainte-Marie", "35", "35600", "213502941", 2_247),
        commune("35360", "Vitré", "35", "35500", "213503600", 19_365),
        commune("36024", "Bretagne", "36", "36110", "213600240", 125),
        commune("50353", "Le Mont-Saint-Michel", "50", "50170", "215003534", 23),
        commune("90019", "Bretagne", "90", "90130", "219000197", 319),
        commune("93066", "Saint-Denis", "93", "93200 93210 93380", "219300662", 149_077),
        commune("99999", "Saint-Inconnu", "35", null, null, null),
        new LocalAuthority("epci-243500139", EPCI, "METRO", "243500139", "Rennes Métropole", "35", "53",
            "35000 35131 35200", "243500139", 483_199, false)));
  }

  @Test
  void ignoresAccentsCaseAndPunctuation() {
    assertThat(names("abergement clemenciat")).containsExactly("L'Abergement-Clémenciat");
    assertThat(names("L’ABERGEMENT—CLÉMENCIAT")).containsExactly("L'Abergement-Clémenciat");
    assertThat(names("vitre")).containsExactly("Vitré");
    assertThat(names("VITRÉ")).containsExactly("Vitré");
    assertThat(names("coeuvres et valsery")).containsExactly("Cœuvres-et-Valsery");
  }

  @Test
  void expandsTheAbbreviationsOfSaint() {
    assertThat(names("st malo")).containsExactly("Saint-Malo");
    assertThat(names("St-Malo")).containsExactly("Saint-Malo");
    assertThat(names("ste marie")).containsExactly("Sainte-Marie");
  }

  @Test
  void matchesTheStartOfEachWordOfTheName() {
    assertThat(names("chat chal")).containsExactly("Châtillon-sur-Chalaronne");
    assertThat(names("malo")).containsExactly("Saint-Malo");
    assertThat(names("mich")).containsExactly("Le Mont-Saint-Michel");
    assertThat(names("rennes bains")).containsExactly("Rennes-les-Bains");
  }

  @Test
  void doesNotMatchTheMiddleOfAWord() {
    assertThat(names("alo")).isEmpty();
    assertThat(names("ennes")).isEmpty();
  }

  @Test
  void requiresEveryWordOfTheQueryToMatch() {
    assertThat(names("saint malo brieuc")).isEmpty();
  }

  @Test
  void findsACommuneByItsInseeCode() {
    assertThat(ids("35238")).first().isEqualTo("commune-35238");
    assertThat(ids("2A004")).containsExactly("commune-2A004");
    assertThat(ids("2a004")).containsExactly("commune-2A004");
  }

  @Test
  void findsAnEntryByItsSiren() {
    assertThat(ids("243500139")).containsExactly("epci-243500139");
    assertThat(ids("213502883")).containsExactly("commune-35288");
    assertThat(ids("243 500 139")).containsExactly("epci-243500139");
  }

  @Test
  void findsCommunesByAnyOfTheirPostalCodes() {
    assertThat(ids("35400")).containsExactly("commune-35288");
    assertThat(ids("13016")).containsExactly("commune-13055");
    assertThat(ids("20090")).containsExactly("commune-2A004");
  }

  @Test
  void findsEntriesByTheStartOfACode() {
    assertThat(ids("1300")).containsExactly("commune-13055");
    assertThat(ids("24350")).containsExactly("epci-243500139");
  }

  @Test
  void findsEntriesOfADepartmentByItsCodeNextToAName() {
    assertThat(ids("rennes 11")).containsExactly("commune-11310", "commune-11309");
    assertThat(ids("saint 35")).containsExactly("commune-35288", "commune-35294", "commune-99999");
  }

  @Test
  void ranksAnExactMatchBeforeALargerPopulation() {
    assertThat(ids("rennes")).containsExactly(
        "commune-35238", "epci-243500139", "commune-11310", "commune-11309");
  }

  @Test
  void ranksExactMatchesByDecreasingPopulation() {
    assertThat(ids("bretagne")).containsExactly("region-53", "commune-90019", "commune-36024");
  }

  @Test
  void ranksByDecreasingPopulationWhenTheCodeMatchesExactly() {
    assertThat(ids("01400")).as("Postal code of two communes and INSEE code of a third")
        .containsExactly("commune-01093", "commune-01001", "commune-01400");
  }

  @Test
  void ranksNamesStartingWithTheQueryFirstThenByDecreasingPopulation() {
    assertThat(names("saint")).containsExactly(
        "Saint-Denis", "Saint-Malo", "Saint-Brieuc", "Sainte-Marie", "Saint-Inconnu", "Le Mont-Saint-Michel");
  }

  @Test
  void filtersByType() {
    assertThat(ids("rennes", EPCI, null, 20)).containsExactly("epci-243500139");
    assertThat(ids("rennes", COMMUNE, null, 20)).containsExactly("commune-35238", "commune-11310", "commune-11309");
    assertThat(ids("bretagne", REGION, null, 20)).containsExactly("region-53");
  }

  @Test
  void filtersByDepartment() {
    assertThat(ids("rennes", null, "11", 20)).containsExactly("commune-11310", "commune-11309");
    assertThat(ids("rennes", COMMUNE, "35", 20)).containsExactly("commune-35238");
    assertThat(ids("ajaccio", null, "2B", 20)).isEmpty();
  }

  @Test
  void listsADepartmentByDecreasingPopulationWhenThereIsNoQuery() {
    assertThat(ids("", COMMUNE, "35", 20))
        .containsExactly("commune-35238", "commune-35288", "commune-35360", "commune-35294", "commune-99999");
    assertThat(ids(null, null, "01", 20)).containsExactly("commune-01093", "commune-01001", "commune-01400");
  }

  @Test
  void findsNothingForAQueryWithoutLettersOrDigits() {
    assertThat(ids("?!", null, null, 20)).isEmpty();
  }

  @Test
  void returnsNoMoreThanTheLimit() {
    assertThat(names("saint", null, null, 2)).containsExactly("Saint-Denis", "Saint-Malo");
    assertThat(names("saint", null, null, 1)).containsExactly("Saint-Denis");
  }

  @Test
  void findsEntriesAddedAfterTheLoad() {
    index.add(new LocalAuthority("commune-x1a2b3c4d", COMMUNE, null, null, "Saint-Malo-de-Phily", "35", "53",
        null, null, null, true));

    assertThat(index.size()).isEqualTo(22);
    assertThat(ids("st malo")).containsExactly("commune-35288", "commune-x1a2b3c4d");
    assertThat(index.get("commune-x1a2b3c4d").getName()).isEqualTo("Saint-Malo-de-Phily");
  }

  @Test
  void forgetsThePreviousEntriesWhenReplaced() {
    index.replaceAll(List.of(commune("35288", "Saint-Malo", "35", "35400", "213502883", 47_439)));

    assertThat(index.size()).isEqualTo(1);
    assertThat(index.get("commune-35238")).isNull();
    assertThat(ids("rennes")).isEmpty();
    assertThat(index.get("commune-35288").getName()).isEqualTo("Saint-Malo");
  }

  private static LocalAuthority commune(String insee, String name, String department, String postalCodes,
      String siren, Integer population) {
    return new LocalAuthority("commune-" + insee, COMMUNE, null, insee, name, department, null, postalCodes, siren,
        population, false);
  }

  private List<String> names(String query) {
    return names(query, null, null, 20);
  }

  private List<String> names(String query, LocalAuthorityType type, String department, int limit) {
    return index.search(query, type, department, limit).stream().map(LocalAuthority::getName).toList();
  }

  private List<String> ids(String query) {
    return ids(query, null, null, 20);
  }

  private List<String> ids(String query, LocalAuthorityType type, String department, int limit) {
    return index.search(query, type, department, limit).stream().map(LocalAuthority::getId).toList();
  }
}
