package fr.gouv.cncd.atlas.account;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PasswordLinkRepository extends JpaRepository<PasswordLink, String> {

  List<PasswordLink> findByUsernameAndUsedAtIsNull(String username);
}
