package fr.gouv.cncd.atlas.account;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Public API behind /inscription and the activation page. */
@RestController
class AccountRequestController {

  private final AccountRequests requests;

  AccountRequestController(AccountRequests requests) {
    this.requests = requests;
  }

  @PostMapping(path = "/api/account-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, String> submit(@RequestBody AccountRequestCommand command) {
    AccountRequest request = requests.submit(command);
    return Map.of("id", request.getId(), "status", request.getStatus().name(), "username", request.getUsername());
  }

  @PostMapping(path = "/api/account-activations", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> activate(@RequestBody ActivationCommand command) {
    AccountRequest request = requests.activate(command.token());
    return Map.of("username", request.getUsername(), "loginUrl", AccountNotifications.TASKLIST_PATH);
  }

  record ActivationCommand(String token) {

    @Override
    public String toString() {
      return "ActivationCommand[hidden]";
    }
  }
}
