${product} — ${subject}

Bonjour,

Un nouveau mot de passe a été demandé pour votre compte ${username} de la téléprocédure de mise à jour de l'Atlas français de la coopération décentralisée, sur la page « Mot de passe oublié ? ».

Pour choisir votre nouveau mot de passe, ouvrez le lien ci-dessous.

${passwordLink}

Ce lien est personnel et ne peut servir qu'une fois. Il expire le ${expiresAt}. Passé ce délai, vous pourrez en demander un nouveau : ${forgottenPasswordUrl}

Si vous n'êtes pas à l'origine de cette demande, ne tenez pas compte de ce courriel : votre mot de passe actuel reste valable et personne ne peut le changer sans ce lien.

Vous vous connecterez ensuite à la téléprocédure : ${tasklistUrl}

--
Message automatique d'${product}. Merci de ne pas y répondre.
