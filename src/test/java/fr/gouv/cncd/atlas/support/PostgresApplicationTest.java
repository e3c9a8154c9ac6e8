package fr.gouv.cncd.atlas.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application in production mode: PostgreSQL, real SMTP (GreenMail), no demo accounts.
 * The job executor is off: tests run jobs themselves (see Jobs). Tagged "postgres": these tests run
 * in a JVM of their own (see pom.xml), apart from the H2 context's engine.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("postgres")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "atlas.admin.password=" + PostgresApplicationTest.ADMIN_PASSWORD,
    "atlas.data-dir=target/test-data-pg",
    "camunda.bpm.job-execution.enabled=false",
    // Every test calls from 127.0.0.1 to this one context: the per-address limits would join unrelated
    // tests (ThrottledPublicApiTest tests the request limits).
    "atlas.security.login.free-failures-per-address=1000000",
    "atlas.throttle.per-address.requests=100000",
    "atlas.throttle.per-email.requests=100000"})
@ContextConfiguration(initializers = PostgresAndSmtpInitializer.class)
public @interface PostgresApplicationTest {

  String ADMIN_PASSWORD = "Essai#Pilotage-2026";
}
