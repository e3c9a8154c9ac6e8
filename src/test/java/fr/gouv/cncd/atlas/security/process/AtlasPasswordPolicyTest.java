package fr.gouv.cncd.atlas.security.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.security.PasswordRules;
import java.util.List;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;

/** The engine's policy refuses what the account request page refuses. */
class AtlasPasswordPolicyTest {

  private static final AtlasPasswordPolicy policy = new AtlasPasswordPolicy(new PasswordRules());

  @Test
  void acceptsAStrongPasswordForAUser() {
    assertThat(broken("Vrai-Cheval7-Batterie", user())).isEmpty();
    assertThat(broken("Demo#Atlas-2026", null)).isEmpty();
  }

  @Test
  void refusesHiddenCharactersAndDecomposedAccents() {
    assertThat(broken("Vrai-Cheval7-Batterie\u0000", user())).containsExactly(AtlasPasswordPolicy.CHARACTERS);
    assertThat(broken("\u00A0Vrai-Cheval7-Batterie", user())).containsExactly(AtlasPasswordPolicy.CHARACTERS);
    assertThat(broken("Vrai-\u202ECheval7-Batterie", null)).containsExactly(AtlasPasswordPolicy.CHARACTERS);
    assertThat(broken("Fore\u0302t-Cheval7-Batterie", null)).containsExactly(AtlasPasswordPolicy.CHARACTERS);
  }

  @Test
  void refusesGuessablePasswordsThatFollowTheCharacterClasses() {
    assertThat(broken("Aa1!Aa1!Aa1!", user())).containsExactly(AtlasPasswordPolicy.STRENGTH);
    assertThat(broken("Aa1!Aa1!Aa1!", null)).containsExactly(AtlasPasswordPolicy.STRENGTH);
  }

  @Test
  void weighsTheUsersOwnDataInTheStrength() {
    UserEntity user = user();
    user.setEmail("kerbrat.plouzane@mairie.example.fr");
    assertThat(broken("Kerbrat2026!", null)).isEmpty();
    assertThat(broken("Kerbrat2026!", user)).containsExactly(AtlasPasswordPolicy.STRENGTH);
  }

  @Test
  void refusesCommonPasswords() {
    assertThat(broken("Motdepasse2026!", null)).contains(AtlasPasswordPolicy.COMMON);
  }

  private static List<String> broken(String password, UserEntity user) {
    return policy.getRules().stream().filter(rule -> !rule.execute(password, user))
        .map(PasswordPolicyRule::getPlaceholder).toList();
  }

  private static UserEntity user() {
    UserEntity user = new UserEntity("mlefevre");
    user.setFirstName("Maëlle");
    user.setLastName("Lefèvre");
    user.setEmail("maelle.lefevre@rennes.example.fr");
    return user;
  }
}
