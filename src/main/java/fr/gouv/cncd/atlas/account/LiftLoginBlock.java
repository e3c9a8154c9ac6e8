package fr.gouv.cncd.atlas.account;

import fr.gouv.cncd.atlas.security.LoginThrottle;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/** A user who chose a new password through a mailed link proved she owns the account: no more login block. */
@Component
class LiftLoginBlock {

  private final LoginThrottle throttle;

  LiftLoginBlock(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(PasswordChosen chosen) {
    throttle.forgive(chosen.username());
  }
}
