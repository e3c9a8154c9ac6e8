<#-- To an address nobody has confirmed (the link was never used): no text typed by the requester. -->
${product} — ${subject}

Bonjour,

Le lien d'activation de votre compte<#if localAuthorityName??> pour ${localAuthorityName}</#if>, demandé le ${requestedOn}, a expiré sans avoir été utilisé. Votre demande est close et aucun compte n'a été ouvert.

Pour obtenir un compte, faites une nouvelle demande : ${registrationUrl}

--
Message automatique d'${product}. Merci de ne pas y répondre.
