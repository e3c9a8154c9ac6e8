package fr.gouv.cncd.atlas.atlas;

import fr.gouv.cncd.atlas.security.PlatformProperties;
import fr.gouv.cncd.atlas.web.FrenchDates;
import fr.gouv.cncd.atlas.notification.Mail;
import fr.gouv.cncd.atlas.notification.Mailer;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The mails about an update left idle: the reminder, then the notice that it was abandoned. */
@Service
public class AtlasUpdateMails {


  private final Mailer mailer;
  private final LocalAuthorities authorities;
  private final AtlasProperties properties;
  private final String publicUrl;

  AtlasUpdateMails(Mailer mailer, LocalAuthorities authorities, AtlasProperties properties,
      PlatformProperties platform) {
    this.mailer = mailer;
    this.authorities = authorities;
    this.properties = properties;
    this.publicUrl = platform.publicUrl();
  }

  /** « Your update waits »: to the editor of an update with no step completed for a while. */
  public void sendReminder(AtlasDraft draft, String to, String recipientName) {
    Map<String, Object> model = model(draft, recipientName);
    mailer.send(new Mail(draft.getId() + ":reminder:" + draft.getLastActivityAt().toEpochMilli(), to,
        "Votre mise à jour de l'Atlas vous attend : " + model.get("localAuthorityName"), "atlas-update-reminder", model,
        List.of(publicUrl + "/camunda/app/tasklist/")));
  }

  /** « Your update was abandoned »: its draft discarded, the published Atlas unchanged. */
  public void sendAbandoned(AtlasDraft draft, String to, String recipientName) {
    Map<String, Object> model = model(draft, recipientName);
    mailer.send(new Mail(draft.getId() + ":abandoned", to,
        "Mise à jour de l'Atlas abandonnée : " + model.get("localAuthorityName"), "atlas-update-abandoned", model,
        List.of(publicUrl + "/camunda/app/tasklist/")));
  }

  private Map<String, Object> model(AtlasDraft draft, String recipientName) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("recipientName", recipientName);
    model.put("localAuthorityName", authorities.find(draft.getLocalAuthorityId()).map(a -> a.getName())
        .orElse(draft.getLocalAuthorityId()));
    model.put("startedOn", FrenchDates.day(draft.getStartedAt()));
    model.put("lastActivityOn", FrenchDates.day(draft.getLastActivityAt()));
    model.put("abandonOn", FrenchDates.day(draft.getLastActivityAt().plus(properties.abandonAfter())));
    model.put("abandonAfterDays", properties.abandonAfter().toDays());
    model.put("tasklistUrl", publicUrl + "/camunda/app/tasklist/");
    return model;
  }
}
