<#-- To the DAECT, once a day: the updates of the Atlas validated that day (see DocumentMails). -->
${product} — ${subject}

Bonjour,

<#if count == 1>Une mise à jour de l'Atlas a été validée<#else>${count} mises à jour de l'Atlas ont été validées</#if> le ${day} :
<#list updates as update>
- ${update.localAuthority} — version ${update.version}, publiée le ${update.publishedAt} par ${update.publishedBy}
  compte-rendu : ${update.report}
</#list>

Les mises à jour se suivent aussi dans Cockpit : ${cockpitUrl}

--
Message automatique d'${product}. Merci de ne pas y répondre.
