package fr.gouv.cncd.atlas.account;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Public API behind /mot-de-passe-oublie and /nouveau-mot-de-passe. */
@RestController
class PasswordController {

  private final PasswordResets resets;
  private final PasswordLinks passwordLinks;

  PasswordController(PasswordResets resets, PasswordLinks passwordLinks) {
    this.resets = resets;
    this.passwordLinks = passwordLinks;
  }

  /** Always the same answer, whether an account matches or not: only the holder's mailbox tells. */
  @PostMapping(path = "/api/password-resets", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, Object> requestReset(@RequestBody ResetCommand command) {
    resets.request(command.identifier());
    return Map.of("linkValidityMinutes",
        passwordLinks.validity(PasswordLinks.Purpose.FORGOTTEN_PASSWORD).toMinutes());
  }

  /** Sets the password of a mailed link's account, once. */
  @PostMapping(path = "/api/password-changes", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> choosePassword(@RequestBody PasswordCommand command) {
    String username = passwordLinks.choosePassword(command.token(), command.password());
    return Map.of("username", username, "loginUrl", AccountNotifications.TASKLIST_PATH);
  }

  record ResetCommand(String identifier) {}

  record PasswordCommand(String token, String password) {

    @Override
    public String toString() {
      return "PasswordCommand[hidden]";
    }
  }
}
