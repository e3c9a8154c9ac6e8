package fr.gouv.cncd.atlas.security.process;

import fr.gouv.cncd.atlas.security.PasswordRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
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
 * through the REST API follow the same rules as those of the account request page. The rules of
 * our own (characters, common passwords, strength) are shown by the webapps through their
 * placeholders, translated in the French locales of Admin and of the welcome page.
 */
class AtlasPasswordPolicy implements PasswordPolicy {

  static final String CHARACTERS = "PASSWORD_POLICY_CHARACTERS";
  static final String COMMON = "PASSWORD_POLICY_COMMON";
  static final String STRENGTH = "PASSWORD_POLICY_STRENGTH";

  private final List<PasswordPolicyRule> rules;

  AtlasPasswordPolicy(PasswordRules passwordRules) {
    List<PasswordPolicyRule> list = new ArrayList<>();
    list.add(new PasswordPolicyLengthRuleImpl(PasswordRules.MIN_LENGTH));
    list.add(new PasswordPolicyLowerCaseRuleImpl(1));
    list.add(new PasswordPolicyUpperCaseRuleImpl(1));
    list.add(new PasswordPolicyDigitRuleImpl(1));
    list.add(new PasswordPolicySpecialCharacterRuleImpl(1));
    list.add(new PasswordPolicyUserDataRuleImpl());
    list.add(new AtlasRule(CHARACTERS, Map.of(),
        (password, user) -> passwordRules.hasAcceptableCharacters(password)));
    list.add(new AtlasRule(COMMON, Map.of(), (password, user) -> !passwordRules.isCommon(password)));
    list.add(new AtlasRule(STRENGTH, Map.of("minScore", Integer.toString(PasswordRules.MIN_STRENGTH_SCORE)),
        (password, user) -> passwordRules.isHardToGuess(password, holder(user))));
    this.rules = List.copyOf(list);
  }

  @Override
  public List<PasswordPolicyRule> getRules() {
    return rules;
  }

  private static PasswordRules.Holder holder(User user) {
    return user == null ? null
        : new PasswordRules.Holder(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail());
  }

  /** One of the teleprocedure's rules; the user may be unknown (policy checked without a profile). */
  private record AtlasRule(String placeholder, Map<String, String> parameters, BiPredicate<String, User> rule)
      implements PasswordPolicyRule {

    @Override
    public String getPlaceholder() {
      return placeholder;
    }

    @Override
    public Map<String, String> getParameters() {
      return parameters;
    }

    @Override
    public boolean execute(String password) {
      return execute(password, null);
    }

    @Override
    public boolean execute(String password, User user) {
      return password != null && rule.test(password, user);
    }
  }
}
