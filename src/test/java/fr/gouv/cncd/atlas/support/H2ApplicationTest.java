package fr.gouv.cncd.atlas.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on its embedded default (H2, outbox, demo accounts), on a random port.
 * The job executor is off: tests run jobs themselves (see Jobs), so nothing races them. Passwords
 * are hashed with fewer PBKDF2 iterations than in production: every HTTP Basic call checks one,
 * and the rights matrix makes hundreds (the hash format and its check are the same).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:atlas-test;DB_CLOSE_DELAY=-1;MODE=LEGACY",
    "atlas.data-dir=target/test-data",
    "atlas.mail.outbox-dir=target/test-data/outbox",
    "camunda.bpm.job-execution.enabled=false",
    "atlas.security.password-hash-iterations=100000",
    // Every test calls from 127.0.0.1 to this one context: the per-address limits would join unrelated
    // tests (ThrottledPublicApiTest tests the request limits).
    "atlas.security.login.free-failures-per-address=1000000",
    "atlas.throttle.per-address.requests=100000",
    "atlas.throttle.per-email.requests=100000"})
public @interface H2ApplicationTest {}
