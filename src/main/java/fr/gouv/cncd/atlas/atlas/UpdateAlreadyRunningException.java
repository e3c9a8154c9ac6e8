package fr.gouv.cncd.atlas.atlas;

/** A collectivité has one Atlas update at a time: this one runs already. */
public class UpdateAlreadyRunningException extends RuntimeException {

  private final transient AtlasDraft running;

  UpdateAlreadyRunningException(AtlasDraft running) {
    super("An Atlas update already runs for " + (running == null ? "this collectivité" : running.getLocalAuthorityId()));
    this.running = running;
  }

  /** The running update's draft; null when a concurrent start won the race and is not visible yet. */
  public AtlasDraft running() {
    return running;
  }
}
