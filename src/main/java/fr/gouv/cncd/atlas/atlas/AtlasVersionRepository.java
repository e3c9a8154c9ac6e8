package fr.gouv.cncd.atlas.atlas;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AtlasVersionRepository extends JpaRepository<AtlasVersion, String> {

  Optional<AtlasVersion> findFirstByLocalAuthorityIdOrderByNumberDesc(String localAuthorityId);

  Optional<AtlasVersion> findByLocalAuthorityIdAndNumber(String localAuthorityId, int number);

  Optional<AtlasVersion> findByUpdateId(String updateId);

  List<AtlasVersion> findByLocalAuthorityIdOrderByNumber(String localAuthorityId);

  /** Versions published by an update (validated by a collectivité) in [from, to). */
  List<AtlasVersion> findByUpdateIdIsNotNullAndPublishedAtGreaterThanEqualAndPublishedAtLessThanOrderByPublishedAt(
      java.time.Instant from, java.time.Instant to);
}
