package fr.gouv.cncd.atlas.security.process;

import fr.gouv.cncd.atlas.security.ClientAddress;
import fr.gouv.cncd.atlas.security.LoginThrottle;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's user store, with every password check (webapp login, HTTP Basic on /engine-rest,
 * /identity/verify, /api/admin) going through {@link LoginThrottle} instead of Camunda's lockout,
 * which ends in a permanent lock anyone can cause anonymously.
 *
 * <p>An unknown identifiant costs the same hash computation as a known one, so that the time of
 * the answer does not tell which identifiants exist.
 */
class ThrottledIdentityProvider extends DbIdentityServiceProvider {

  private final LoginThrottle throttle;
  private final Supplier<UserEntity> decoy;

  ThrottledIdentityProvider(LoginThrottle throttle, Supplier<UserEntity> decoy) {
    this.throttle = throttle;
    this.decoy = decoy;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    if (userId == null || password == null) {
      return false;
    }
    String address = ClientAddress.current();
    // Blocked: refused before the costly hash, so that guessing cannot load the processors either.
    // Blocks are recorded for unknown identifiants too, so this says nothing about who exists.
    if (!throttle.waitBefore(userId, address).isZero()) {
      return false;
    }
    UserEntity user = findUserById(userId);
    boolean matches = matchPassword(password, user == null ? decoy.get() : user) && user != null;
    if (matches) {
      throttle.succeeded(userId);
      return true;
    }
    throttle.failed(userId, address);
    return false;
  }

  /** Opens one provider per command context, as Camunda's own factory does. */
  record Factory(LoginThrottle throttle, Supplier<UserEntity> decoy) implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return ThrottledIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new ThrottledIdentityProvider(throttle, decoy);
    }
  }
}
