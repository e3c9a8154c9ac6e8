package fr.gouv.cncd.atlas.referential;

import fr.gouv.cncd.atlas.web.InvalidRequestException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/** Public search over the referential of collectivités. */
@RestController
@RequestMapping("/api/local-authorities")
class LocalAuthorityController {

  private static final Pattern DEPARTMENT = Pattern.compile("\\d{2,3}|2A|2B");
  private static final int DEFAULT_LIMIT = 20;

  private final LocalAuthorities authorities;

  LocalAuthorityController(LocalAuthorities authorities) {
    this.authorities = authorities;
  }

  @GetMapping
  ResponseEntity<List<LocalAuthorityItem>> search(@RequestParam(required = false) String q,
      @RequestParam(required = false) String type, @RequestParam(required = false) String department,
      @RequestParam(required = false) String limit) {
    InvalidRequestException errors = new InvalidRequestException("La recherche comporte des paramètres invalides.");
    String query = q == null ? "" : q.trim();
    LocalAuthorityType parsedType = null;
    if (type != null && !type.isBlank()) {
      try {
        parsedType = LocalAuthorityType.valueOf(type.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add("type", "Type de collectivité inconnu : « " + type
            + " ». Valeurs possibles : REGION, DEPARTMENT, COMMUNE, EPCI, OVERSEAS_COLLECTIVITY.");
      }
    }
    String departmentCode = null;
    if (department != null && !department.isBlank()) {
      departmentCode = department.trim().toUpperCase(Locale.ROOT);
      if (!DEPARTMENT.matcher(departmentCode).matches()) {
        errors.add("department", "Code de département invalide : « " + department
            + " » (exemples : 01, 2A, 974).");
      }
    }
    int parsedLimit = DEFAULT_LIMIT;
    if (limit != null && !limit.isBlank()) {
      try {
        parsedLimit = Integer.parseInt(limit.trim());
      } catch (NumberFormatException e) {
        parsedLimit = -1;
      }
      if (parsedLimit < 1 || parsedLimit > LocalAuthorities.MAX_LIMIT) {
        errors.add("limit", "Le nombre de résultats doit être un entier entre 1 et " + LocalAuthorities.MAX_LIMIT + ".");
      }
    }
    if (query.length() > 100) {
      errors.add("q", "La recherche ne doit pas dépasser 100 caractères.");
    } else if (query.length() < 2 && departmentCode == null) {
      errors.add("q", "Saisissez au moins 2 caractères (nom, code INSEE, SIREN ou code postal) ou précisez un département.");
    }
    errors.throwIfAny();
    List<LocalAuthorityItem> items = authorities.search(query, parsedType, departmentCode, parsedLimit).stream()
        .map(this::item).toList();
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(items);
  }

  @GetMapping("/{id}")
  LocalAuthorityItem get(@PathVariable String id) {
    return authorities.find(id).map(this::item)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "Aucune collectivité ne porte l'identifiant « " + id + " »."));
  }

  private LocalAuthorityItem item(LocalAuthority authority) {
    return LocalAuthorityItem.of(authority, authorities.departmentName(authority.getDepartmentCode()).orElse(null));
  }
}
