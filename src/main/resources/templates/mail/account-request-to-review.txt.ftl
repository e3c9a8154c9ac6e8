${product} — ${subject}

Bonjour,

Une demande de compte attend votre validation dans la téléprocédure :
- Demandeur : ${civility} ${fullName}, ${function}
- Courriel : ${email}
- Collectivité : ${localAuthorityName}
- Identifiant demandé : ${username}
- Reçue le : ${requestedOn}

Ouvrir la tâche dans Tasklist : ${taskLink}

--
Message automatique d'${product}. Merci de ne pas y répondre.
