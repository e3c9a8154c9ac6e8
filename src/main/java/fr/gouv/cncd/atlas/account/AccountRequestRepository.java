package fr.gouv.cncd.atlas.account;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AccountRequestRepository extends JpaRepository<AccountRequest, String> {

  @Query("select count(r) > 0 from AccountRequest r where lower(r.username) = lower(?1) and r.status in ?2")
  boolean existsByUsername(String username, Collection<AccountRequestStatus> statuses);

  @Query("select count(r) > 0 from AccountRequest r where lower(r.email) = lower(?1) and r.status in ?2")
  boolean existsByEmail(String email, Collection<AccountRequestStatus> statuses);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from AccountRequest r where r.activationTokenHash = ?1")
  Optional<AccountRequest> findForActivation(String activationTokenHash);
}
