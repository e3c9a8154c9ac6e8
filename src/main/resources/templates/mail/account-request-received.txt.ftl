<#-- To an address nobody has confirmed yet: no text typed by the requester (see AccountNotifications). -->
${product} — ${subject}

Bonjour,

Votre demande de compte<#if localAuthorityName??> pour ${localAuthorityName}</#if> a bien été enregistrée le ${requestedOn}.

La DAECT (Délégation pour l'action extérieure des collectivités territoriales) est informée de votre inscription. Une fois vos informations validées, vous recevrez un courriel vous permettant d'activer votre compte.

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun compte ne sera ouvert sans validation.

--
Message automatique d'${product}. Merci de ne pas y répondre.
