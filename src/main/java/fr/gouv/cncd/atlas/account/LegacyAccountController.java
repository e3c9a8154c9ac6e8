package fr.gouv.cncd.atlas.account;

import java.io.StringReader;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Import of the former site's accounts (administrators only, see ProtectedEndpoints); their
 * holders choose a new password through PasswordController.
 */
@RestController
class LegacyAccountController {

  private final LegacyAccountImport legacyImport;

  LegacyAccountController(LegacyAccountImport legacyImport) {
    this.legacyImport = legacyImport;
  }

  @PostMapping(path = "/api/admin/legacy-accounts", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE},
      produces = "text/plain;charset=UTF-8")
  String importAccounts(@RequestBody String csv) {
    return legacyImport.importCsv(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv)).toText();
  }
}
