package fr.gouv.cncd.atlas.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.gouv.cncd.atlas.security.ThrottleProperties;
import fr.gouv.cncd.atlas.support.TestClock;
import fr.gouv.cncd.atlas.web.InvalidRequestException;
import fr.gouv.cncd.atlas.web.TooManyRequestsException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The limit of account requests per e-mail address. The controller knows no client address: the
 * limit holds whatever address each request comes from. The HTTP side: ThrottledPublicApiTest.
 */
class AccountRequestControllerTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
  private final AccountRequests requests = mock(AccountRequests.class);
  private final AccountRequestController controller = new AccountRequestController(requests,
      new ThrottleProperties(null, new ThrottleProperties.Limit(3, Duration.ofDays(1)), 100), clock);

  @Test
  void theFourthRequestForOneEmailInADayIsRefusedWhateverItsCase() {
    when(requests.submit(any())).thenReturn(accepted());
    controller.submit(command("Jeanne.Morvan@Rennes.example.fr"));
    controller.submit(command("jeanne.morvan@rennes.example.fr"));
    controller.submit(command(" JEANNE.MORVAN@RENNES.EXAMPLE.FR "));

    assertThatThrownBy(() -> controller.submit(command("jeanne.morvan@rennes.example.fr")))
        .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
          assertThat(e.title()).isEqualTo("Trop de demandes pour cette adresse électronique");
          assertThat(e.getMessage()).isEqualTo("Plusieurs demandes de compte ont déjà été faites récemment avec"
              + " cette adresse électronique. Réessayez dans 24 heures.");
          assertThat(e.retryAfterSeconds()).isEqualTo(Duration.ofDays(1).toSeconds());
        });
    verify(requests, times(3)).submit(any());

    controller.submit(command("paul.kerjean@rennes.example.fr"));
    clock.advance(Duration.ofDays(1));
    controller.submit(command("jeanne.morvan@rennes.example.fr"));
    verify(requests, times(5)).submit(any());
  }

  @Test
  void aRequestRefusedAsInvalidDoesNotCount() {
    when(requests.submit(any())).thenThrow(new InvalidRequestException("Le formulaire contient des erreurs."));
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> controller.submit(command("jeanne.morvan@rennes.example.fr")))
          .isInstanceOf(InvalidRequestException.class);
    }
  }

  private static AccountRequestCommand command(String email) {
    return new AccountRequestCommand("commune-35238", null, "MADAME", "Morvan", "Jeanne", "Chargée de mission",
        email, null, "jmorvan", "Jumelage#Rennes-Erlangen1");
  }

  private static AccountRequest accepted() {
    return new AccountRequest("commune-35238", null, null, null, Civility.MADAME, "Morvan", "Jeanne",
        "Chargée de mission", "jeanne.morvan@rennes.example.fr", null, "jmorvan", new StoredPassword("h", "s"),
        Instant.parse("2026-12-01T09:00:00Z"));
  }
}
