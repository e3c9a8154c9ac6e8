package fr.gouv.cncd.atlas.security.process;

import fr.gouv.cncd.atlas.security.PasswordRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLowerCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicySpecialCharacterRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUpperCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * The teleprocedure's password rules as the engine's policy, so that passwords set in Admin or
 * through the REST API follow the same rules as those of the account request page.
 */
class AtlasPasswordPolicy implements PasswordPolicy {

  private final List<PasswordPolicyRule> rules;

  AtlasPasswordPolicy(PasswordRules passwordRules) {
    List<PasswordPolicyRule> list = new ArrayList<>();
    list.add(new PasswordPolicyLengthRuleImpl(PasswordRules.MIN_LENGTH));
    list.add(new PasswordPolicyLowerCaseRuleImpl(1));
    list.add(new PasswordPolicyUpperCaseRuleImpl(1));
    list.add(new PasswordPolicyDigitRuleImpl(1));
    list.add(new PasswordPolicySpecialCharacterRuleImpl(1));
    list.add(new PasswordPolicyUserDataRuleImpl());
    list.add(new CommonPasswordRule(passwordRules));
    this.rules = List.copyOf(list);
  }

  @Override
  public List<PasswordPolicyRule> getRules() {
    return rules;
  }

  /** Refuses the most common passwords. */
  private record CommonPasswordRule(PasswordRules passwordRules) implements PasswordPolicyRule {

    @Override
    public String getPlaceholder() {
      return "PASSWORD_POLICY_COMMON";
    }

    @Override
    public Map<String, String> getParameters() {
      return Map.of();
    }

    @Override
    public boolean execute(String password) {
      return password != null && !passwordRules.isCommon(password);
    }

    @Override
    public boolean execute(String password, User user) {
      return execute(password);
    }
  }
}
