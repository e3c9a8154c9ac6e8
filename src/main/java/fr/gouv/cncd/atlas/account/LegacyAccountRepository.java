package fr.gouv.cncd.atlas.account;

import org.springframework.data.jpa.repository.JpaRepository;

interface LegacyAccountRepository extends JpaRepository<LegacyAccount, Long> {}
