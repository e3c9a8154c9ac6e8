package fr.gouv.cncd.atlas.security.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Runs a look-up of the guards without the caller's rights (she may not see what is checked). */
final class AsApplication {

  private AsApplication() {}

  static <T> T run(IdentityService identity, Supplier<T> lookUp) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return lookUp.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
