package fr.gouv.cncd.atlas.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform as a whole.
 *
 * @param production production mode: refuses H2, requires an administrator password, no demo accounts
 * @param publicUrl public address of the application, used in links sent by mail
 * @param admin the first administrator, created at start-up if missing
 * @param demo the demo accounts of the embedded default
 */
@ConfigurationProperties("atlas")
public record PlatformProperties(
    @DefaultValue("false") boolean production,
    @DefaultValue("http://localhost:8080") String publicUrl,
    @DefaultValue Admin admin,
    @DefaultValue Demo demo) {

  /**
   * @param username identifiant of the first administrator
   * @param password its password (environment variable ATLAS_ADMIN_PASSWORD in production)
   * @param email its e-mail address
   */
  public record Admin(@DefaultValue("admin") String username, String password,
      @DefaultValue("admin@atlas.cncd.fr") String email) {}

  /**
   * @param enabled whether demo accounts are created (never in production)
   * @param password the password of every demo account
   * @param localAuthorityId the collectivité of the demo staff member
   * @param otherLocalAuthorityId the collectivité of a second demo staff member, who must see nothing of the first's
   */
  public record Demo(@DefaultValue("false") boolean enabled, String password,
      @DefaultValue("commune-35238") String localAuthorityId,
      @DefaultValue("commune-35288") String otherLocalAuthorityId) {}
}
