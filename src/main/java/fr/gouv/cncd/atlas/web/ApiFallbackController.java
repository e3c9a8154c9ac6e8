package fr.gouv.cncd.atlas.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Unknown addresses under /api answer a French problem+json 404, like every API error. */
@RestController
class ApiFallbackController {

  @RequestMapping("/api/**")
  void unknown() {
    throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Cette adresse de l'API n'existe pas.");
  }
}
