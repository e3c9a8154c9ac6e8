package fr.gouv.cncd.atlas.account;

import org.springframework.data.jpa.repository.JpaRepository;

interface PasswordLinkRepository extends JpaRepository<PasswordLink, String> {}
