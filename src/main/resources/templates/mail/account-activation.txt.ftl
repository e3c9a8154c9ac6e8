<#-- To an address not confirmed until the link is used: no text typed by the requester (see AccountNotifications). -->
${product} — ${subject}

Bonjour,

La DAECT a validé votre demande de compte du ${requestedOn}<#if localAuthorityName??> pour ${localAuthorityName}</#if>. Pour activer votre compte, ouvrez le lien ci-dessous puis confirmez l'activation :

${activationLink}

Ce lien est personnel et ne peut servir qu'une fois. Il expire le ${expiresOn} ; passé ce délai, il faudra faire une nouvelle demande.

Une fois votre compte activé, vous vous connecterez à la téléprocédure avec l'identifiant et le mot de passe choisis lors de votre demande.

--
Message automatique d'${product}. Merci de ne pas y répondre.
