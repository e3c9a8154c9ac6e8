package fr.gouv.cncd.atlas.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application at the test PostgreSQL database and the in-process SMTP server. */
public class PostgresAndSmtpInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
        "spring.datasource.url=" + databaseUrl(),
        "spring.datasource.username=" + TestDatabase.USER,
        "spring.datasource.password=" + TestDatabase.PASSWORD,
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=" + TestMailServer.port(),
        "spring.mail.username=",
        "spring.mail.password=").applyTo(context);
  }

  /** The database of this context: the integration tests' shared one. */
  protected String databaseUrl() {
    return TestDatabase.url();
  }
}
