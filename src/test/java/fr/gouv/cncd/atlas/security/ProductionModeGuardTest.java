package fr.gouv.cncd.atlas.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ProductionModeGuardTest {

  private final ProductionModeGuard guard = new ProductionModeGuard();

  @Test
  void refusesH2InProductionMode() {
    MockEnvironment environment = production().withProperty("spring.datasource.url", "jdbc:h2:file:./data/atlas");
    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("refuses to start in production mode").hasMessageContaining("PostgreSQL");
  }

  @Test
  void refusesToStartWithoutAnAdministratorPassword() {
    MockEnvironment environment = production().withProperty("atlas.admin.password", "");
    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("ATLAS_ADMIN_PASSWORD");
  }

  @Test
  void refusesDemoAccountsInProductionMode() {
    MockEnvironment environment = production().withProperty("atlas.demo.enabled", "true");
    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("demo accounts");
  }

  @Test
  void startsInProductionModeOnPostgresqlWithAnAdministratorPassword() {
    assertThatCode(() -> guard.postProcessEnvironment(production(), new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void letsTheEmbeddedDefaultRunOnH2() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:h2:file:./data/atlas").withProperty("atlas.demo.enabled", "true");
    assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
  }

  private static MockEnvironment production() {
    return new MockEnvironment().withProperty("atlas.production", "true")
        .withProperty("spring.datasource.url", "jdbc:postgresql://localhost:5432/atlas")
        .withProperty("atlas.admin.password", "Essai#Pilotage-2026")
        .withProperty("atlas.demo.enabled", "false");
  }
}
