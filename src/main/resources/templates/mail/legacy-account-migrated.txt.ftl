${product} — ${subject}

Bonjour,

Votre compte de l'ancien site de la CNCD a été repris dans la nouvelle téléprocédure de mise à jour de l'Atlas français de la coopération décentralisée, sous l'identifiant ${username}.

Pour des raisons de sécurité, votre ancien mot de passe n'a pas été conservé : choisissez-en un nouveau en ouvrant le lien ci-dessous.

${passwordLink}

Ce lien est personnel et ne peut servir qu'une fois. Il expire le ${expiresOn}.

Vous vous connecterez ensuite à la téléprocédure : ${tasklistUrl}

--
Message automatique d'${product}. Merci de ne pas y répondre.
