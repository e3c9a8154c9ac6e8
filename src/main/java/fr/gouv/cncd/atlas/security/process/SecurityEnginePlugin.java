package fr.gouv.cncd.atlas.security.process;

import fr.gouv.cncd.atlas.security.LoginThrottle;
import fr.gouv.cncd.atlas.security.PasswordRules;
import fr.gouv.cncd.atlas.security.Pbkdf2PasswordHasher;
import fr.gouv.cncd.atlas.security.SecurityProperties;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.stereotype.Component;

/**
 * Hardens the engine: PBKDF2 instead of a single SHA-512 for user passwords, the teleprocedure's
 * password policy, authorization checks, and no expression in any query a caller sends
 * ({@link QueryExpressionGuard}).
 */
@Component
class SecurityEnginePlugin extends AbstractProcessEnginePlugin {

  private final PasswordRules rules;
  private final SecurityProperties properties;
  private final LoginThrottle throttle;

  SecurityEnginePlugin(PasswordRules rules, SecurityProperties properties, LoginThrottle throttle) {
    this.rules = rules;
    this.properties = properties;
    this.throttle = throttle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordEncryptor(
        new Pbkdf2PasswordEncryptor(new Pbkdf2PasswordHasher(properties.passwordHashIterations())));
    configuration.setEnablePasswordPolicy(true);
    configuration.setPasswordPolicy(new AtlasPasswordPolicy(rules));
    configuration.setAuthorizationEnabled(true);
    configuration.setEnableExpressionsInAdhocQueries(false);
    // Object variables sent through the API (a form's JSON, a REST call) are deserialized into the
    // application's own types and plain collections only, never into an arbitrary class.
    configuration.setDeserializationTypeValidationEnabled(true);
    configuration.setDeserializationAllowedPackages("fr.gouv.cncd.atlas");
    // A task's candidates and assignee may work it (claim, variables, complete), not rewrite it.
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    // One instance per chain: an interceptor holds the next one of its chain.
    configuration.setCustomPreCommandInterceptorsTxRequired(first(guards(configuration),
        configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(first(guards(configuration),
        configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    // Logins are throttled by LoginThrottle; Camunda's own lockout (permanent after N failures) is off.
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setIdentityProviderSessionFactory(new ThrottledIdentityProvider.Factory(throttle,
        new Decoy(configuration)));
  }

  private List<CommandInterceptor> guards(ProcessEngineConfigurationImpl configuration) {
    return List.of(new QueryExpressionGuard(configuration), new IdentityGuard(configuration, rules),
        new OperationGuard(configuration));
  }

  private static List<CommandInterceptor> first(List<CommandInterceptor> guards, List<CommandInterceptor> others) {
    List<CommandInterceptor> interceptors = new ArrayList<>(guards);
    if (others != null) {
      interceptors.addAll(others);
    }
    return interceptors;
  }

  /** A user nobody has, whose hash is checked for unknown identifiants: same work, same time. */
  private static final class Decoy implements java.util.function.Supplier<UserEntity> {

    private final ProcessEngineConfigurationImpl configuration;
    private volatile UserEntity user;

    Decoy(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public UserEntity get() {
      if (user == null) {
        UserEntity decoy = new UserEntity("decoy");
        String salt = configuration.getSaltGenerator().generateSalt();
        decoy.setSalt(salt);
        decoy.setDbPassword(configuration.getPasswordManager().encrypt(
            EncryptionUtil.saltPassword(java.util.UUID.randomUUID().toString(), salt)));
        user = decoy;
      }
      return user;
    }
  }
}
