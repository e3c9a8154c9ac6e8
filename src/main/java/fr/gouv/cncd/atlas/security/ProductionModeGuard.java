package fr.gouv.cncd.atlas.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start in production mode on H2, without an administrator password, or with demo
 * accounts: checked before anything else starts, with a message saying what to set.
 */
public class ProductionModeGuard implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getProperty("atlas.production", Boolean.class, false)) {
      return;
    }
    List<String> problems = new ArrayList<>();
    String url = environment.getProperty("spring.datasource.url", "");
    if (url.isBlank() || url.startsWith("jdbc:h2:")) {
      problems.add("the database must be PostgreSQL (set ATLAS_DB_URL, e.g. jdbc:postgresql://host:5432/atlas), not H2");
    }
    if (environment.getProperty("atlas.admin.password", "").isBlank()) {
      problems.add("the first administrator needs a password: set ATLAS_ADMIN_PASSWORD");
    }
    if (environment.getProperty("atlas.demo.enabled", Boolean.class, false)) {
      problems.add("demo accounts cannot exist in production: set atlas.demo.enabled=false");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Atlas CNCD refuses to start in production mode: " + String.join("; ", problems));
    }
  }
}
