package fr.gouv.cncd.atlas.atlas;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OdaDeclarationRepository extends JpaRepository<OdaDeclaration, String> {

  List<OdaDeclaration> findByLocalAuthorityIdOrderByYearDesc(String localAuthorityId);
}
