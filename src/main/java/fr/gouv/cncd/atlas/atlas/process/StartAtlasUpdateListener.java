package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.web.FrenchDates;
import fr.gouv.cncd.atlas.atlas.AtlasWording;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.*;

import fr.gouv.cncd.atlas.atlas.AtlasDraft;
import fr.gouv.cncd.atlas.atlas.AtlasReferentials;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.atlas.CatalogueEntry;
import fr.gouv.cncd.atlas.atlas.UpdateAlreadyRunningException;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.referential.LocalAuthority;
import fr.gouv.cncd.atlas.security.Groups;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Start listener of AtlasUpdate: which collectivité, from the starter's group membership on the
 * server (an agent), or from the start form (the DAECT only); one update per collectivité at a
 * time; opens the draft and gives the process its ids, its candidates and a readable business key.
 */
@Component("startAtlasUpdate")
class StartAtlasUpdateListener implements ExecutionListener {

  /** A collectivité's group id: its referential id without the dash (commune35238, epci243500139). */
  private static final Pattern LOCAL_AUTHORITY_GROUP_ID = Pattern.compile("(region|department|commune|epci|overseas)(.+)");

  private final AtlasUpdates updates;
  private final LocalAuthorities authorities;
  private final AtlasReferentials referentials;
  private final AtlasWording wording;
  private final IdentityService identity;
  private final Clock clock;
  private final UserNames names;

  StartAtlasUpdateListener(AtlasUpdates updates, LocalAuthorities authorities, AtlasReferentials referentials,
      AtlasWording wording, IdentityService identity, Clock clock, UserNames names) {
    this.names = names;
    this.updates = updates;
    this.authorities = authorities;
    this.referentials = referentials;
    this.wording = wording;
    this.identity = identity;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    AtlasUpdateVariables variables = AtlasUpdateVariables.of(execution);
    Authentication starter = identity.getCurrentAuthentication();
    if (starter == null || starter.getUserId() == null) {
      throw refusal("Connectez-vous pour mettre à jour l'Atlas.");
    }
    LocalAuthority authority = localAuthorityOf(starter, variables.string(REQUESTED_LOCAL_AUTHORITY));
    AtlasDraft draft;
    try {
      draft = updates.start(authority.getId(), starter.getUserId());
    } catch (UpdateAlreadyRunningException e) {
      throw refusal(alreadyRunning(authority, e.running()));
    }
    updates.attach(draft.getId(), execution.getProcessInstanceId());
    // « Rennes (commune-35238) — 3 décembre 2026 », as Cockpit lists the instances.
    execution.setProcessBusinessKey(authority.getName() + " (" + authority.getId() + ") — "
        + FrenchDates.day(clock.instant()));
    variables.set(ATLAS_UPDATE_ID, draft.getId());
    variables.set(LOCAL_AUTHORITY_ID, authority.getId());
    variables.set(LOCAL_AUTHORITY_GROUP, authority.groupId());
    variables.set(LOCAL_AUTHORITY_LABEL, authorities.label(authority));
    variables.set(EDITOR, starter.getUserId());
    variables.setList(COUNTRY_OPTIONS, referentials.partnerCountries().stream()
        .map(c -> Rows.option(c.name(), c.code())).toList());
    variables.setList(THEME_OPTIONS, options(referentials.themes()));
    variables.setList(SDG_OPTIONS, options(referentials.sdgs()));
    List<java.util.LinkedHashMap<String, String>> networks = new java.util.ArrayList<>(options(referentials.networks()));
    networks.add(Rows.option("Autre (à préciser)", "OTHER"));
    variables.setList(NETWORK_CATALOGUE, networks);
    variables.setList(ACTION_NATURE_OPTIONS, AtlasWording.ACTION_NATURES.stream()
        .map(code -> Rows.option(wording.code(code), code)).toList());
  }

  private static List<java.util.LinkedHashMap<String, String>> options(List<CatalogueEntry> entries) {
    return entries.stream().map(e -> Rows.option(e.label(), e.code())).toList();
  }

  /** An agent's own collectivité, whatever the form says; for the DAECT, the one it names. */
  private LocalAuthority localAuthorityOf(Authentication starter, String requested) {
    List<String> groups = starter.getGroupIds() == null ? List.of() : starter.getGroupIds();
    List<LocalAuthority> own = groups.stream().map(this::fromGroupId).flatMap(Optional::stream).toList();
    if (own.size() == 1) {
      return own.get(0);
    }
    if (own.size() > 1) {
      throw refusal("Votre compte est rattaché à plusieurs collectivités : demandez à la DAECT de corriger vos groupes.");
    }
    if (!groups.contains(Groups.DAECT)) {
      throw refusal("Seuls les agents d'une collectivité et la DAECT mettent à jour l'Atlas.");
    }
    if (requested == null || requested.isBlank()) {
      throw new FormFieldValidationException(REQUESTED_LOCAL_AUTHORITY,
          "Collectivité : indiquez la collectivité dont vous mettez l'Atlas à jour (par exemple commune-35238 ou son code INSEE).");
    }
    return authorities.resolve(requested).orElseThrow(() -> new FormFieldValidationException(REQUESTED_LOCAL_AUTHORITY,
        "Collectivité : « " + requested.strip() + " » ne désigne aucune collectivité du référentiel (identifiant,"
            + " code INSEE ou SIREN, ou nom exact)."));
  }

  private Optional<LocalAuthority> fromGroupId(String groupId) {
    Matcher matcher = LOCAL_AUTHORITY_GROUP_ID.matcher(groupId);
    return matcher.matches() ? authorities.find(matcher.group(1) + "-" + matcher.group(2)) : Optional.empty();
  }

  private String alreadyRunning(LocalAuthority authority, AtlasDraft running) {
    if (running == null) {
      return "Une mise à jour de l'Atlas de " + authority.getName() + " vient d'être commencée : reprenez-la depuis"
          + " le filtre « Mise à jour de l'Atlas » de Tasklist.";
    }
    return "Une mise à jour de l'Atlas de " + authority.getName() + " est déjà en cours : commencée le "
        + FrenchDates.dayAndTime(running.getStartedAt()) + " par " + person(running.getStartedBy()) + ". Une seule mise à jour"
        + " par collectivité à la fois : reprenez-la depuis le filtre « Mise à jour de l'Atlas » de Tasklist.";
  }

  private String person(String userId) {
    return names.of(userId);
  }

  private static FormFieldValidationException refusal(String message) {
    return new FormFieldValidationException(REQUESTED_LOCAL_AUTHORITY, message);
  }
}
