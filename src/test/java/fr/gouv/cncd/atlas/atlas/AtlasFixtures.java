package fr.gouv.cncd.atlas.atlas;

import fr.gouv.cncd.atlas.atlas.AtlasContent.Project;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectKind;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/** Atlas contents for tests: the demo Atlas of Rennes, published for other collectivités too. */
public final class AtlasFixtures {

  /** Partner countries (ISO 3166-1 alpha-2, all in the referential) and a partner city in each. */
  private static final List<List<String>> PARTNERS = List.of(
      List.of("SN", "Ville de Saint-Louis"), List.of("ML", "Commune de Ségou"), List.of("BF", "Commune de Koudougou"),
      List.of("MA", "Ville de Meknès"), List.of("TN", "Municipalité de Sousse"), List.of("VN", "Province de Hué"),
      List.of("BJ", "Commune de Ouidah"), List.of("MG", "Commune urbaine de Mahajanga"), List.of("HT", "Ville de Jacmel"),
      List.of("PS", "Municipalité de Naplouse"), List.of("DE", "Stadt Erlangen"), List.of("PL", "Miasto Rzeszów"),
      List.of("CM", "Commune de Dschang"), List.of("LB", "Municipalité de Byblos"), List.of("KH", "Ville de Siem Reap"));
  private static final List<String> THEMES = List.of("WATER_SANITATION", "AGRICULTURE_FOOD_SECURITY",
      "EDUCATION_TRAINING_YOUTH", "HEALTH_SOCIAL_ACTION", "CULTURE_HERITAGE", "ECONOMY_TOURISM",
      "ENVIRONMENT_CLIMATE_ENERGY", "LOCAL_GOVERNANCE", "URBAN_PLANNING_HOUSING", "MOBILITY_TRANSPORT", "DIGITAL");
  private static final List<String> AGREEMENTS = List.of("CONVENTION", "TWINNING", "AGREEMENT", "FRIENDSHIP_PACT");

  private AtlasFixtures() {}

  public static AtlasContent rennesLike() {
    return DemoAtlas.rennes();
  }

  /**
   * Rennes's demo Atlas with as many active coopérations décentralisées as a département or a big
   * city declares: N° 1…count, partners in fifteen countries, themes in turn, each title unique
   * (« Coopération n° 42 — Meknès : économie… »).
   */
  public static AtlasContent withCooperations(int count) {
    List<Project> projects = IntStream.rangeClosed(1, count).mapToObj(AtlasFixtures::cooperation).toList();
    return DemoAtlas.rennes().withProjects(projects);
  }

  private static Project cooperation(int n) {
    List<String> partner = PARTNERS.get(n % PARTNERS.size());
    String theme = THEMES.get(n % THEMES.size());
    String city = partner.get(1).substring(partner.get(1).lastIndexOf(' ') + 1);
    LocalDate start = LocalDate.of(2000 + n % 25, 1 + n % 12, 1);
    return new Project("fixture-cooperation-" + n, ProjectKind.COOPERATION, ProjectStatus.ACTIVE, n, partner.get(0),
        partner.get(1), "MUNICIPALITY", null, "Coopération n° " + n + " — " + city,
        "Programme d'échanges techniques n° " + n + " entre services municipaux.", List.of(theme), List.of("ODD17"),
        start, null, true, AGREEMENTS.get(n % AGREEMENTS.size()), start, null, null,
        new BigDecimal(10_000 + 500 * n), new BigDecimal(5_000 + 250 * n), null, null, null, null, null);
  }
}
