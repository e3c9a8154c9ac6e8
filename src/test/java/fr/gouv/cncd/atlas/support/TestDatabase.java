package fr.gouv.cncd.atlas.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL of the integration tests: 127.0.0.1:5432 with trust authentication (as on the
 * development and CI machines), or what ATLAS_TEST_PG_HOST/PORT/USER/DATABASE say. A fresh database
 * is created once per test run. Never skips: an unreachable server fails the tests with the way to start it.
 */
public final class TestDatabase {

  /** ATLAS_TEST_PG_DATABASE lets two work trees of one machine test at the same time, each on its own. */
  public static final String NAME = System.getenv().getOrDefault("ATLAS_TEST_PG_DATABASE", "atlas_it");
  private static final String HOST = System.getenv().getOrDefault("ATLAS_TEST_PG_HOST", "127.0.0.1");
  private static final String PORT = System.getenv().getOrDefault("ATLAS_TEST_PG_PORT", "5432");
  public static final String USER = System.getenv().getOrDefault("ATLAS_TEST_PG_USER", "postgres");
  public static final String PASSWORD = System.getenv().getOrDefault("ATLAS_TEST_PG_PASSWORD", "");
  private static final java.util.Set<String> CREATED = new java.util.HashSet<>();

  private TestDatabase() {}

  public static String url() {
    return url(NAME);
  }

  /** A database of its own, for tests whose engine nodes would run the other tests' jobs: NAME + "_" + suffix. */
  public static String urlOfOwn(String suffix) {
    return url(NAME + "_" + suffix);
  }

  private static synchronized String url(String name) {
    if (CREATED.add(name)) {
      recreate(name);
    }
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
  }

  private static void recreate(String name) {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalStateException("ATLAS_TEST_PG_DATABASE must be a plain lower-case name, not " + NAME);
    }
    String adminUrl = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
    try (Connection connection = DriverManager.getConnection(adminUrl, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
      statement.execute("drop database if exists " + name);
      statement.execute("create database " + name + " encoding 'UTF8' template template0");
    } catch (SQLException e) {
      throw new IllegalStateException("The integration tests need PostgreSQL at " + adminUrl + " (user " + USER
          + "). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
          + "  — or, with Docker: docker compose up -d postgres (then set ATLAS_TEST_PG_USER=atlas"
          + " ATLAS_TEST_PG_PASSWORD=atlas). Cause: " + e.getMessage(), e);
    }
  }
}
