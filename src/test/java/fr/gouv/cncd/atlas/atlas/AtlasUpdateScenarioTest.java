package fr.gouv.cncd.atlas.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Contact;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ContactDomain;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ContactQuality;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Civility;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Coordinates;
import fr.gouv.cncd.atlas.atlas.AtlasContent.NetworkMembership;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Project;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectKind;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ProjectStatus;
import fr.gouv.cncd.atlas.support.EngineCaller;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.PostgresApplicationTest;
import fr.gouv.cncd.atlas.support.Mails;
import fr.gouv.cncd.atlas.support.TasklistForms;
import fr.gouv.cncd.atlas.support.TestMailServer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An Atlas update as a collectivité's agent lives it, in production mode (PostgreSQL): every call
 * is one Tasklist makes through the webapps' API with the agent's session (start form, task list,
 * deployed form, form variables, submit-form with Tasklist's typing of values). Every section is
 * changed; step 8 lists exactly those changes; nothing is published before « Valider », and the
 * published version is then the draft, exactly.
 */
@PostgresApplicationTest
class AtlasUpdateScenarioTest {

  static final String PASSWORD = "Jumelage#Rennes-Erlangen1";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired AtlasPublication publication;
  @Autowired AtlasUpdates updates;
  @Autowired JdbcTemplate jdbc;

  @Test
  void agentUpdatesEverySectionThroughTasklistAndOnlyValidationPublishesIt() throws Exception {
    String bruz = "commune-35047";
    assertThat(publication.publishDirectly(bruz, DemoAtlas.rennes(), "daect")).isEqualTo(1);
    String agent = agentOf(identity, bruz, "Bruz");
    TasklistForms tasklist = new TasklistForms(EngineCaller.webapp(port, "tasklist", agent, PASSWORD));
    String instanceId = started(tasklist);

    // Step 1: the collectivité comes from the agent's account.
    TasklistForms.Task task = step(tasklist, instanceId, "Task_ReadPresentation", "ReadPresentation");
    assertThat(task.assignee()).isEqualTo(agent);
    assertThat(task.text("localAuthorityLabel")).isEqualTo("Bruz — Commune — 35 Ille-et-Vilaine (INSEE 35047)");
    assertThat(task.text("draftStatus")).startsWith("Brouillon commencé le ").contains("(" + agent + ")")
        .endsWith("Rien n'est publié avant l'étape 8.");
    String draftId = task.text("atlasUpdateId");
    assertThat(draftId).isEqualTo(runtime.getVariable(instanceId, "atlasUpdateId"));
    submitted(tasklist.submit(task, Map.of()));

    // Step 2: the published coordinates, pre-filled; a faulty e-mail is refused in French.
    task = step(tasklist, instanceId, "Task_EditCoordinates", "EditCoordinates");
    assertThat(task.text("coordinatesAddress")).isEqualTo("Hôtel de Ville\nPlace de la Mairie\nCS 63126");
    assertThat(task.text("coordinatesPostalCode")).isEqualTo("35031");
    assertThat(task.text("coordinatesTown")).isEqualTo("Rennes");
    assertThat(task.text("coordinatesPhone")).isEqualTo("0223621010");
    assertThat(task.text("coordinatesEmail")).isEqualTo("relations-internationales@ville-rennes.example.org");
    assertThat(task.text("coordinatesWebsite")).isEqualTo("https://metropole.rennes.fr");
    assertThat(task.text("coordinatesService")).isEqualTo("Direction des relations internationales et européennes");
    java.time.Instant savedAt = updates.draft(draftId).getUpdatedAt();
    EngineCaller.Answer refused = tasklist.submit(task, Map.of("coordinatesEmail", "pas-une-adresse"));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).get("message").asText()).isEqualTo("Ce formulaire n'est pas enregistré."
        + " Courriel générique : adresse invalide (par exemple international@mairie-exemple.fr).");
    assertThat(refused.body()).doesNotContain("Cannot submit task form").doesNotContain("org.camunda")
        .doesNotContain(task.id());
    assertThat(tasklist.task(instanceId).id()).as("the task stays open").isEqualTo(task.id());
    assertThat(updates.content(draftId)).as("the draft is unchanged").isEqualTo(DemoAtlas.rennes());
    assertThat(updates.draft(draftId).getUpdatedAt()).isEqualTo(savedAt);
    submitted(tasklist.submit(task, values("coordinatesPhone", "02 99 05 45 45",
        "coordinatesWebsite", "https://www.ville-bruz.fr")));

    // Step 3: the three contacts; one modified, one added, one deleted.
    task = step(tasklist, instanceId, "Task_ListContacts", "ListContacts");
    assertThat(task.text("contactCount")).isEqualTo("3 contacts");
    assertThat(task.rows("contactRows")).containsExactly(
        Map.of("name", "Mme Anne Le Goff", "function", "Adjointe aux relations internationales", "quality", "Élu(e)",
            "email", "anne.legoff@ville-rennes.example.org", "phone", "0223621101",
            "domains", "Relations internationales, Coopération décentralisée"),
        Map.of("name", "M. Thomas Morvan", "function", "Directeur des relations internationales et européennes",
            "quality", "Cadre territorial", "email", "thomas.morvan@ville-rennes.example.org", "phone", "0223621102",
            "domains", "Relations internationales, Affaires européennes"),
        Map.of("name", "Mme Soizic Nicolas", "function", "Chargée de mission coopération décentralisée",
            "quality", "Cadre territorial", "email", "soizic.nicolas@ville-rennes.example.org", "phone", "0223621103",
            "domains", "Coopération décentralisée"));
    submitted(tasklist.submit(task, values("contactAction", "MODIFY", "contactChoice", "demo-rennes-contact-2")));
    task = step(tasklist, instanceId, "Task_EditContact", "EditContact");
    assertThat(task.text("sheetTitle")).isEqualTo("Modifier : M. Thomas Morvan");
    assertThat(task.text("contactEmail")).isEqualTo("thomas.morvan@ville-rennes.example.org");
    assertThat(task.value("contactDomains")).containsExactly(JSON.valueToTree("INTERNATIONAL_RELATIONS"),
        JSON.valueToTree("EUROPEAN_AFFAIRS"));
    submitted(tasklist.submit(task, values("contactFunction", "Directeur général adjoint chargé de l'international")));
    task = step(tasklist, instanceId, "Task_ListContacts", "ListContacts");
    assertThat(task.rows("contactRows")).extracting(r -> r.get("function"))
        .contains("Directeur général adjoint chargé de l'international");
    submitted(tasklist.submit(task, values("contactAction", "ADD")));
    task = step(tasklist, instanceId, "Task_EditContact", "EditContact");
    assertThat(task.text("sheetTitle")).isEqualTo("Nouveau contact");
    assertThat(task.text("contactLastName")).isNull();
    submitted(tasklist.submit(task, values("contactCivility", "MME", "contactLastName", "Le Bihan",
        "contactFirstName", "Gwenaëlle", "contactFunction", "Conseillère municipale déléguée à la solidarité internationale",
        "contactQuality", "ELECTED", "contactEmail", "gwenaelle.lebihan@ville-bruz.example.org",
        "contactPhone", "02 99 05 44 00", "contactDomains", List.of("INTERNATIONAL_RELATIONS", "DECENTRALIZED_COOPERATION"))));
    task = step(tasklist, instanceId, "Task_ListContacts", "ListContacts");
    assertThat(task.text("contactCount")).isEqualTo("4 contacts");
    submitted(tasklist.submit(task, values("contactAction", "DELETE", "contactChoice", "demo-rennes-contact-3")));
    task = step(tasklist, instanceId, "Task_ListContacts", "ListContacts");
    assertThat(task.rows("contactRows")).extracting(r -> r.get("name"))
        .containsExactly("Mme Anne Le Goff", "M. Thomas Morvan", "Mme Gwenaëlle Le Bihan");
    submitted(tasklist.submit(task, values("contactAction", "NEXT")));

    // Step 4: read only; Bruz declared nothing.
    task = step(tasklist, instanceId, "Task_ReadOdaAmounts", "ReadOdaAmounts");
    assertThat(task.rows("odaRows")).isEmpty();
    assertThat(task.text("odaSummary")).isEqualTo(
        "Aucune déclaration d'aide publique au développement n'est enregistrée pour votre collectivité.");
    submitted(tasklist.submit(task, Map.of()));

    // Step 5: AIMF joined in 2010, AFCCRE left.
    task = step(tasklist, instanceId, "Task_ListNetworks", "ListNetworks");
    assertThat(task.text("networkCount")).isEqualTo("2 adhésions");
    assertThat(task.rows("networkRows")).containsExactly(Map.of("name", "Cités Unies France", "yearJoined", "1998"),
        Map.of("name", "Association française du Conseil des communes et régions d'Europe", "yearJoined", "1985"));
    submitted(tasklist.submit(task, values("networkAction", "ADD")));
    task = step(tasklist, instanceId, "Task_EditNetworkMembership", "EditNetworkMembership");
    assertThat(task.text("sheetTitle")).isEqualTo("Nouvelle adhésion");
    submitted(tasklist.submit(task, values("networkCode", "AIMF", "networkYearJoined", 2010)));
    task = step(tasklist, instanceId, "Task_ListNetworks", "ListNetworks");
    submitted(tasklist.submit(task, values("networkAction", "DELETE", "networkChoice", "demo-rennes-network-2")));
    task = step(tasklist, instanceId, "Task_ListNetworks", "ListNetworks");
    assertThat(task.rows("networkRows")).containsExactly(Map.of("name", "Cités Unies France", "yearJoined", "1998"),
        Map.of("name", "Association internationale des maires francophones", "yearJoined", "2010"));
    submitted(tasklist.submit(task, values("networkAction", "NEXT")));

    // Step 6: a coopération with Sénégal (all four sub-sections), a title corrected, one archived.
    task = step(tasklist, instanceId, "Task_ListCooperations", "ListCooperations");
    assertThat(task.text("cooperationCount")).isEqualTo("3 projets actifs");
    assertThat(task.rows("cooperationRows")).extracting(r -> r.get("reference") + " " + r.get("country") + " " + r.get("status"))
        .containsExactly("1 Algérie Actif", "2 Allemagne Actif", "3 Mali Actif");
    submitted(tasklist.submit(task, values("cooperationAction", "ADD")));
    task = step(tasklist, instanceId, "Task_EditCooperation", "EditCooperation");
    assertThat(task.text("sheetTitle")).isEqualTo("Nouvelle coopération décentralisée");
    submitted(tasklist.submit(task, values(
        "projectCountry", "SN", "projectPartnerAuthority", "Ville de Ziguinchor", "projectPartnerLevel", "MUNICIPALITY",
        "projectOtherPartners", "Association Bretagne–Casamance",
        "projectTitle", "Gestion des déchets et assainissement à Ziguinchor",
        "projectDescription", "Appui technique à la collecte des déchets et à l'assainissement des quartiers.",
        "projectThemes", List.of("WATER_SANITATION", "ENVIRONMENT_CLIMATE_ENERGY"), "projectSdgs", List.of("ODD6", "ODD11"),
        "projectStartDate", "2025-01-15", "projectOngoing", false, "projectEndDate", "2027-12-31",
        "projectAgreementType", "CONVENTION", "projectSignatureDate", "2024-11-20", "projectAgreementEnd", "2027-12-31",
        "projectTotalBudget", 120000, "projectOwnShare", 45000.5, "projectCofundingMeae", 30000,
        "projectCofundingEu", 20000, "projectCofundingAfd", 10000, "projectCofundingOther", 5000,
        "projectOtherCofunders", "Région Bretagne")));
    task = step(tasklist, instanceId, "Task_ListCooperations", "ListCooperations");
    assertThat(task.text("cooperationCount")).isEqualTo("4 projets actifs");
    submitted(tasklist.submit(task, values("cooperationAction", "MODIFY", "cooperationChoice", "demo-rennes-project-2")));
    task = step(tasklist, instanceId, "Task_EditCooperation", "EditCooperation");
    assertThat(task.text("sheetTitle")).isEqualTo("Modifier : N° 2 — Jumelage Rennes–Erlangen");
    assertThat(task.text("projectCountry")).isEqualTo("DE");
    assertThat(task.value("projectOngoing").booleanValue()).isTrue();
    assertThat(task.text("projectSignatureDate")).isEqualTo("1964-06-01");
    assertThat(task.value("projectTotalBudget").doubleValue()).isEqualTo(40000.0);
    submitted(tasklist.submit(task, values("projectTitle", "Jumelage et échanges Rennes–Erlangen")));
    task = step(tasklist, instanceId, "Task_ListCooperations", "ListCooperations");
    submitted(tasklist.submit(task, values("cooperationAction", "ARCHIVE", "cooperationChoice", "demo-rennes-project-3")));
    task = step(tasklist, instanceId, "Task_ListCooperations", "ListCooperations");
    assertThat(task.text("cooperationCount")).isEqualTo("3 projets actifs, 1 archivé");
    assertThat(task.rows("cooperationRows")).extracting(r -> r.get("reference") + " " + r.get("status"))
        .containsExactly("1 Actif", "2 Actif", "6 Actif", "3 Archivé");
    submitted(tasklist.submit(task, values("cooperationAction", "NEXT")));

    // Step 7: an autre action extérieure added.
    task = step(tasklist, instanceId, "Task_ListExternalActions", "ListExternalActions");
    assertThat(task.rows("externalActionRows")).extracting(r -> r.get("reference")).containsExactly("4", "5");
    submitted(tasklist.submit(task, values("externalActionAction", "ADD")));
    task = step(tasklist, instanceId, "Task_EditExternalAction", "EditExternalAction");
    assertThat(task.text("sheetTitle")).isEqualTo("Nouvelle action extérieure");
    submitted(tasklist.submit(task, values("projectCountry", "LB",
        "projectTitle", "Mission d'expertise sur l'eau potable à Tripoli",
        "projectDescription", "Deux ingénieurs de la régie des eaux en mission auprès du service des eaux de Tripoli.",
        "projectThemes", List.of("WATER_SANITATION"), "projectSdgs", List.of("ODD6"),
        "projectStartDate", "2025-03-03", "projectEndDate", "2025-03-14", "projectActionNature", "EXPERTISE",
        "projectTotalBudget", 15000, "projectOwnShare", 12000, "projectCofundingMeae", 3000)));
    task = step(tasklist, instanceId, "Task_ListExternalActions", "ListExternalActions");
    assertThat(task.text("externalActionCount")).isEqualTo("3 projets actifs");
    submitted(tasklist.submit(task, values("externalActionAction", "NEXT")));

    // Step 8: the recap lists exactly these changes, in French.
    task = step(tasklist, instanceId, "Task_ValidateUpdate", "ValidateUpdate");
    assertThat(task.text("recapSummary")).isEqualTo("""
        Coordonnées : 2 champs modifiés.
        Élus et cadres : 1 ajouté, 1 modifié, 1 supprimé.
        Associations et réseaux : 1 ajouté, 1 supprimé.
        Coopérations décentralisées : 1 ajouté, 1 modifié, 1 archivé.
        Autres actions extérieures : 1 ajouté.""");
    assertThat(task.rows("recapRows")).containsExactly(
        change("Coordonnées", "Coordonnées", "Modifié", "Téléphone", "0223621010", "0299054545"),
        change("Coordonnées", "Coordonnées", "Modifié", "Site internet", "https://metropole.rennes.fr",
            "https://www.ville-bruz.fr"),
        change("Élus et cadres", "M. Thomas Morvan", "Modifié", "Fonction ou titre",
            "Directeur des relations internationales et européennes", "Directeur général adjoint chargé de l'international"),
        change("Élus et cadres", "Mme Gwenaëlle Le Bihan", "Ajouté", "", "", ""),
        change("Élus et cadres", "Mme Soizic Nicolas", "Supprimé", "", "", ""),
        change("Associations et réseaux", "Association internationale des maires francophones", "Ajouté", "", "", ""),
        change("Associations et réseaux", "Association française du Conseil des communes et régions d'Europe",
            "Supprimé", "", "", ""),
        change("Coopérations décentralisées", "N° 2 — Jumelage et échanges Rennes–Erlangen", "Modifié", "Titre",
            "Jumelage Rennes–Erlangen", "Jumelage et échanges Rennes–Erlangen"),
        change("Coopérations décentralisées", "N° 3 — Accès à l'eau potable dans la commune de Dioro", "Archivé",
            "", "", ""),
        change("Coopérations décentralisées", "N° 6 — Gestion des déchets et assainissement à Ziguinchor", "Ajouté",
            "", "", ""),
        change("Autres actions extérieures", "N° 7 — Mission d'expertise sur l'eau potable à Tripoli", "Ajouté",
            "", "", ""));
    assertThat(task.value("conflict").booleanValue()).isFalse();
    assertThat(task.text("conflictSummary")).isEmpty();
    assertThat(task.rows("conflictRows")).extracting(r -> r.get("change")).containsOnly("Aucune modification");

    // Nothing is published yet; the draft holds every change.
    PublishedAtlas before = updates.published(bruz);
    assertThat(before.version()).isEqualTo(1);
    assertThat(before.content()).isEqualTo(DemoAtlas.rennes());
    AtlasContent draft = updates.content(draftId);
    assertThat(draft).isEqualTo(expectedDraft(draft));

    submitted(tasklist.submit(task, values("validationChoice", "VALIDATE")));
    assertThat(updates.draft(draftId).getStatus()).isEqualTo(DraftStatus.VALIDATED);
    assertThat(updates.published(bruz).version()).as("published by the job only").isEqualTo(1);

    Jobs.runAll(management);
    PublishedAtlas published = updates.published(bruz);
    assertThat(published.version()).isEqualTo(2);
    assertThat(published.content()).isEqualTo(updates.content(draftId)).isEqualTo(draft);
    assertThat(published.publishedBy()).isEqualTo(agent);
    assertThat(updates.draft(draftId).getStatus()).isEqualTo(DraftStatus.PUBLISHED);
    assertThat(updates.draft(draftId).getPublishedVersion()).isEqualTo(2);
    assertThat(jdbc.queryForObject("select update_id from atlas_version where local_authority_id = ? and number = 2",
        String.class, bruz)).isEqualTo(draftId);
    // The agent who validated gets the receipt (real SMTP), the compte-rendu and the attestation attached.
    List<jakarta.mail.internet.MimeMessage> receipts = TestMailServer.messagesTo(agent + "@mairie.example.fr");
    assertThat(receipts).hasSize(1);
    assertThat(Mails.subject(receipts.get(0))).isEqualTo("[Atlas CNCD] Mise à jour de l'Atlas publiée : Bruz");
    assertThat(Mails.text(receipts.get(0))).contains("Bonjour Morgane Le Gall").contains("(version 2)")
        .contains("http://localhost:8080/verification");
    assertThat(Mails.attachments(receipts.get(0))).containsExactly("compte-rendu-atlas-bruz-version-2.pdf",
        "attestation-atlas-bruz-version-2.pdf");
    // Sent once: the job of the mail step run again sends nothing.
    assertThat(jdbc.queryForObject("select count(*) from sent_mail where mail_key = ?", Integer.class,
        instanceId + ":ServiceTask_SendReceipt")).isEqualTo(1);

    // The last task offers the compte-rendu; « Terminer » ends the update.
    TasklistForms.Task last = tasklist.task(instanceId);
    assertThat(last.taskDefinitionKey()).isEqualTo("Task_DownloadReport");
    assertThat(last.text("reportAddress")).isEqualTo("/api/atlas-updates/" + instanceId + "/report.pdf");
    assertThat(tasklist.submit(last, Map.of()).status()).isEqualTo(204);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_AtlasPublished");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName("publishedVersion")
        .singleResult().getValue()).isEqualTo(2);
  }

  /** What the draft must hold after the scenario's changes (ids of new items taken from it). */
  private static AtlasContent expectedDraft(AtlasContent draft) {
    AtlasContent rennes = DemoAtlas.rennes();
    Coordinates c = rennes.coordinates();
    Contact morvan = rennes.contacts().get(1);
    String newContactId = draft.contacts().get(2).id();
    String newNetworkId = draft.networks().get(1).id();
    List<Project> projects = new ArrayList<>();
    for (Project p : rennes.projects()) {
      if (p.id().equals("demo-rennes-project-2")) {
        projects.add(new Project(p.id(), p.kind(), p.status(), p.reference(), p.country(), p.partnerAuthority(),
            p.partnerLevel(), p.otherPartners(), "Jumelage et échanges Rennes–Erlangen", p.description(), p.themes(),
            p.sdgs(), p.startDate(), p.endDate(), p.ongoing(), p.agreementType(), p.signatureDate(), p.agreementEnd(),
            p.actionNature(), p.totalBudget(), p.ownShare(), p.cofundingMeae(), p.cofundingEu(), p.cofundingAfd(),
            p.cofundingOther(), p.otherCofunders()));
      } else if (p.id().equals("demo-rennes-project-3")) {
        projects.add(p.withStatus(ProjectStatus.ARCHIVED));
      } else {
        projects.add(p);
      }
    }
    projects.add(new Project(draft.projects().get(5).id(), ProjectKind.COOPERATION, ProjectStatus.ACTIVE, 6, "SN",
        "Ville de Ziguinchor", "MUNICIPALITY", "Association Bretagne–Casamance",
        "Gestion des déchets et assainissement à Ziguinchor",
        "Appui technique à la collecte des déchets et à l'assainissement des quartiers.",
        List.of("WATER_SANITATION", "ENVIRONMENT_CLIMATE_ENERGY"), List.of("ODD6", "ODD11"), LocalDate.of(2025, 1, 15),
        LocalDate.of(2027, 12, 31), false, "CONVENTION", LocalDate.of(2024, 11, 20), LocalDate.of(2027, 12, 31), null,
        euros("120000.00"), euros("45000.50"), euros("30000.00"), euros("20000.00"), euros("10000.00"),
        euros("5000.00"), "Région Bretagne"));
    projects.add(new Project(draft.projects().get(6).id(), ProjectKind.EXTERNAL_ACTION, ProjectStatus.ACTIVE, 7, "LB",
        null, null, null, "Mission d'expertise sur l'eau potable à Tripoli",
        "Deux ingénieurs de la régie des eaux en mission auprès du service des eaux de Tripoli.",
        List.of("WATER_SANITATION"), List.of("ODD6"), LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 14), false,
        null, null, null, "EXPERTISE", euros("15000.00"), euros("12000.00"), euros("3000.00"), null, null, null, null));
    return new AtlasContent(
        new Coordinates(c.address(), c.postalCode(), c.town(), "0299054545", c.email(), "https://www.ville-bruz.fr",
            c.internationalService()),
        List.of(rennes.contacts().get(0),
            new Contact(morvan.id(), morvan.civility(), morvan.lastName(), morvan.firstName(),
                "Directeur général adjoint chargé de l'international", morvan.quality(), morvan.email(), morvan.phone(),
                morvan.domains()),
            new Contact(newContactId, Civility.MME, "Le Bihan", "Gwenaëlle",
                "Conseillère municipale déléguée à la solidarité internationale", ContactQuality.ELECTED,
                "gwenaelle.lebihan@ville-bruz.example.org", "0299054400",
                List.of(ContactDomain.INTERNATIONAL_RELATIONS, ContactDomain.DECENTRALIZED_COOPERATION))),
        List.of(rennes.networks().get(0), new NetworkMembership(newNetworkId, "AIMF", null, 2010)),
        projects);
  }

  // ---- Shared with AtlasPublicationTest ----

  /**
   * A fresh agent of the collectivité, as an activated account makes one: member of « collectivites »
   * and of the collectivité's group (its referential id without the dash, type COLLECTIVITE).
   */
  static String agentOf(IdentityService identity, String localAuthorityId, String name) {
    String groupId = localAuthorityId.replace("-", "");
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(name);
      group.setType("COLLECTIVITE");
      identity.saveGroup(group);
    }
    String id = "agent" + groupId.replaceAll("\\D", "") + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    User user = identity.newUser(id);
    user.setFirstName("Morgane");
    user.setLastName("Le Gall");
    user.setEmail(id + "@mairie.example.fr");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, "collectivites");
    identity.createMembership(id, groupId);
    return id;
  }

  /** « Démarrer un processus » › « Mise à jour de l'Atlas », start form left empty (an agent's): the instance id. */
  static String started(TasklistForms tasklist) throws Exception {
    EngineCaller.Answer answer = tasklist.start("AtlasUpdate", Map.of());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).get("id").asText();
  }

  /** The instance's open task, checked to be the expected step with its form. */
  static TasklistForms.Task step(TasklistForms tasklist, String instanceId, String taskKey, String formId) {
    TasklistForms.Task task = tasklist.task(instanceId);
    assertThat(task.taskDefinitionKey()).isEqualTo(taskKey);
    assertThat(task.formRef()).isEqualTo(formId);
    return task;
  }

  /** Goes through steps 1 to 7 changing only the coordinates given; the open step 8. */
  static TasklistForms.Task toValidation(TasklistForms tasklist, String instanceId, Map<String, Object> coordinates) {
    for (int i = 0; i < 20; i++) {
      TasklistForms.Task task = tasklist.task(instanceId);
      Map<String, Object> typed = switch (task.taskDefinitionKey()) {
        case "Task_ValidateUpdate" -> null;
        case "Task_ReadPresentation", "Task_ReadOdaAmounts" -> Map.of();
        case "Task_EditCoordinates" -> coordinates;
        case "Task_ListContacts" -> Map.of("contactAction", "NEXT");
        case "Task_ListNetworks" -> Map.of("networkAction", "NEXT");
        case "Task_ListCooperations" -> Map.of("cooperationAction", "NEXT");
        case "Task_ListExternalActions" -> Map.of("externalActionAction", "NEXT");
        default -> throw new AssertionError("Unexpected step " + task.taskDefinitionKey());
      };
      if (typed == null) {
        return task;
      }
      submitted(tasklist.submit(task, typed));
    }
    throw new AssertionError("Step 8 not reached");
  }

  static void submitted(EngineCaller.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(204);
  }

  /** Keys and values, in order (values may be null). */
  static Map<String, Object> values(Object... keysAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return values;
  }

  static Map<String, String> change(String section, String item, String change, String field, String before,
      String after) {
    return Map.of("section", section, "item", item, "change", change, "field", field, "before", before, "after", after);
  }

  static BigDecimal euros(String amount) {
    return new BigDecimal(amount);
  }

  static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}
