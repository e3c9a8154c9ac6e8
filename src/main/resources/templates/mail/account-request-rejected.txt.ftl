<#-- To an address nobody has confirmed: no text typed by the requester; the motive is the DAECT's. -->
${product} — ${subject}

Bonjour,

Votre demande de compte du ${requestedOn}<#if localAuthorityName??> pour ${localAuthorityName}</#if> n'a pas été acceptée par la DAECT, pour le motif suivant :

${motive}

Si la situation évolue, vous pouvez faire une nouvelle demande : ${registrationUrl}

--
Message automatique d'${product}. Merci de ne pas y répondre.
