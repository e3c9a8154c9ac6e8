package fr.gouv.cncd.atlas.atlas;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The aide publique au développement declared by each collectivité, most recent year first. */
@Service
@Transactional(readOnly = true)
public class OdaDeclarations {

  private final OdaDeclarationRepository repository;

  OdaDeclarations(OdaDeclarationRepository repository) {
    this.repository = repository;
  }

  public List<OdaDeclaration> of(String localAuthorityId) {
    return repository.findByLocalAuthorityIdOrderByYearDesc(localAuthorityId);
  }
}
