<#-- To the agent who validated the update (see DocumentMails): the compte-rendu and the attestation attached. -->
${product} — ${subject}

Bonjour ${recipientName},

La mise à jour de l'Atlas de ${localAuthorityName} que vous avez validée est publiée depuis le ${publishedAt} (version ${version}).

Vous trouverez en pièces jointes :
- le compte-rendu de cette mise à jour : ce qui a changé, section par section, puis l'Atlas tel qu'il est publié ;
- l'attestation « Atlas à jour », à joindre à une demande de cofinancement du ministère de l'Europe et des Affaires étrangères. Son code de vérification, ${code}, se vérifie à l'adresse ${verificationUrl}.

Ces documents restent téléchargeables dans la téléprocédure : ${tasklistUrl}

--
Message automatique d'${product}. Merci de ne pas y répondre.
