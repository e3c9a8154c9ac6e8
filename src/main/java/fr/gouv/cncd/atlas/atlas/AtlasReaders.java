package fr.gouv.cncd.atlas.atlas;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;

/** Who reads the Atlas through /api: the webapps' session or HTTP Basic, as the engine knows them. */
public interface AtlasReaders {

  /**
   * The caller, empty when anonymous.
   *
   * @throws BadCredentialsException when the request carries credentials that are not valid
   */
  Optional<Reader> of(HttpServletRequest request);

  record Reader(String userId, Set<String> groups) {}

  class BadCredentialsException extends RuntimeException {
    public BadCredentialsException() {
      super("Invalid credentials");
    }
  }
}
