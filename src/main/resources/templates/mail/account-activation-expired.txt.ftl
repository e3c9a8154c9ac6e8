${product} — ${subject}

Bonjour ${civility} ${lastName},

Le lien d'activation de votre compte ${username} pour ${localAuthorityName} a expiré sans avoir été utilisé. Votre demande est close et aucun compte n'a été ouvert.

Pour obtenir un compte, faites une nouvelle demande : ${registrationUrl}

--
Message automatique de ${product}. Merci de ne pas y répondre.
