${product} — ${subject}

Bonjour ${civility} ${lastName},

Votre demande de compte pour ${localAuthorityName}, avec l'identifiant ${username}, a bien été enregistrée le ${requestedOn}.

La DAECT (Délégation pour l'action extérieure des collectivités territoriales) est informée de votre inscription. Une fois vos informations validées, vous recevrez un courriel vous permettant d'activer votre compte.

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun compte ne sera ouvert sans validation.

--
Message automatique de ${product}. Merci de ne pas y répondre.
