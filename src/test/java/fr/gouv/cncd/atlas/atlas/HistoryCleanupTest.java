package fr.gouv.cncd.atlas.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.referential.LocalAuthority;
import fr.gouv.cncd.atlas.support.AtlasUpdateRun;
import fr.gouv.cncd.atlas.support.Jobs;
import fr.gouv.cncd.atlas.support.PostgresAndSmtpInitializer;
import fr.gouv.cncd.atlas.support.StaffMembers;
import fr.gouv.cncd.atlas.support.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The history a published update leaves in the engine (ACT_HI_* and ACT_GE_BYTEARRAY), without the
 * reference lists its forms showed nor the detail of each variable change; and it goes away with
 * the engine's own history cleanup once its time-to-live (5 years, P1825D on AtlasUpdate) is over,
 * and not a day before; the published Atlas and its documents stay. On a database of its own, with
 * an engine name of its own (leaving the JVM-wide registry afterwards): moving the engine's clock 5
 * years on and cleaning would otherwise empty the history the other tests read.
 */
@Tag("postgres")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "atlas.admin.password=Essai#Pilotage-2026",
    "atlas.data-dir=target/test-data-cleanup",
    "camunda.bpm.process-engine-name=cleanup",
    "camunda.bpm.job-execution.enabled=false"})
@ContextConfiguration(initializers = HistoryCleanupTest.OwnDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryCleanupTest {

  static final String PASSWORD = "Jumelage#Brest-Denver1";
  static final Duration TIME_TO_LIVE = Duration.ofDays(1825);

  /** What the engine keeps of one process instance, by table and the column naming the instance. */
  static final Map<String, String> HISTORY = new LinkedHashMap<>();

  static {
    HISTORY.put("act_hi_procinst", "proc_inst_id_");
    HISTORY.put("act_hi_actinst", "root_proc_inst_id_");
    HISTORY.put("act_hi_taskinst", "root_proc_inst_id_");
    HISTORY.put("act_hi_varinst", "root_proc_inst_id_");
    HISTORY.put("act_hi_detail", "root_proc_inst_id_");
    HISTORY.put("act_hi_identitylink", "root_proc_inst_id_");
    HISTORY.put("act_hi_job_log", "root_proc_inst_id_");
    HISTORY.put("act_ge_bytearray", "root_proc_inst_id_");
  }

  public static class OwnDatabase extends PostgresAndSmtpInitializer {
    @Override
    protected String databaseUrl() {
      return TestDatabase.urlOfOwn("cleanup");
    }
  }

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired AtlasPublication publication;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void backToNow() {
    ClockUtil.reset();
  }

  @AfterAll
  void leaveTheEngineRegistry() {
    ProcessEngines.unregister(engine);
  }

  @Test
  void theHistoryOfAPublishedUpdateIsRemovedAfterFiveYearsAndNotBefore() {
    String brest = "commune-29019";
    publication.publishDirectly(brest, DemoAtlas.saintMalo(), "daect");
    String agent = agentOf(brest);
    AtlasUpdateRun run = new AtlasUpdateRun(runtime, tasks, forms, identity, agent,
        List.of("collectivites", LocalAuthority.groupIdOf(brest))).start();
    String instanceId = run.processInstanceId();
    run.validatedWithPhone(DemoAtlas.saintMalo().coordinates(), "02 98 00 00 00");
    Jobs.runAll(management);
    run.submit(Map.of()); // « Terminer » on « Compte-rendu à télécharger »
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();

    // What it keeps: not the reference lists its forms showed (the application keeps them), nor the
    // detail of each change of a variable (the draft and the versions keep who changed the Atlas and
    // when); what each submitted form sent, each variable's last value, its tasks and who did them.
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(instanceId)
        .variableNameIn("countryOptions", "themeOptions", "sdgOptions", "networkCatalogue", "actionNatureOptions").count())
        .as("reference lists in the history").isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(instanceId).variableName("coordinatesPhone")
        .singleResult().getValue()).isEqualTo("02 98 00 00 00");
    assertThat(history.createHistoricDetailQuery().processInstanceId(instanceId).variableUpdates().count())
        .as("details of variable changes").isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(instanceId).formFields().count())
        .as("what each submitted form sent (kept)").isPositive();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instanceId).taskAssignee(agent).finished()
        .count()).isEqualTo(9);

    Map<String, Integer> written = rowsOf(instanceId);
    assertThat(written).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
    Instant ended = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getEndTime().toInstant();
    Instant removal = jdbc.queryForObject("select removal_time_ from act_hi_procinst where proc_inst_id_ = ?",
        Timestamp.class, instanceId).toInstant();
    assertThat(removal).as("removal time: the end plus the time-to-live").isEqualTo(ended.plus(TIME_TO_LIVE));
    assertThat(jdbc.queryForObject("select count(*) from act_ge_bytearray where root_proc_inst_id_ = ?"
        + " and (removal_time_ is null or removal_time_ <> ?)", Integer.class, instanceId, Timestamp.from(removal)))
        .as("byte arrays of the instance without its removal time").isZero();

    // A day before the end of its time-to-live, the cleanup leaves it.
    cleanUpAt(removal.minus(Duration.ofDays(1)));
    assertThat(rowsOf(instanceId)).isEqualTo(written);

    // A day after, the cleanup removes all of it; what was published stays.
    cleanUpAt(removal.plus(Duration.ofDays(1)));
    assertThat(rowsOf(instanceId)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    assertThat(jdbc.queryForObject("select count(*) from atlas_version where local_authority_id = ?", Integer.class,
        brest)).isEqualTo(2);
    assertThat(jdbc.queryForList("select d.kind from atlas_document d join atlas_version v on v.id = d.version_id"
        + " where v.local_authority_id = ? order by d.kind", String.class, brest)).containsExactly("ATTESTATION", "REPORT");
  }

  /** The engine's history cleanup job (the one Cockpit shows), run now at this moment. */
  private void cleanUpAt(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
    Job cleanup = history.cleanUpHistoryAsync(true);
    management.executeJob(cleanup.getId());
  }

  private Map<String, Integer> rowsOf(String instanceId) {
    Map<String, Integer> rows = new LinkedHashMap<>();
    HISTORY.forEach((table, column) -> rows.put(table, jdbc.queryForObject(
        "select count(*) from " + table + " where " + column + " = ?", Integer.class, instanceId)));
    return rows;
  }

  private String agentOf(String localAuthorityId) {
    return StaffMembers.agentOf(identity, localAuthorityId, null, "Yann", "Le Bihan", PASSWORD);
  }

}
