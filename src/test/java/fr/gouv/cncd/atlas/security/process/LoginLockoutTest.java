package fr.gouv.cncd.atlas.security.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.account.PasswordLinks;
import fr.gouv.cncd.atlas.security.LoginThrottle;
import fr.gouv.cncd.atlas.support.EngineCaller;
import fr.gouv.cncd.atlas.support.H2ApplicationTest;
import fr.gouv.cncd.atlas.support.WebappSession;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The probe's lockout replayed: anonymous wrong passwords through the webapp login and HTTP Basic
 * no longer lock an account for good. They slow it down for a while; the engine's own lock is
 * never set; a new password (what « Mot de passe oublié ? » leads to) lifts the block at once.
 */
@H2ApplicationTest
class LoginLockoutTest {

  private static final String PASSWORD = "Brume#Granit-2026";
  private static final String NEW_PASSWORD = "Embruns#Falaise-2027";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @LocalServerPort
  int port;
  @Autowired IdentityService identity;
  @Autowired LoginThrottle throttle;
  @Autowired PasswordLinks passwordLinks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;

  @Test
  void tenWrongPasswordsFromAnyoneBlockTheAccountForAWhileNeverForGood() {
    String victim = user();
    for (int i = 0; i < 5; i++) {
      assertThat(new WebappSession(port).login("tasklist", victim, "Mauvais#Essai-" + i)).isEqualTo(401);
      assertThat(EngineCaller.engineRest(port, victim, "Mauvais#Essai-" + i).get("/task").status()).isEqualTo(401);
    }

    // Blocked: even the right password is refused for now, through every door.
    assertThat(new WebappSession(port).login("tasklist", victim, PASSWORD)).isEqualTo(401);
    assertThat(EngineCaller.engineRest(port, victim, PASSWORD).get("/task").status()).isEqualTo(401);
    assertThat(throttle.waitBefore(victim, "127.0.0.1")).isPositive()
        .isLessThanOrEqualTo(java.time.Duration.ofMinutes(15));
    // Camunda's permanent lock (ENGINE-27002) is never set.
    Map<String, Object> lock = jdbc.queryForMap("select ATTEMPTS_, LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = ?", victim);
    assertThat(lock.get("ATTEMPTS_")).isIn(0, null);
    assertThat(lock.get("LOCK_EXP_TIME_")).isNull();

    // The holder chooses a new password through a mailed link (« Mot de passe oublié ? »): the
    // block is lifted at once.
    passwordLinks.choosePassword(passwordLinks.issue(victim, PasswordLinks.Purpose.FORGOTTEN_PASSWORD).token(),
        NEW_PASSWORD);
    assertThat(throttle.waitBefore(victim, "127.0.0.1")).isZero();
    assertThat(new WebappSession(port).login("tasklist", victim, NEW_PASSWORD)).isEqualTo(200);
  }

  @Test
  void anUnknownIdentifiantCostsTheSameHashCheckAsAKnownOne() {
    String known = user();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    PasswordManager original = configuration.getPasswordManager();
    AtomicInteger checks = new AtomicInteger();
    configuration.setPasswordManager(new PasswordManager(configuration.getPasswordEncryptor(), java.util.List.of()) {
      @Override
      public boolean check(String password, String encrypted) {
        checks.incrementAndGet();
        return original.check(password, encrypted);
      }

      @Override
      public String encrypt(String password) {
        return original.encrypt(password);
      }
    });
    try {
      identity.checkPassword(known, "Mauvais#Essai-2026");
      int forKnown = checks.getAndSet(0);
      identity.checkPassword("personne" + SEQUENCE.incrementAndGet(), "Mauvais#Essai-2026");
      int forUnknown = checks.get();
      assertThat(forKnown).isEqualTo(1);
      assertThat(forUnknown).isEqualTo(forKnown);
    } finally {
      configuration.setPasswordManager(original);
    }
  }

  private String user() {
    User user = identity.newUser("verrou" + SEQUENCE.incrementAndGet() + System.nanoTime() % 1000);
    user.setFirstName("Jean");
    user.setLastName("Essai");
    user.setEmail(user.getId() + "@example.org");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(user.getId(), "collectivites");
    return user.getId();
  }
}
