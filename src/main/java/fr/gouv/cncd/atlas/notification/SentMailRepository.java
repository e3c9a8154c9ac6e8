package fr.gouv.cncd.atlas.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface SentMailRepository extends JpaRepository<SentMail, String> {}
