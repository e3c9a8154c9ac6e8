package fr.gouv.cncd.atlas.atlas;

import static fr.gouv.cncd.atlas.support.Tasklist.EMPTY_TABLE;
import static fr.gouv.cncd.atlas.support.Tasklist.fieldBy;
import static fr.gouv.cncd.atlas.support.Tasklist.rowsNow;
import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.referential.LocalAuthority;
import fr.gouv.cncd.atlas.security.Groups;
import fr.gouv.cncd.atlas.support.AtlasUpdateRun;
import fr.gouv.cncd.atlas.support.Browser;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import fr.gouv.cncd.atlas.support.StaffMembers;
import fr.gouv.cncd.atlas.support.Tasklist;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A collectivité with 300 coopérations décentralisées (a département, as many declare) in the real
 * Tasklist: step 6 lists them ten at a time, the search « parmi les projets déjà déposés » finds
 * one by its number, its partner, its country or its theme, and « Modifier un projet » finds one
 * among the 300 by a few typed letters.
 *
 * <p>Steps 1 to 5 are completed through the engine as the agent (AtlasUpdateBrowserTest drives them
 * in the browser); the collectivité, Ille-et-Vilaine, is used by no other test.
 */
@H2ApplicationTest
class LargeAtlasBrowserTest {

  @RegisterExtension
  static final Browser browser = new Browser(Duration.ofSeconds(30));
  private static final Tasklist tasklist = new Tasklist(browser);

  private static final int PROJECTS = 300;
  private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 30), 36);
  private static final String LOCAL_AUTHORITY = "department-35";
  private static final String AGENT = "ilv" + RUN;
  private static final String PASSWORD = "Coop#Bretagne-2026";
  private static final String COOPERATIONS = "Vos projets de coopération décentralisée";
  private static final String SEARCH = "Rechercher parmi les projets déjà déposés";
  private static final String LIST_STEP = "Étape 6/8 — Coopérations décentralisées";
  private static final String SHEET_STEP = "Étape 6/8 — Fiche projet de coopération";

  private static String group;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;

  @BeforeAll
  static void createAgentAndPublishTheirAtlas(@Autowired IdentityService identity,
      @Autowired LocalAuthorities authorities, @Autowired AtlasPublication publication) {
    LocalAuthority authority = authorities.find(LOCAL_AUTHORITY).orElseThrow();
    group = authority.groupId();
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      Group created = identity.newGroup(group);
      created.setName(authority.getName());
      created.setType(Groups.LOCAL_AUTHORITY_GROUP_TYPE);
      identity.saveGroup(created);
    }
    StaffMembers.create(identity, AGENT, "Gwenaëlle", "Le Du", "gwenaelle.ledu." + RUN + "@example.org", PASSWORD);
    identity.createMembership(AGENT, group);
    publication.publishDirectly(LOCAL_AUTHORITY, AtlasFixtures.withCooperations(PROJECTS), "daect");
  }

  @AfterEach
  void cancelWhatIsLeft() {
    identity.clearAuthentication();
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey("AtlasUpdate")
        .variableValueEquals("localAuthorityId", LOCAL_AUTHORITY).list()) {
      runtime.deleteProcessInstance(instance.getId(), "LargeAtlasBrowserTest: cleaning up");
    }
  }

  @Test
  void threeHundredProjectsAreListedTenAtATimeAndFoundBySearch() {
    AtlasUpdateRun run = new AtlasUpdateRun(runtime, tasks, forms, identity, AGENT,
        List.of(Groups.LOCAL_AUTHORITY_STAFF, group)).start().toCooperations(AtlasFixtures.rennesLike().coordinates());
    Task list = run.currentTask();
    assertThat(list.getName()).isEqualTo(LIST_STEP);

    browser.logIntoWebapp("http://localhost:" + port + "/camunda/app/tasklist/", AGENT, PASSWORD);
    browser.waitLoggedIntoWebapp("Gwenaëlle Le Du");
    tasklist.openFilter("Mise à jour de l'Atlas",
        filters.createFilterQuery().filterName("Mise à jour de l'Atlas").singleResult().getId());
    tasklist.openTask(list);
    tasklist.waitTaskShown(list, LIST_STEP);

    // Ten rows a page, 30 pages, in French.
    assertThat(tasklist.fieldValue("Nombre de projets")).isEqualTo(PROJECTS + " projets actifs");
    assertThat(tasklist.tableRows(COOPERATIONS)).hasSize(10);
    assertThat(tasklist.tablePagination(COOPERATIONS)).isEqualTo("1 sur 30");
    tasklist.scrollIntoView(browser.driver().findElement(fieldBy(COOPERATIONS)));
    browser.screenshot("LargeAtlasBrowserTest.list");

    // By its number: one project.
    search("n° 237");
    List<List<String>> found = waitRows(1, row -> row.get(0).equals("237"));
    assertThat(found.get(0)).containsExactly("237", "Coopération n° 237 — Dschang", "Cameroun", "Commune de Dschang",
        "Environnement, climat et énergie", "Actif");
    // By its partner, its country, its theme: every twentieth project, on two pages.
    search("saint-louis");
    waitRows(10, row -> row.get(3).equals("Ville de Saint-Louis"));
    assertThat(tasklist.tablePagination(COOPERATIONS)).isEqualTo("1 sur 2");
    search("CAMBODGE");
    waitRows(10, row -> row.get(2).equals("Cambodge"));
    search("numérique");
    waitRows(10, row -> row.get(4).equals("Numérique"));
    assertThat(tasklist.tablePagination(COOPERATIONS)).isEqualTo("1 sur 3");
    // Nothing found, said in French.
    search("Tombouctou");
    browser.waitUntil(d -> {
      List<List<String>> rows = rowsNow(d, COOPERATIONS);
      return rows != null && rows.isEmpty();
    });
    assertThat(tasklist.formText()).contains(EMPTY_TABLE).doesNotContain("Nothing to show");
    tasklist.clearField(fieldBy(SEARCH));
    waitRows(10, row -> true);

    // « Modifier un projet »: a few letters find it among the 300.
    tasklist.chooseOption("Modifier un projet");
    String entry = "N° 237 — Coopération n° 237 — Dschang (Cameroun)";
    assertThat(tasklist.searchableEntries("Projet", "237")).containsExactly(entry);
    assertThat(tasklist.searchableEntries("Projet", "Atlantide")).isEmpty();
    assertThat(browser.driver().findElement(By.cssSelector(".fjs-dropdownlist")).getText()).isEqualTo("Aucun résultat");
    tasklist.pickSearchable("Projet", "237", entry);
    tasklist.complete();
    tasklist.waitLeft(list);
    Task sheet = run.currentTask();
    assertThat(sheet.getName()).isEqualTo(SHEET_STEP);
    tasklist.openTask(sheet);
    tasklist.waitTaskShown(sheet, SHEET_STEP);
    assertThat(tasklist.fieldValue("Fiche")).isEqualTo("Modifier : N° 237 — Coopération n° 237 — Dschang");
    assertThat(tasklist.fieldValue("Titre")).isEqualTo("Coopération n° 237 — Dschang");
    assertThat(tasklist.fieldValue("Collectivité partenaire")).isEqualTo("Commune de Dschang");
    browser.screenshot("LargeAtlasBrowserTest.sheet");
  }

  private void search(String text) {
    tasklist.typeInto(fieldBy(SEARCH), text);
  }

  /**
   * Waits until the table shows that many rows, each one as expected, and returns them: form-js
   * filters the table a moment after each key typed, so a table read too early is another search's.
   */
  private List<List<String>> waitRows(int count, Predicate<List<String>> expected) {
    return browser.waitUntil(d -> {
      List<List<String>> rows = rowsNow(d, COOPERATIONS);
      return rows != null && rows.size() == count && rows.stream().allMatch(expected) ? rows : null;
    });
  }
}
