package fr.gouv.cncd.atlas.account;

import java.io.StringReader;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Import of the former site's accounts (administrators only, see ProtectedEndpoints) and the
 * page where their holders choose a new password.
 */
@RestController
class LegacyAccountController {

  private final LegacyAccountImport legacyImport;
  private final PasswordLinks passwordLinks;

  LegacyAccountController(LegacyAccountImport legacyImport, PasswordLinks passwordLinks) {
    this.legacyImport = legacyImport;
    this.passwordLinks = passwordLinks;
  }

  @PostMapping(path = "/api/admin/legacy-accounts", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE},
      produces = "text/plain;charset=UTF-8")
  String importAccounts(@RequestBody String csv) {
    return legacyImport.importCsv(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv)).toText();
  }

  @PostMapping(path = "/api/password-resets", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> choosePassword(@RequestBody PasswordCommand command) {
    String username = passwordLinks.choosePassword(command.token(), command.password());
    return Map.of("username", username, "loginUrl", AccountNotifications.TASKLIST_PATH);
  }

  record PasswordCommand(String token, String password) {

    @Override
    public String toString() {
      return "PasswordCommand[hidden]";
    }
  }
}
