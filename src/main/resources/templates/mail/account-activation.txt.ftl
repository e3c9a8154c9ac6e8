${product} — ${subject}

Bonjour ${civility} ${lastName},

La DAECT a validé votre demande de compte pour ${localAuthorityName}. Pour activer votre compte ${username}, ouvrez le lien ci-dessous puis confirmez l'activation :

${activationLink}

Ce lien est personnel et ne peut servir qu'une fois. Il expire le ${expiresOn} ; passé ce délai, il faudra faire une nouvelle demande.

Une fois votre compte activé, vous vous connecterez à la téléprocédure avec votre identifiant et le mot de passe choisi lors de votre demande.

--
Message automatique de ${product}. Merci de ne pas y répondre.
