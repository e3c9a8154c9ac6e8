package fr.gouv.cncd.atlas.atlas;

import fr.gouv.cncd.atlas.atlas.AtlasContent.Civility;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Contact;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ContactDomain;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ContactQuality;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Coordinates;
import fr.gouv.cncd.atlas.atlas.AtlasContent.NetworkMembership;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Project;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectKind;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectStatus;
import fr.gouv.cncd.atlas.security.PlatformProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published Atlas of the two demo collectivités (embedded default only): Ville de Rennes with
 * plausible content in every section, and Ville de Saint-Malo with a smaller one. People and
 * addresses are fictitious.
 */
@Component
class DemoAtlas {

  private static final Logger log = LoggerFactory.getLogger(DemoAtlas.class);
  static final String PUBLISHER = "daect";

  private final PlatformProperties properties;
  private final AtlasVersionRepository versions;
  private final AtlasPublication publication;
  private final OdaDeclarationRepository declarations;

  DemoAtlas(PlatformProperties properties, AtlasVersionRepository versions, AtlasPublication publication,
      OdaDeclarationRepository declarations) {
    this.properties = properties;
    this.versions = versions;
    this.publication = publication;
    this.declarations = declarations;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  @Transactional
  public void publish() {
    PlatformProperties.Demo demo = properties.demo();
    if (!demo.enabled() || properties.production()) {
      return;
    }
    seed(demo.localAuthorityId(), rennes(), List.of(
        new OdaDeclaration(demo.localAuthorityId(), 2024, new BigDecimal("412500.00"), false, LocalDate.of(2025, 5, 12)),
        new OdaDeclaration(demo.localAuthorityId(), 2023, new BigDecimal("389200.00"), false, LocalDate.of(2024, 5, 27)),
        new OdaDeclaration(demo.localAuthorityId(), 2022, new BigDecimal("356750.00"), false, LocalDate.of(2023, 4, 28))));
    seed(demo.otherLocalAuthorityId(), saintMalo(), List.of(
        new OdaDeclaration(demo.otherLocalAuthorityId(), 2024, new BigDecimal("0.00"), true, LocalDate.of(2025, 4, 22))));
  }

  private void seed(String localAuthorityId, AtlasContent content, List<OdaDeclaration> oda) {
    if (versions.findFirstByLocalAuthorityIdOrderByNumberDesc(localAuthorityId).isPresent()) {
      return;
    }
    publication.publishDirectly(localAuthorityId, content, PUBLISHER);
    declarations.saveAll(oda);
    log.info("Demo Atlas of {} published as version 1", localAuthorityId);
  }

  static AtlasContent rennes() {
    return new AtlasContent(
        new Coordinates("Hôtel de Ville\nPlace de la Mairie\nCS 63126", "35031", "Rennes", "0223621010",
            "relations-internationales@ville-rennes.example.org", "https://metropole.rennes.fr",
            "Direction des relations internationales et européennes"),
        List.of(
            new Contact("demo-rennes-contact-1", Civility.MME, "Le Goff", "Anne", "Adjointe aux relations internationales",
                ContactQuality.ELECTED, "anne.legoff@ville-rennes.example.org", "0223621101",
                List.of(ContactDomain.INTERNATIONAL_RELATIONS, ContactDomain.DECENTRALIZED_COOPERATION)),
            new Contact("demo-rennes-contact-2", Civility.M, "Morvan", "Thomas",
                "Directeur des relations internationales et européennes", ContactQuality.OFFICER,
                "thomas.morvan@ville-rennes.example.org", "0223621102",
                List.of(ContactDomain.INTERNATIONAL_RELATIONS, ContactDomain.EUROPEAN_AFFAIRS)),
            new Contact("demo-rennes-contact-3", Civility.MME, "Nicolas", "Soizic", "Chargée de mission coopération décentralisée",
                ContactQuality.OFFICER, "soizic.nicolas@ville-rennes.example.org", "0223621103",
                List.of(ContactDomain.DECENTRALIZED_COOPERATION))),
        List.of(new NetworkMembership("demo-rennes-network-1", "CUF", null, 1998),
            new NetworkMembership("demo-rennes-network-2", "AFCCRE", null, 1985)),
        List.of(
            project("demo-rennes-project-1", ProjectKind.COOPERATION, 1, "DZ", "Ville de Sétif", "MUNICIPALITY",
                "Coopération Rennes–Sétif : gestion des déchets et espaces verts",
                "Échanges d'agents et appui technique à la gestion des déchets ménagers et à l'aménagement des parcs urbains.",
                List.of("ENVIRONMENT_CLIMATE_ENERGY", "LOCAL_GOVERNANCE"), List.of("ODD11", "ODD12"),
                LocalDate.of(2019, 3, 1), null, true, "CONVENTION", LocalDate.of(2019, 2, 14), LocalDate.of(2027, 2, 14),
                null, "180000.00", "95000.00", "60000.00", null, null, "25000.00", "Ville de Sétif"),
            project("demo-rennes-project-2", ProjectKind.COOPERATION, 2, "DE", "Stadt Erlangen", "MUNICIPALITY",
                "Jumelage Rennes–Erlangen", "Échanges scolaires, culturels et sportifs entre les deux villes jumelles.",
                List.of("CULTURE_HERITAGE", "EDUCATION_TRAINING_YOUTH"), List.of("ODD4", "ODD17"),
                LocalDate.of(1964, 6, 1), null, true, "TWINNING", LocalDate.of(1964, 6, 1), null, null,
                "40000.00", "40000.00", null, null, null, null, null),
            project("demo-rennes-project-3", ProjectKind.COOPERATION, 3, "ML", "Commune de Dioro", "MUNICIPALITY",
                "Accès à l'eau potable dans la commune de Dioro",
                "Réhabilitation de forages et formation des comités de gestion de l'eau.",
                List.of("WATER_SANITATION"), List.of("ODD6"), LocalDate.of(2021, 1, 1), LocalDate.of(2024, 12, 31), false,
                "AGREEMENT", LocalDate.of(2020, 11, 20), null, null, "250000.00", "80000.00", "70000.00", null,
                "100000.00", null, null),
            project("demo-rennes-project-4", ProjectKind.EXTERNAL_ACTION, 4, "UA", null, null,
                "Aide d'urgence aux villes ukrainiennes",
                "Envoi de groupes électrogènes et de matériel médical, avec la Protection civile.",
                List.of("HUMANITARIAN_EMERGENCY_AID"), List.of("ODD3", "ODD16"), LocalDate.of(2022, 3, 10),
                LocalDate.of(2022, 12, 31), false, null, null, null, "HUMANITARIAN_AID", "150000.00", "150000.00",
                null, null, null, null, null),
            project("demo-rennes-project-5", ProjectKind.EXTERNAL_ACTION, 5, "JP", "Ville de Sendai", "MUNICIPALITY",
                "Échange de lycéens avec Sendai",
                "Accueil réciproque de lycéens pendant deux semaines.",
                List.of("EDUCATION_TRAINING_YOUTH"), List.of("ODD4"), LocalDate.of(2023, 4, 1), LocalDate.of(2023, 7, 15),
                false, null, null, null, "EXCHANGE", "30000.00", "30000.00", null, null, null, null, null)));
  }

  static AtlasContent saintMalo() {
    return new AtlasContent(
        new Coordinates("Hôtel de Ville\nPlace Chateaubriand", "35400", "Saint-Malo", "0299408100",
            "international@ville-saint-malo.example.org", "https://www.saint-malo.fr", "Service des relations internationales"),
        List.of(new Contact("demo-saint-malo-contact-1", Civility.M, "Le Roux", "Erwan", "Conseiller municipal délégué au jumelage",
            ContactQuality.ELECTED, "erwan.leroux@ville-saint-malo.example.org", null,
            List.of(ContactDomain.INTERNATIONAL_RELATIONS))),
        List.of(new NetworkMembership("demo-saint-malo-network-1", "CUF", null, 2005)),
        List.of(
            project("demo-saint-malo-project-1", ProjectKind.COOPERATION, 1, "GB", "Town of Cowes", "MUNICIPALITY",
                "Jumelage Saint-Malo–Cowes", "Échanges associatifs et nautiques.", List.of("CULTURE_HERITAGE", "SPORT"),
                List.of("ODD17"), LocalDate.of(1990, 5, 1), null, true, "TWINNING", LocalDate.of(1990, 5, 1), null,
                null, "12000.00", "12000.00", null, null, null, null, null),
            project("demo-saint-malo-project-2", ProjectKind.EXTERNAL_ACTION, 2, "CA", "Ville de Québec", "MUNICIPALITY",
                "Route du Rhum : accueil d'une délégation québécoise", "Accueil d'élus et d'entreprises lors du départ de la course.",
                List.of("ECONOMY_TOURISM"), List.of("ODD8"), LocalDate.of(2022, 11, 1), LocalDate.of(2022, 11, 10), false,
                null, null, null, "PROMOTION", "8000.00", "8000.00", null, null, null, null, null)));
  }

  private static Project project(String id, ProjectKind kind, int reference, String country, String partner,
      String partnerLevel, String title, String description, List<String> themes, List<String> sdgs, LocalDate start,
      LocalDate end, boolean ongoing, String agreementType, LocalDate signature, LocalDate agreementEnd,
      String actionNature, String budget, String share, String meae, String eu, String afd, String other,
      String otherCofunders) {
    return new Project(id, kind, ProjectStatus.ACTIVE, reference, country, partner, partnerLevel, null, title,
        description, themes, sdgs, start, end, ongoing, agreementType, signature, agreementEnd, actionNature,
        amount(budget), amount(share), amount(meae), amount(eu), amount(afd), amount(other), otherCofunders);
  }

  private static BigDecimal amount(String euros) {
    return euros == null ? null : new BigDecimal(euros);
  }
}
