package fr.gouv.cncd.atlas.atlas.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.atlas.AtlasContent;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Contact;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ContactDomain;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ContactQuality;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Civility;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Coordinates;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Project;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectKind;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectStatus;
import fr.gouv.cncd.atlas.atlas.AtlasDraft;
import fr.gouv.cncd.atlas.atlas.AtlasFixtures;
import fr.gouv.cncd.atlas.atlas.AtlasPublication;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The compte-rendu as a collectivité gets it: its text read back from the PDF (PDFBox) says who,
 * when, which version, and exactly the changes of the update, section by section; what users typed
 * comes out as text (markup included), in every script; fonts are embedded; a 500-project Atlas
 * renders. Each test publishes the Atlas of a collectivité no other test uses.
 */
@H2ApplicationTest
class AtlasReportsTest {

  private static final String MARKUP_TITLE = "<b>Coopération</b> « eau » — Saint-Louis & œuvre ’ 5 €";

  @Autowired AtlasUpdates updates;
  @Autowired AtlasPublication publication;
  @Autowired AtlasReports reports;

  @Test
  void theReportSaysWhoWhenWhichVersionAndExactlyWhatChanged() throws IOException {
    String fougeres = "commune-35115";
    publication.publishDirectly(fougeres, AtlasFixtures.rennesLike(), "daect");
    AtlasDraft draft = updates.start(fougeres, "mdupont");
    String id = draft.getId();
    Coordinates coordinates = updates.content(id).coordinates();
    updates.saveCoordinates(id, new Coordinates(coordinates.address(), coordinates.postalCode(), coordinates.town(),
        "02 99 94 88 99", coordinates.email(), coordinates.website(), coordinates.internationalService()), "mdupont");
    updates.saveContact(id, new Contact(null, Civility.MME, "Lefèvre-Œuvray", "Anaïs", "Chargée de mission « Afrique »",
        ContactQuality.OFFICER, "anais.lefevre@example.org", "02 99 94 88 10", List.of(ContactDomain.DECENTRALIZED_COOPERATION)),
        "mdupont");
    updates.deleteNetwork(id, "demo-rennes-network-2", "mdupont");
    updates.saveProject(id, ProjectKind.COOPERATION, cooperation(MARKUP_TITLE, "Сендай 仙台市"), "mdupont");
    updates.setProjectStatus(id, ProjectKind.COOPERATION, "demo-rennes-project-3", ProjectStatus.ARCHIVED, "mdupont",
        "cooperationChoice");
    updates.validate(id, "mdupont");
    assertThat(publication.publish(id)).isEqualTo(AtlasPublication.Outcome.PUBLISHED);

    reports.writeReport(id, user -> user.equals("mdupont") ? "Marie Dupont" : user);
    AtlasDocument report = reports.reportOfUpdate(id).orElseThrow();
    assertThat(reports.report(fougeres, 2).orElseThrow().getId()).isEqualTo(report.getId());
    assertThat(report.getSha256()).isEqualTo(AtlasDocument.sha256(report.getContent())).hasSize(64);
    keep("compte-rendu-fougeres.pdf", report.getContent());

    try (PDDocument pdf = Loader.loadPDF(report.getContent())) {
      String text = text(pdf);
      assertThat(text)
          .contains(squashed("Compte-rendu de la mise à jour de l'Atlas"))
          .contains(squashed("Fougères — Commune — 35 Ille-et-Vilaine (INSEE 35115)"))
          .contains(squashed("Validée et publiée le ")).contains(squashed(" par Marie Dupont"))
          .contains(squashed("version 2 (elle remplace la version 1)"))
          // Coordonnées: one field, old → new
          .contains(squashed("Coordonnées Modifié Téléphone 0223621010 0299948899"))
          // Élus et cadres: added; Associations et réseaux: deleted
          .contains(squashed("Mme Anaïs Lefèvre-Œuvray Ajouté"))
          .contains(squashed("Association française du Conseil des communes et régions d'Europe Supprimé"))
          // Coopérations: the markup typed is printed as text, other scripts intact
          .contains(squashed("N° 6 — " + MARKUP_TITLE + " Ajouté"))
          .contains(squashed("N° 3 — Accès à l'eau potable dans la commune de Dioro Archivé"))
          .contains(squashed("Autres actions extérieures Aucune modification"))
          // The Atlas as published
          .contains(squashed("L'Atlas publié (version 2)"))
          .contains(squashed("Сендай 仙台市"))
          .contains(squashed("Projets actifs (5, et 1 archivé)"))
          .contains(squashed("page 1 sur " + pdf.getNumberOfPages()));
      assertThat(text).doesNotContain(squashed("Jumelage Rennes–Erlangen Modifié"));
      assertThat(pdf.getDocumentInformation().getTitle())
          .isEqualTo("Compte-rendu de la mise à jour de l'Atlas — Fougères — version 2");
      assertThat(pdf.getDocumentInformation().getAuthor()).contains("DAECT");
      assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("fr-FR");
      List<String> fonts = fonts(pdf);
      assertThat(fonts).anyMatch(name -> name.contains("Marianne")).anyMatch(name -> name.contains("DejaVu"))
          .anyMatch(name -> name.contains("DroidSansFallback"));
    }

    // A retried job writes nothing new: the same bytes are downloaded again.
    reports.writeReport(id, user -> "someone else");
    assertThat(reports.reportOfUpdate(id).orElseThrow().getSha256()).isEqualTo(report.getSha256());
  }

  @Test
  void aCollectiviteWithFiveHundredProjectsGetsItsReport() throws IOException {
    String bigOne = "department-22";
    publication.publishDirectly(bigOne, AtlasFixtures.withCooperations(500), "daect");
    AtlasDraft draft = updates.start(bigOne, "agent");
    updates.setProjectStatus(draft.getId(), ProjectKind.COOPERATION, "fixture-cooperation-42", ProjectStatus.ARCHIVED,
        "agent", "cooperationChoice");
    updates.validate(draft.getId(), "agent");
    publication.publish(draft.getId());

    reports.writeReport(draft.getId(), user -> user);

    try (PDDocument pdf = Loader.loadPDF(reports.reportOfUpdate(draft.getId()).orElseThrow().getContent())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(10);
      String text = text(pdf);
      assertThat(text).contains(squashed("N° 42 — Coopération n° 42 — Dschang Archivé"))
          .contains(squashed("Projets actifs (499, et 1 archivé)")).contains(squashed("Coopération n° 500 — Hué"));
      // Each page of the project table repeats its header.
      String last = new PDFTextStripper() {
        {
          setStartPage(pdf.getNumberOfPages());
          setEndPage(pdf.getNumberOfPages());
        }
      }.getText(pdf);
      assertThat(squashed(last)).contains(squashed("N° Type Titre Pays Partenaire Thématiques Dates"))
          .contains(squashed("Coopération n° 500"));
    }
  }

  private static Project cooperation(String title, String partner) {
    return new Project(null, ProjectKind.COOPERATION, ProjectStatus.ACTIVE, null, "JP", partner, "MUNICIPALITY", null,
        title, "Échanges d'agents, « formation » et accès à l'eau.", List.of("WATER_SANITATION"), List.of("ODD6"),
        LocalDate.of(2025, 3, 1), null, true, "CONVENTION", LocalDate.of(2025, 1, 15), null, null,
        new BigDecimal("120000"), new BigDecimal("40000"), null, null, null, null, null);
  }

  /** Keeps a document as a test artefact, to be looked at: target/documents/<name>. */
  static void keep(String name, byte[] content) throws IOException {
    Path folder = Files.createDirectories(Path.of("target/documents"));
    Files.write(folder.resolve(name), content);
  }

  /** The text of the whole document, without white space (table cells wrap their lines anywhere). */
  private static String text(PDDocument pdf) throws IOException {
    return squashed(new PDFTextStripper().getText(pdf));
  }

  private static String squashed(String text) {
    return text.replaceAll("\\s+", "");
  }

  /** The fonts used by the pages, each checked embedded. */
  private static List<String> fonts(PDDocument pdf) throws IOException {
    List<String> names = new ArrayList<>();
    for (PDPage page : pdf.getPages()) {
      for (COSName name : page.getResources().getFontNames()) {
        PDFont font = page.getResources().getFont(name);
        assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
        names.add(font.getName());
      }
    }
    return names;
  }
}
