package fr.gouv.cncd.atlas.account;

import fr.gouv.cncd.atlas.security.SlidingWindowLimiter;
import fr.gouv.cncd.atlas.security.ThrottleProperties;
import fr.gouv.cncd.atlas.web.TooManyRequestsException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public API behind /inscription and the activation page. Besides the limit per client address of
 * every public POST, account requests are limited per e-mail address (lower-cased), whatever
 * address they come from: each accepted one mails that address. A request refused as invalid or
 * conflicting does not count.
 */
@RestController
class AccountRequestController {

  private final AccountRequests requests;
  private final SlidingWindowLimiter perEmail;

  AccountRequestController(AccountRequests requests, ThrottleProperties throttle, Clock clock) {
    this.requests = requests;
    this.perEmail = new SlidingWindowLimiter(throttle.perEmail(), throttle.maxTrackedKeys(), clock);
  }

  @PostMapping(path = "/api/account-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, String> submit(@RequestBody AccountRequestCommand command) {
    String email = command.email() == null ? "" : command.email().trim().toLowerCase(Locale.ROOT);
    if (email.isEmpty()) {
      return accepted(requests.submit(command)); // refused as invalid: there is nobody to mail
    }
    // Checked before, counted after: concurrent identical requests all reach the database, whose
    // uniqueness accepts one and answers 409 to the others; the limit bounds accepted requests.
    perEmail.check(email).ifPresent(retryAfter -> {
      throw new TooManyRequestsException("Trop de demandes pour cette adresse électronique",
          "Plusieurs demandes de compte ont déjà été faites récemment avec cette adresse électronique.", retryAfter);
    });
    AccountRequest request = requests.submit(command);
    perEmail.count(email);
    return accepted(request);
  }

  private static Map<String, String> accepted(AccountRequest request) {
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
