package fr.gouv.cncd.atlas.referential;

import org.springframework.data.jpa.repository.JpaRepository;

interface LocalAuthorityRepository extends JpaRepository<LocalAuthority, String> {}
