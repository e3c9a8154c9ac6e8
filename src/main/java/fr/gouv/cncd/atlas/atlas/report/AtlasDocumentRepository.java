package fr.gouv.cncd.atlas.atlas.report;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AtlasDocumentRepository extends JpaRepository<AtlasDocument, String> {

  Optional<AtlasDocument> findByVersionIdAndKind(String versionId, AtlasDocument.Kind kind);

  boolean existsByVersionIdAndKind(String versionId, AtlasDocument.Kind kind);

  Optional<AtlasDocument> findByVerificationCode(String verificationCode);

  /** Which documents the versions have, without their content. */
  List<Written> findByVersionIdIn(Collection<String> versionIds);

  /** A document's version and kind (a projection: the PDF is not read). */
  interface Written {
    String getVersionId();

    AtlasDocument.Kind getKind();
  }
}
