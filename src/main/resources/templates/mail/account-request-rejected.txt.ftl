${product} — ${subject}

Bonjour ${civility} ${lastName},

Votre demande de compte du ${requestedOn} pour ${localAuthorityName} (identifiant ${username}) n'a pas été acceptée par la DAECT, pour le motif suivant :

${motive}

Si la situation évolue, vous pouvez faire une nouvelle demande : ${registrationUrl}

--
Message automatique de ${product}. Merci de ne pas y répondre.
