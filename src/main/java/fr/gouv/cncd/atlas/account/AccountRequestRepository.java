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

  /** Pending requests of a person (by name) for a listed collectivité, or for an unlisted one of that name. */
  @Query("select r from AccountRequest r where r.status = ?5 and lower(r.lastName) = lower(?1)"
      + " and lower(r.firstName) = lower(?2)"
      + " and (r.localAuthorityId = ?3 or (r.localAuthorityId is null and lower(r.unlistedName) = lower(?4)))"
      + " order by r.createdAt")
  java.util.List<AccountRequest> findSamePerson(String lastName, String firstName, String localAuthorityId,
      String unlistedName, AccountRequestStatus status);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from AccountRequest r where r.activationTokenHash = ?1")
  Optional<AccountRequest> findForActivation(String activationTokenHash);
}
