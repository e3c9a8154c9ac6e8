package fr.gouv.cncd.atlas.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The application as a separate process (a node of Camunda's homogeneous cluster: every node has
 * its job executor and shares one PostgreSQL database), started from the test class path in
 * production mode, mails to the in-process SMTP server. {@link #kill()} is a SIGKILL: no shutdown
 * hook, no transaction finished, as when a machine dies.
 */
public final class ApplicationNode {

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;

  private ApplicationNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** Starts a node on the database and waits until it answers (health UP). */
  public static ApplicationNode start(String name, String databaseUrl, String adminPassword, String... settings) {
    int port = freePort();
    Path dir = Path.of("target", "nodes", name);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-cp", classPath(), "fr.gouv.cncd.atlas.AtlasApplication",
        "--spring.profiles.active=postgres",
        "--server.port=" + port,
        "--spring.datasource.url=" + databaseUrl,
        "--spring.datasource.username=" + TestDatabase.USER,
        "--spring.datasource.password=" + TestDatabase.PASSWORD,
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + TestMailServer.port(),
        "--atlas.admin.password=" + adminPassword,
        "--atlas.data-dir=" + dir.toAbsolutePath(),
        "--atlas.security.login.free-failures-per-address=1000000",
        "--atlas.throttle.per-address.requests=100000",
        "--atlas.throttle.per-email.requests=100000"));
    for (String setting : settings) {
      command.add("--" + setting);
    }
    Path log = Path.of("target", "nodes", name + ".log");
    try {
      Files.writeString(log, String.join(" ", command) + System.lineSeparator());
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      ApplicationNode node = new ApplicationNode(name, port, process, log);
      node.awaitHealthy(Duration.ofMinutes(3));
      return node;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start node " + name, e);
    }
  }

  public int port() {
    return port;
  }

  public String name() {
    return name;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, then waits for the process to be gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A normal stop (SIGTERM: Spring's graceful shutdown, the job executor stopped). */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " stopped at start-up; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("UP")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    kill();
    throw new IllegalStateException("Node " + name + " not healthy after " + timeout + "; see " + log.toAbsolutePath());
  }

  /**
   * The test class path, without its empty entries: an empty entry is the working directory, the
   * project's root, whose processes/ folder would be deployed a second time beside the class path's
   * (and refused).
   */
  private static String classPath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank()).collect(java.util.stream.Collectors.joining(File.pathSeparator));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return name + " (port " + port + ", log " + log + ")";
  }

  static {
    new File("target/nodes").mkdirs();
  }
}
