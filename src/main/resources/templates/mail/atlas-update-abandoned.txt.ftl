<#-- To the editor of an update abandoned after a long idle period (see AtlasUpdateMails). -->
${product} — ${subject}

Bonjour ${recipientName},

La mise à jour de l'Atlas de ${localAuthorityName} commencée le ${startedOn} a été abandonnée : aucune étape n'avait été terminée depuis le ${lastActivityOn} (${abandonAfterDays} jours).

Son brouillon est écarté : il ne sera pas publié. L'Atlas publié de votre collectivité n'a pas changé : rien n'est publié avant la validation de l'étape 8.

Vous pouvez commencer une nouvelle mise à jour à tout moment dans la téléprocédure : ${tasklistUrl}

--
Message automatique d'${product}. Merci de ne pas y répondre.
