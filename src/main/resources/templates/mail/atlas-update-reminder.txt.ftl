<#-- To the editor of an update with no step completed for a while (see AtlasUpdateMails). -->
${product} — ${subject}

Bonjour ${recipientName},

La mise à jour de l'Atlas de ${localAuthorityName} commencée le ${startedOn} attend votre prochaine étape : aucune étape n'a été terminée depuis le ${lastActivityOn}.

Rien n'est publié avant l'étape 8 « Validation ». Votre brouillon est conservé : reprenez-le dans la téléprocédure (filtre « Mise à jour de l'Atlas ») : ${tasklistUrl}

Sans étape terminée d'ici le ${abandonOn}, la mise à jour sera abandonnée et son brouillon écarté ; l'Atlas publié de votre collectivité restera tel qu'il est.

--
Message automatique d'${product}. Merci de ne pas y répondre.
