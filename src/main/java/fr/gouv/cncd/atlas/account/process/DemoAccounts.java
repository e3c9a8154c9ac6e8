package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.referential.LocalAuthority;
import fr.gouv.cncd.atlas.security.Groups;
import fr.gouv.cncd.atlas.security.PlatformProperties;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo accounts of the embedded default, never in production: a DAECT validator, a process manager
 * and a staff member of a real collectivité (the administrator comes from atlas.admin).
 */
@Component
class DemoAccounts {

  private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

  private final IdentityService identity;
  private final CamundaUserDirectory directory;
  private final LocalAuthorities authorities;
  private final PlatformProperties properties;

  DemoAccounts(IdentityService identity, CamundaUserDirectory directory, LocalAuthorities authorities,
      PlatformProperties properties) {
    this.identity = identity;
    this.directory = directory;
    this.authorities = authorities;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  public void create() {
    PlatformProperties.Demo demo = properties.demo();
    if (!demo.enabled() || properties.production()) {
      return;
    }
    LocalAuthority authority = authorities.find(demo.localAuthorityId())
        .orElseThrow(() -> new IllegalStateException("Unknown demo collectivité " + demo.localAuthorityId()));
    directory.ensureLocalAuthorityGroup(authority.groupId(), authority.getName());
    LocalAuthority other = authorities.find(demo.otherLocalAuthorityId())
        .orElseThrow(() -> new IllegalStateException("Unknown demo collectivité " + demo.otherLocalAuthorityId()));
    directory.ensureLocalAuthorityGroup(other.groupId(), other.getName());
    user("validateur", "Camille", "Martin", "validateur@diplomatie.gouv.fr", demo.password(), List.of(Groups.DAECT));
    user("pilote", "Dominique", "Bernard", "pilote@diplomatie.gouv.fr", demo.password(),
        List.of(Groups.PROCESS_MANAGERS));
    user("mdupont", "Marie", "Dupont", "marie.dupont@example.org", demo.password(),
        List.of(Groups.LOCAL_AUTHORITY_STAFF, authority.groupId()));
    user("ytanguy", "Yann", "Tanguy", "yann.tanguy@example.org", demo.password(),
        List.of(Groups.LOCAL_AUTHORITY_STAFF, other.groupId()));
    log.info("Demo accounts ready (password in the README): admin, validateur (DAECT), pilote (process manager),"
        + " mdupont ({}), ytanguy ({})", authority.getName(), other.getName());
  }

  private void user(String id, String firstName, String lastName, String email, String password, List<String> groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(password);
      identity.saveUser(user);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
  }
}
