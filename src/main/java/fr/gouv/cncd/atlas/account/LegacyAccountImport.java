package fr.gouv.cncd.atlas.account;

import fr.gouv.cncd.atlas.account.LegacyAccount.Outcome;
import fr.gouv.cncd.atlas.referential.LocalAuthorities;
import fr.gouv.cncd.atlas.referential.LocalAuthority;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the accounts of the former CNCD site (CSV: identifiant, courriel, collectivité, date de
 * création). The guide says accounts created before 31 December 2013 are invalid: they are refused
 * and their holders register again; later ones are migrated and their holders choose a new password.
 */
@Service
public class LegacyAccountImport {

  private static final Logger log = LoggerFactory.getLogger(LegacyAccountImport.class);
  static final LocalDate FIRST_VALID_DAY = LocalDate.of(2014, 1, 1);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ofPattern("dd/MM/yyyy"), DateTimeFormatter.ofPattern("d/M/yyyy"));

  private final LegacyAccountRepository legacyAccounts;
  private final LocalAuthorities authorities;
  private final UserDirectory users;
  private final LegacyAccountWorkflow workflow;
  private final Clock clock;

  LegacyAccountImport(LegacyAccountRepository legacyAccounts, LocalAuthorities authorities, UserDirectory users,
      LegacyAccountWorkflow workflow, Clock clock) {
    this.legacyAccounts = legacyAccounts;
    this.authorities = authorities;
    this.users = users;
    this.workflow = workflow;
    this.clock = clock;
  }

  @Transactional
  public LegacyImportReport importCsv(Reader csv) {
    List<LegacyImportReport.Line> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(csv)) {
      String header = reader.readLine();
      if (header == null) {
        return new LegacyImportReport(lines);
      }
      String separator = header.contains(";") ? ";" : ",";
      String line;
      int number = 1;
      while ((line = reader.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          lines.add(importLine(number, line.split(separator, -1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LegacyImportReport report = new LegacyImportReport(lines);
    log.info("Legacy accounts import: {} migrated, {} refused (before 2014), {} already imported, {} in error",
        report.count(Outcome.MIGRATED), report.count(Outcome.REFUSED), report.count(Outcome.ALREADY_IMPORTED),
        report.count(Outcome.IN_ERROR));
    return report;
  }

  private LegacyImportReport.Line importLine(int number, String[] fields) {
    String legacyUsername = field(fields, 0);
    String email = field(fields, 1);
    String authorityText = field(fields, 2);
    String dateText = field(fields, 3);
    if (fields.length < 4 || legacyUsername.isEmpty()) {
      return record(number, legacyUsername, null, email, null, null, Outcome.IN_ERROR,
          "ligne incomplète : identifiant;courriel;collectivité;date de création attendus");
    }
    LocalDate createdOn = parseDate(dateText);
    if (createdOn == null) {
      return record(number, legacyUsername, null, email, null, null, Outcome.IN_ERROR,
          "date de création illisible « " + dateText + " » (attendu : AAAA-MM-JJ ou JJ/MM/AAAA)");
    }
    if (createdOn.isBefore(FIRST_VALID_DAY)) {
      return record(number, legacyUsername, null, email, null, createdOn, Outcome.REFUSED,
          "compte créé le " + createdOn.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
              + ", avant le 31 décembre 2013 : le titulaire doit faire une nouvelle demande");
    }
    String username = legacyUsername.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (username.length() < 3 || username.length() > 30) {
      return record(number, legacyUsername, null, email, null, createdOn, Outcome.IN_ERROR,
          "identifiant « " + legacyUsername + " » impossible à reprendre (3 à 30 lettres et chiffres)");
    }
    if (!EMAIL.matcher(email).matches()) {
      return record(number, legacyUsername, username, email, null, createdOn, Outcome.IN_ERROR,
          "courriel invalide « " + email + " »");
    }
    Optional<LocalAuthority> authority = resolve(authorityText);
    if (authority.isEmpty()) {
      return record(number, legacyUsername, username, email, null, createdOn, Outcome.IN_ERROR,
          "collectivité « " + authorityText + " » introuvable dans le référentiel (indiquez son identifiant,"
              + " son code INSEE ou SIREN, ou son nom exact)");
    }
    if (users.userExists(username)) {
      Optional<UserDirectory.Profile> existing = users.profile(username);
      boolean sameHolder = existing.map(p -> email.equalsIgnoreCase(p.email())).orElse(false);
      return record(number, legacyUsername, username, email, authority.get().getId(), createdOn,
          sameHolder ? Outcome.ALREADY_IMPORTED : Outcome.IN_ERROR,
          sameHolder ? "déjà repris lors d'un import précédent"
              : "l'identifiant « " + username + " » est déjà utilisé par un autre compte");
    }
    users.createUser(new UserDirectory.NewUser(username, null, null, email, null, authority.get().groupId(),
        authority.get().getName()));
    workflow.start(username);
    String renamed = username.equals(legacyUsername) ? "" : " (identifiant « " + legacyUsername + " » devenu « "
        + username + " »)";
    return record(number, legacyUsername, username, email, authority.get().getId(), createdOn, Outcome.MIGRATED,
        authority.get().getName() + renamed);
  }

  private Optional<LocalAuthority> resolve(String text) {
    return authorities.resolve(text);
  }

  private LegacyImportReport.Line record(int number, String legacyUsername, String username, String email,
      String localAuthorityId, LocalDate createdOn, Outcome outcome, String detail) {
    legacyAccounts.save(new LegacyAccount(legacyUsername, username, email, localAuthorityId, createdOn, outcome,
        detail, clock.instant()));
    return new LegacyImportReport.Line(number, legacyUsername, email, outcome, detail);
  }

  private static LocalDate parseDate(String text) {
    String date = text.length() > 10 && text.charAt(4) == '-' ? text.substring(0, 10) : text;
    for (DateTimeFormatter format : DATES) {
      try {
        return LocalDate.parse(date, format);
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    return null;
  }

  private static String field(String[] fields, int index) {
    return index < fields.length ? fields[index].trim().replaceAll("^\"|\"$", "") : "";
  }
}
