package fr.gouv.cncd.atlas.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.cncd.atlas.AtlasApplication;
import fr.gouv.cncd.atlas.atlas.report.AtlasReports;
import fr.gouv.cncd.atlas.atlas.report.PdfRenderer;
import fr.gouv.cncd.atlas.atlas.report.ReportBench;
import fr.gouv.cncd.atlas.referential.LocalAuthority;
import fr.gouv.cncd.atlas.referential.SearchBenchmark;
import fr.gouv.cncd.atlas.support.EngineCaller;
import fr.gouv.cncd.atlas.support.StaffMembers;
import fr.gouv.cncd.atlas.support.TasklistForms;
import fr.gouv.cncd.atlas.support.TestDatabase;
import fr.gouv.cncd.atlas.support.TestMailServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmarks of the README's « Performance et fiabilité » (a program, never a test): the whole
 * application in production mode on a PostgreSQL database of its own (ATLAS_TEST_PG_* as for the
 * tests, database {@code <ATLAS_TEST_PG_DATABASE>_bench}), job executor on, mails to an in-process
 * SMTP server; every figure is from this one run and printed as a Markdown table:
 * <ol>
 * <li>task completions per second of the Atlas update over HTTP as Tasklist calls it (webapp
 *     session, each step's form and variables loaded, then submit-form), whole updates with real
 *     edits (phone, a contact added), validation, publication and the compte-rendu task, at 1, 4
 *     and 16 users; next to it pgbench (TPC-B) at the same client counts, and the ratio;</li>
 * <li>latency of one completion at 32 users (p50, p95, p99);</li>
 * <li>the compte-rendu step for 5, 50 and 500 projects, warm, next to a bare Flying Saucer render
 *     of the same XHTML;</li>
 * <li>referential search at 1 and 8 clients;</li>
 * <li>a campaign: one update started for each of 5,000 collectivités, then Tasklist's filter
 *     counts with 5,000 open updates;</li>
 * <li>history written per completed update (ACT_HI_*, ACT_GE_BYTEARRAY).</li>
 * </ol>
 * Run: {@code scripts/benchmark/run.sh} (or see its two commands). Options: -Dbench.seconds=20.
 */
public final class AtlasBenchmark {

  static final String PASSWORD = "Charge#Reseau-Atlas2026";
  static final ObjectMapper JSON = new ObjectMapper();
  static final int SECONDS = Integer.getInteger("bench.seconds", 20);
  static final int CAMPAIGN = Integer.getInteger("bench.campaign", 5000);
  static final String PGBENCH = TestDatabase.NAME + "_pgbench";

  private final ConfigurableApplicationContext context;
  private final int port;
  private final JdbcTemplate jdbc;
  private final List<String> lines = new ArrayList<>();

  private AtlasBenchmark(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    this.jdbc = context.getBean(JdbcTemplate.class);
  }

  public static void main(String[] args) throws Exception {
    String database = TestDatabase.urlOfOwn("bench");
    // Command-line arguments: they override the production profile's settings.
    String[] settings = {
        "--server.port=0",
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=" + TestDatabase.USER,
        "--spring.datasource.password=" + TestDatabase.PASSWORD,
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + TestMailServer.port(),
        "--atlas.admin.password=Essai#Pilotage-2026",
        "--atlas.data-dir=target/bench-data",
        "--atlas.throttle.per-address.requests=100000000",
        "--atlas.security.login.free-failures-per-address=100000000"};
    int status = 1;
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AtlasApplication.class)
        .profiles("postgres").run(settings)) {
      new AtlasBenchmark(context).run();
      status = 0;
    } catch (Exception | Error e) {
      e.printStackTrace();
    } finally {
      TestMailServer.stop();
      System.exit(status);
    }
  }

  private void run() throws Exception {
    String cores = String.valueOf(Runtime.getRuntime().availableProcessors());
    line("Atlas CNCD — mesures du " + Instant.now() + " sur " + cores + " cœurs (application, PostgreSQL "
        + jdbc.queryForObject("show server_version", String.class) + " et clients sur la même machine)");
    line("");
    List<Agent> agents = agents(32);
    line("| Mesure | Valeur | Cible |");
    line("|---|---|---|");
    long historyBefore = historyBytes();
    int updatesBefore = publishedUpdates();
    for (int users : new int[] {1, 4, 16}) {
      Load load = load(agents.subList(0, users), SECONDS);
      Pgbench pgbench = pgbench(users);
      line(String.format(Locale.ROOT, "| 1. Complétions de tâches/s, %d utilisateur(s) (pgbench TPC-B : %.0f tps) | %.1f/s"
          + " (%.3f × pgbench) | ≥ 0,20 × pgbench |", users, pgbench.tps(), load.perSecond(),
          load.perSecond() / pgbench.tps()));
      if (users == 16) {
        Counters step = load.used().per(load.completions());
        Counters transaction = pgbench.used().per(pgbench.transactions());
        line(String.format(Locale.ROOT, "| 1. Coût d'une complétion, 16 utilisateurs (pgbench : d'une transaction) |"
                + " %.1f transactions, %.0f lignes lues, %.0f lignes écrites, %.1f ms de processeur de la JVM (pgbench :"
                + " %.1f, %.0f, %.0f) | |", step.commits(), step.rowsRead(), step.rowsWritten(), step.cpuMillis(),
            transaction.commits(), transaction.rowsRead(), transaction.rowsWritten()));
      }
    }
    int updatesAfter = publishedUpdates();
    long historyAfter = historyBytes();
    Load latency = load(agents, SECONDS);
    line(String.format(Locale.ROOT, "| 2. Latence d'une complétion, 32 utilisateurs (%d complétions) | p50 %.0f ms,"
            + " p95 %.0f ms, p99 %.0f ms | p95 < 100 ms |", latency.latencies().size(), latency.percentile(50),
        latency.percentile(95), latency.percentile(99)));
    for (int projects : new int[] {5, 50, 500}) {
      reports(projects);
    }
    search(1);
    search(8);
    line(String.format(Locale.ROOT, "| 6. Historique écrit par mise à jour publiée (%d mises à jour) | %.0f Ko | ≤ 200 Ko |",
        updatesAfter - updatesBefore, (historyAfter - historyBefore) / 1024.0 / Math.max(1, updatesAfter - updatesBefore)));
    campaign(CAMPAIGN);
    System.out.println();
    lines.forEach(System.out::println);
  }

  // --- 1, 2: whole updates through Tasklist's HTTP calls

  record Agent(String username, String localAuthorityId) {}

  record Load(int completions, double seconds, List<Double> latencies, Counters used) {
    double perSecond() {
      return completions / seconds;
    }

    double percentile(int percent) {
      List<Double> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
  }

  private List<Agent> agents(int count) {
    IdentityService identity = context.getBean(IdentityService.class);
    AtlasPublication publication = context.getBean(AtlasPublication.class);
    List<Agent> agents = new ArrayList<>();
    for (String id : jdbc.queryForList("select id from local_authority where type = 'COMMUNE' and department_code = '56'"
        + " order by id limit ?", String.class, count)) {
      String username = StaffMembers.agentOf(identity, id, "mesure" + id.replaceAll("\\D", ""), "Anaïs", "Kerbrat",
          PASSWORD);
      publication.publishDirectly(id, DemoAtlas.saintMalo(), "daect");
      agents.add(new Agent(username, id));
    }
    return agents;
  }

  /** Each agent makes whole updates, one after the other, for this long; every submit-form is timed. */
  private Load load(List<Agent> agents, int seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(agents.size());
    List<TasklistForms> sessions = new ArrayList<>();
    for (Agent agent : agents) {
      sessions.add(new TasklistForms(EngineCaller.webapp(port, "tasklist", agent.username(), PASSWORD)));
    }
    Counters before = counters(null); // after the logins: their password hashing is not the steps' work
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger completions = new AtomicInteger();
    ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
    List<Future<?>> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < agents.size(); i++) {
      TasklistForms tasklist = sessions.get(i);
      Agent agent = agents.get(i);
      workers.add(pool.submit(() -> {
        while (running.get()) {
          oneStep(tasklist, agent, running, completions, latencies);
        }
        return null;
      }));
    }
    Thread.sleep(seconds * 1000L);
    running.set(false);
    double elapsed = (System.nanoTime() - start) / 1e9;
    int done = completions.get();
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    return new Load(done, elapsed, new ArrayList<>(latencies), counters(null).minus(before));
  }

  /** The agent's next step: start an update, or complete its open step as a user would. */
  private void oneStep(TasklistForms tasklist, Agent agent, AtomicBoolean running, AtomicInteger completions,
      ConcurrentLinkedQueue<Double> latencies) throws Exception {
    RuntimeService runtime = context.getBean(RuntimeService.class);
    String instanceId = runtime.createProcessInstanceQuery().processDefinitionKey("AtlasUpdate")
        .variableValueEquals("localAuthorityId", agent.localAuthorityId()).active().list().stream()
        .map(instance -> instance.getId()).findFirst().orElse(null);
    if (instanceId == null) {
      EngineCaller.Answer started = tasklist.start("AtlasUpdate", Map.of());
      if (started.status() != 200) {
        Thread.sleep(50); // the previous update is still being published
      }
      return;
    }
    TaskService tasks = context.getBean(TaskService.class);
    if (tasks.createTaskQuery().processInstanceId(instanceId).count() == 0) {
      Thread.sleep(20); // publication and compte-rendu: the job executor's work
      return;
    }
    TasklistForms.Task task = tasklist.task(instanceId);
    Map<String, Object> typed = switch (task.taskDefinitionKey()) {
      case "Task_EditCoordinates" -> Map.of("coordinatesPhone", "02 97 " + (10 + completions.get() % 89) + " 00 00");
      // The first update adds a contact; the next ones go on (the phone changes every time).
      case "Task_ListContacts" -> task.rows("contactRows").stream().anyMatch(r -> r.toString().contains("Mesure"))
          ? Map.of("contactAction", "NEXT") : Map.of("contactAction", "ADD");
      case "Task_EditContact" -> Map.of("contactCivility", "MME", "contactLastName", "Mesure", "contactFirstName", "Anaïs",
          "contactFunction", "Chargée de mission coopération", "contactQuality", "OFFICER",
          "contactEmail", "anais.mesure@mairie.example.fr", "contactPhone", "02 97 00 00 00",
          "contactDomains", List.of("DECENTRALIZED_COOPERATION"));
      case "Task_ListNetworks" -> Map.of("networkAction", "NEXT");
      case "Task_ListCooperations" -> Map.of("cooperationAction", "NEXT");
      case "Task_ListExternalActions" -> Map.of("externalActionAction", "NEXT");
      case "Task_ValidateUpdate" -> Map.of("validationChoice", "VALIDATE");
      default -> Map.of();
    };
    long start = System.nanoTime();
    EngineCaller.Answer answer = tasklist.submit(task, typed);
    double millis = (System.nanoTime() - start) / 1e6;
    if (answer.status() != 204) {
      throw new IllegalStateException(task.taskDefinitionKey() + " refused: " + answer.body());
    }
    if (running.get()) {
      completions.incrementAndGet();
      latencies.add(millis);
    }
  }

  /** What PostgreSQL counted for a database (this application's when null), and this JVM's processor time. */
  record Counters(double commits, double rowsRead, double rowsWritten, double cpuMillis) {
    Counters minus(Counters earlier) {
      return new Counters(commits - earlier.commits, rowsRead - earlier.rowsRead, rowsWritten - earlier.rowsWritten,
          cpuMillis - earlier.cpuMillis);
    }

    Counters per(double count) {
      return new Counters(commits / count, rowsRead / count, rowsWritten / count, cpuMillis / count);
    }
  }

  private Counters counters(String database) throws InterruptedException {
    Thread.sleep(1500); // the statistics of the last transactions reach pg_stat_database within a second
    Map<String, Object> row = jdbc.queryForMap("select xact_commit, tup_fetched, tup_inserted + tup_updated + tup_deleted"
        + " as written from pg_stat_database where datname = coalesce(?, current_database())", database);
    double cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
    return new Counters(((Number) row.get("xact_commit")).longValue(), ((Number) row.get("tup_fetched")).longValue(),
        ((Number) row.get("written")).longValue(), cpu);
  }

  private int publishedUpdates() {
    return jdbc.queryForObject("select count(*) from atlas_version where update_id is not null", Integer.class);
  }

  /** pgbench's scale-10 database, made once per run. */
  private void pgbenchDatabase() throws Exception {
    if (jdbc.queryForObject("select count(*) from pg_database where datname = ?", Integer.class, PGBENCH) == 0) {
      jdbc.execute("create database " + PGBENCH);
      command("pgbench", "-i", "-q", "-s", "10", PGBENCH);
    }
  }

  /** What pgbench did: its rate, its transactions, and what its database counted meanwhile. */
  record Pgbench(double tps, long transactions, Counters used) {}

  /** PostgreSQL's TPC-B at this client count, 10 s, on a scale-10 database of its own. */
  private Pgbench pgbench(int clients) throws Exception {
    pgbenchDatabase();
    Counters before = counters(PGBENCH);
    String output = command("pgbench", "-n", "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)),
        "-T", "10", PGBENCH);
    Counters used = counters(PGBENCH).minus(before);
    Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
    Matcher transactions = Pattern.compile("number of transactions actually processed: ([0-9]+)").matcher(output);
    if (!tps.find() || !transactions.find()) {
      throw new IllegalStateException("pgbench printed no tps or no transaction count: " + output);
    }
    return new Pgbench(Double.parseDouble(tps.group(1)), Long.parseLong(transactions.group(1)), used);
  }

  private static String command(String... command) throws Exception {
    List<String> full = new ArrayList<>(List.of(command));
    full.addAll(1, List.of("-h", System.getenv().getOrDefault("ATLAS_TEST_PG_HOST", "127.0.0.1"),
        "-p", System.getenv().getOrDefault("ATLAS_TEST_PG_PORT", "5432"), "-U", TestDatabase.USER));
    Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      reader.lines().forEach(line -> output.append(line).append('\n'));
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", full) + " failed: " + output);
    }
    return output.toString();
  }

  // --- 3: the compte-rendu

  private void reports(int projects) throws Exception {
    AtlasPublication publication = context.getBean(AtlasPublication.class);
    AtlasReports reports = context.getBean(AtlasReports.class);
    PdfRenderer renderer = context.getBean(PdfRenderer.class);
    AtlasHistory history = context.getBean(AtlasHistory.class);
    // A version published by an update (the report compares it with the one before).
    String id = jdbc.queryForObject("select id from local_authority where type = 'COMMUNE' and department_code = '22'"
        + " order by id offset ? limit 1", String.class, projects % 300);
    publication.publishDirectly(id, AtlasFixtures.withCooperations(projects), "daect");
    String updateId = jdbc.queryForObject("select gen_random_uuid()::text", String.class);
    AtlasContent content = AtlasFixtures.withCooperations(projects);
    AtlasContent changed = content.withCoordinates(new AtlasContent.Coordinates(content.coordinates().address(),
        content.coordinates().postalCode(), content.coordinates().town(), "0296000000", content.coordinates().email(),
        content.coordinates().website(), content.coordinates().internationalService()));
    publication.publishDirectly(id, changed, "daect");
    jdbc.update("update atlas_version set update_id = ? where local_authority_id = ? and number = 2", updateId, id);
    AtlasHistory.Version version = history.publishedBy(updateId).orElseThrow();
    String xhtml = ReportBench.xhtml(reports, version);
    int runs = projects >= 500 ? 5 : 15;
    List<Double> step = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    for (int i = 0; i < runs + 2; i++) { // two warm-up rounds
      jdbc.update("delete from atlas_document where version_id = ? and kind = 'REPORT'", version.id());
      long start = System.nanoTime();
      reports.writeReport(updateId, name -> name);
      double stepMillis = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      renderer.render(xhtml);
      double bareMillis = (System.nanoTime() - start) / 1e6;
      if (i >= 2) {
        step.add(stepMillis);
        bare.add(bareMillis);
      }
    }
    double stepMedian = median(step);
    double bareMedian = median(bare);
    line(String.format(Locale.ROOT, "| 3. Compte-rendu, %d projets (médiane de %d) : étape entière / rendu Flying Saucer"
        + " seul | %.0f ms / %.0f ms = %.2f × | ≤ 1,3 × |", projects, runs, stepMedian, bareMedian, stepMedian / bareMedian));
  }

  // --- 4: referential search

  private void search(int clients) throws Exception {
    List<String> queries = SearchBenchmark.queries();
    HttpClient client = HttpClient.newHttpClient();
    ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    int perClient = 2000 / clients;
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int offset = c;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < perClient + 100; i++) {
          String query = queries.get((i * 7 + offset * 13) % queries.size());
          long start = System.nanoTime();
          HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
              + "/api/local-authorities?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(),
              HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() != 200) {
            throw new IllegalStateException(query + " → " + answer.statusCode());
          }
          if (i >= 100) {
            latencies.add((System.nanoTime() - start) / 1e6);
          }
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    Load load = new Load(latencies.size(), 1, new ArrayList<>(latencies), null);
    line(String.format(Locale.ROOT, "| 4. Recherche dans le référentiel, %d client(s) (%d requêtes) | p50 %.1f ms, p95 %.1f ms"
        + " | p95 < 20 ms |", clients, latencies.size(), load.percentile(50), load.percentile(95)));
  }

  // --- 5: a campaign

  private void campaign(int count) throws Exception {
    IdentityService identity = context.getBean(IdentityService.class);
    RuntimeService runtime = context.getBean(RuntimeService.class);
    List<String> ids = jdbc.queryForList("select id from local_authority where type = 'COMMUNE' and department_code"
        + " not in ('56', '22') order by id limit ?", String.class, count);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (String id : ids) {
      futures.add(pool.submit(() -> {
        String groupId = LocalAuthority.groupIdOf(id);
        identity.setAuthentication("campagne", List.of("collectivites", groupId));
        try {
          runtime.startProcessInstanceByKey("AtlasUpdate");
        } finally {
          identity.clearAuthentication();
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    line(String.format(Locale.ROOT, "| 5. Campagne : %d mises à jour démarrées (4 fils) | %.1f s | < 60 s |", ids.size(), seconds));

    // Tasklist with 5,000 open updates: the counts of the filters it shows, as an agent and as the DAECT.
    StaffMembers.create(identity, "mesuredaect", "Claire", "Kerbrat", "mesure.daect@diplomatie.gouv.fr", PASSWORD);
    identity.createMembership("mesuredaect", "daect");
    for (String who : List.of(agentOf(ids.get(0), identity), "mesuredaect")) {
      EngineCaller tasklist = EngineCaller.webapp(port, "tasklist", who, PASSWORD);
      JsonNode list = JSON.readTree(tasklist.get("/filter?resourceType=Task&itemCount=false").body());
      List<Double> latencies = new ArrayList<>();
      for (int round = 0; round < 30; round++) {
        for (JsonNode filter : list) {
          long begin = System.nanoTime();
          EngineCaller.Answer answer = tasklist.get("/filter/" + filter.get("id").asText() + "/count");
          if (answer.status() != 200) {
            throw new IllegalStateException(answer.body());
          }
          if (round >= 5) {
            latencies.add((System.nanoTime() - begin) / 1e6);
          }
        }
      }
      long listStart = System.nanoTime();
      tasklist.post("/filter/" + list.get(0).get("id").asText() + "/list?firstResult=0&maxResults=15", "{}");
      double listMillis = (System.nanoTime() - listStart) / 1e6;
      Load load = new Load(latencies.size(), 1, latencies, null);
      line(String.format(Locale.ROOT, "| 5. Tasklist avec %d mises à jour ouvertes, %s : compte d'un filtre (%d filtres × 25)"
              + " | p50 %.1f ms, p95 %.1f ms (liste de 15 : %.0f ms) | p95 < 100 ms |", ids.size(),
          who.equals("mesuredaect") ? "DAECT" : "agent", list.size(), load.percentile(50), load.percentile(95), listMillis));
    }
  }

  private String agentOf(String localAuthorityId, IdentityService identity) {
    return StaffMembers.agentOf(identity, localAuthorityId, "mesurecampagne", "Anaïs", "Campagne", PASSWORD);
  }


  // --- 6: history

  private long historyBytes() {
    return jdbc.queryForObject("select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c"
        + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r'"
        + " and (c.relname like 'act_hi_%' or c.relname = 'act_ge_bytearray')", Long.class);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private void line(String line) {
    lines.add(line);
    System.out.println(line);
  }
}
