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
  private static boolean created;

  private TestDatabase() {}

  public static synchronized String url() {
    if (!created) {
      recreate();
      created = true;
    }
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + NAME;
  }

  private static void recreate() {
    if (!NAME.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalStateException("ATLAS_TEST_PG_DATABASE must be a plain lower-case name, not " + NAME);
    }
    String adminUrl = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
    try (Connection connection = DriverManager.getConnection(adminUrl, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + NAME + "'");
      statement.execute("drop database if exists " + NAME);
      statement.execute("create database " + NAME + " encoding 'UTF8' template template0");
    } catch (SQLException e) {
      throw new IllegalStateException("The integration tests need PostgreSQL at " + adminUrl + " (user " + USER
          + "). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
          + "  — or, with Docker: docker compose up -d postgres (then set ATLAS_TEST_PG_USER=atlas"
          + " ATLAS_TEST_PG_PASSWORD=atlas). Cause: " + e.getMessage(), e);
    }
  }
}
