package fr.gouv.cncd.atlas.atlas.report;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AtlasDocumentRepository extends JpaRepository<AtlasDocument, String> {

  Optional<AtlasDocument> findByVersionIdAndKind(String versionId, AtlasDocument.Kind kind);

  boolean existsByVersionIdAndKind(String versionId, AtlasDocument.Kind kind);

  Optional<AtlasDocument> findByVerificationCode(String verificationCode);
}
