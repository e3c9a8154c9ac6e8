package fr.gouv.cncd.atlas.security.process;

import fr.gouv.cncd.atlas.security.PasswordRules;
import fr.gouv.cncd.atlas.security.Pbkdf2PasswordHasher;
import fr.gouv.cncd.atlas.security.SecurityProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Hardens the engine: PBKDF2 instead of a single SHA-512 for user passwords, the teleprocedure's
 * password policy, authorization checks.
 */
@Component
class SecurityEnginePlugin extends AbstractProcessEnginePlugin {

  private final PasswordRules rules;
  private final SecurityProperties properties;

  SecurityEnginePlugin(PasswordRules rules, SecurityProperties properties) {
    this.rules = rules;
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordEncryptor(
        new Pbkdf2PasswordEncryptor(new Pbkdf2PasswordHasher(properties.passwordHashIterations())));
    configuration.setEnablePasswordPolicy(true);
    configuration.setPasswordPolicy(new AtlasPasswordPolicy(rules));
    configuration.setAuthorizationEnabled(true);
  }
}
