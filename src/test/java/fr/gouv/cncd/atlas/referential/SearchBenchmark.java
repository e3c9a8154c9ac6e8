package fr.gouv.cncd.atlas.referential;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Latency benchmark of the public search over the referential ({@code GET /api/local-authorities?q=...}),
 * run against an application already started. Not a test: it has a {@code main} and uses only JDK
 * classes, so that the compiled test classes are the whole classpath it needs.
 *
 * <p>One client thread sends the requests one after the other (each waits for the previous
 * answer), first {@value #DEFAULT_WARM_UP} unmeasured warm-up requests, then N measured ones
 * (default {@value #DEFAULT_REQUESTS}), cycling over a shuffled mix of what people type in the
 * collectivité field: prefixes of real commune names of various lengths (as typed, without
 * accents), accent-less multiword names ("abergement clemenciat", "st malo"), INSEE codes, postal
 * codes and SIRENs. It prints p50, p90, p95, p99 and max latency in milliseconds, and requests
 * per second, for that one run.
 *
 * <p>Run it from the repository root, with the application listening on the base URL:
 *
 * <pre>
 * ./mvnw -q test-compile &amp;&amp; java -cp target/test-classes fr.gouv.cncd.atlas.referential.SearchBenchmark http://localhost:8080
 * </pre>
 *
 * <p>Arguments, all optional: {@code [base URL, default http://localhost:8080] [measured requests,
 * default 2000] [warm-up requests, default 200]}. A start of the application for it:
 * {@code ./mvnw -q -B package -DskipTests && java -jar target/atlas-cncd-0.1.0-SNAPSHOT.jar
 * --server.port=8097 --atlas.data-dir=/tmp/atlas-data}.
 */
public final class SearchBenchmark {

  static final int DEFAULT_REQUESTS = 2000;
  static final int DEFAULT_WARM_UP = 200;

  /** Real commune names, as people type them: lower case, no accents. */
  private static final List<String> NAMES = List.of(
      "paris", "marseille", "lyon", "toulouse", "nice", "nantes", "montpellier", "strasbourg", "bordeaux",
      "lille", "rennes", "reims", "saint-etienne", "le havre", "villeurbanne", "dijon", "angers", "grenoble",
      "nimes", "aix-en-provence", "clermont-ferrand", "le mans", "besancon", "boulogne-billancourt",
      "la roche-sur-yon", "chalons-en-champagne", "villeneuve-d'ascq", "fort-de-france", "pointe-a-pitre",
      "cayenne", "mamoudzou", "bastia", "ajaccio", "saint-malo", "vitre", "quimper", "brest", "lorient",
      "chateauneuf", "villeneuve", "beaumont", "montreuil", "saint-pierre", "sainte-marie", "bourg-en-bresse",
      "chatillon-sur-chalaronne", "plougastel-daoulas", "vannes", "fougeres", "dinan");

  /** Accent-less multiword names, abbreviations and department filters typed after a name. */
  private static final List<String> MULTIWORD = List.of(
      "abergement clemenciat", "st malo", "st etienne", "ste marie", "aix provence", "clermont ferrand",
      "roche sur yon", "villeneuve ascq", "rennes metropole", "metropole lyon", "grand paris", "saint denis 93",
      "saint pierre 974", "chateauneuf du pape", "pont l eveque", "communaute communes bretagne");

  private static final List<String> INSEE_CODES = List.of(
      "35238", "75056", "13055", "69123", "31555", "2A004", "2B033", "33063", "44109", "67482", "06088", "01001",
      "97411", "97611");

  private static final List<String> POSTAL_CODES = List.of(
      "35000", "75011", "13008", "69003", "01400", "97400", "20000", "33000", "29200", "44000", "59000", "85000");

  private static final List<String> SIRENS = List.of(
      "243500139", "200046977", "213502388", "217500016", "200054781", "243300316", "244400404", "212000046");

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = args.length > 0 ? args[0].replaceAll("/+$", "") : "http://localhost:8080";
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_REQUESTS;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_WARM_UP;
    if (requests < 1 || warmUp < 0) {
      throw new IllegalArgumentException("Usage: SearchBenchmark [base URL] [requests >= 1] [warm-up >= 0]");
    }

    List<String> queries = queries();
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    System.out.printf(Locale.ROOT, "Search benchmark against %s: mix of %d queries, %d warm-up then %d measured"
        + " requests from one thread%n", baseUrl, queries.size(), warmUp, requests);

    int next = 0;
    int failures = 0;
    for (int i = 0; i < warmUp; i++, next++) {
      failures += send(client, baseUrl, queries.get(next % queries.size())) == 200 ? 0 : 1;
    }
    if (failures > 0) {
      System.out.printf(Locale.ROOT, "Warning: %d warm-up requests did not answer 200%n", failures);
    }

    long[] latencies = new long[requests];
    int errors = 0;
    long start = System.nanoTime();
    for (int i = 0; i < requests; i++, next++) {
      long before = System.nanoTime();
      int status = send(client, baseUrl, queries.get(next % queries.size()));
      latencies[i] = System.nanoTime() - before;
      if (status != 200) {
        errors++;
      }
    }
    long elapsed = System.nanoTime() - start;

    Arrays.sort(latencies);
    System.out.printf(Locale.ROOT, "requests: %d (non-200 answers: %d) in %.2f s%n", requests, errors, elapsed / 1e9);
    System.out.printf(Locale.ROOT, "p50: %.2f ms%n", millis(percentile(latencies, 50)));
    System.out.printf(Locale.ROOT, "p90: %.2f ms%n", millis(percentile(latencies, 90)));
    System.out.printf(Locale.ROOT, "p95: %.2f ms%n", millis(percentile(latencies, 95)));
    System.out.printf(Locale.ROOT, "p99: %.2f ms%n", millis(percentile(latencies, 99)));
    System.out.printf(Locale.ROOT, "max: %.2f ms%n", millis(latencies[latencies.length - 1]));
    System.out.printf(Locale.ROOT, "throughput: %.1f requests/s%n", requests / (elapsed / 1e9));
    if (errors > 0) {
      System.exit(1);
    }
  }

  /** The shuffled mix of queries: name prefixes of 2, 3, 4 and 6 letters and whole names, then codes. */
  public static List<String> queries() {
    List<String> queries = new ArrayList<>();
    for (String name : NAMES) {
      for (int length : new int[] {2, 3, 4, 6}) {
        if (length < name.length()) {
          queries.add(name.substring(0, length));
        }
      }
      queries.add(name);
    }
    queries.addAll(MULTIWORD);
    queries.addAll(MULTIWORD);
    queries.addAll(INSEE_CODES);
    queries.addAll(POSTAL_CODES);
    queries.addAll(SIRENS);
    Collections.shuffle(queries, new Random(20_260_101L));
    return List.copyOf(queries);
  }

  private static int send(HttpClient client, String baseUrl, String query) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(baseUrl + "/api/local-authorities?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(30))
        .GET()
        .build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return response.statusCode();
  }

  /** Nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
