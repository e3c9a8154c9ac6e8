package fr.gouv.cncd.atlas.atlas;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AtlasDraftRepository extends JpaRepository<AtlasDraft, String> {

  Optional<AtlasDraft> findByOpenFor(String localAuthorityId);

  Optional<AtlasDraft> findByProcessInstanceId(String processInstanceId);

  /** Drafts being edited (not validated) with no step completed since then. */
  List<AtlasDraft> findByStatusAndLastActivityAtBeforeOrderByLastActivityAt(DraftStatus status, Instant before);

  /** The draft, locked until the end of the transaction: one publication at a time. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select d from AtlasDraft d where d.id = ?1")
  Optional<AtlasDraft> findForPublication(String id);
}
