package fr.gouv.cncd.atlas.monitoring;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The process instances the monitoring counts and searches (the engine's history). */
public interface ProcessFacts {

  /** The account requests and Atlas updates started since {@code since}, running or ended. */
  List<InstanceFact> startedSince(Instant since);

  /** The account requests and Atlas updates of these collectivités, most recent first, at most {@code limit}. */
  List<InstanceFact> ofLocalAuthorities(Collection<String> localAuthorityIds, int limit);

  /** Those whose business key contains {@code text} (any case): unlisted collectivités, requesters' names. */
  List<InstanceFact> withBusinessKeyContaining(String text, int limit);
}
