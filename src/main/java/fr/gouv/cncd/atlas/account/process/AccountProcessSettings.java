package fr.gouv.cncd.atlas.account.process;

import fr.gouv.cncd.atlas.account.AccountProperties;
import org.springframework.stereotype.Component;

/** Settings the AccountRequest BPMN reads through expressions ({@code ${accountProcess...}}). */
@Component("accountProcess")
public class AccountProcessSettings {

  private final AccountProperties properties;

  AccountProcessSettings(AccountProperties properties) {
    this.properties = properties;
  }

  /** ISO-8601 duration of the activation timer. */
  public String activationValidity() {
    return properties.activationValidity().toString();
  }

  /** Retry cycle of the mail steps. */
  public String mailRetryCycle() {
    return properties.mailRetryCycle();
  }
}
