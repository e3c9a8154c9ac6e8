package fr.gouv.cncd.atlas.account;

import fr.gouv.cncd.atlas.account.LegacyAccount.Outcome;
import java.util.List;

/** What an import of legacy accounts did, line by line, printable in French. */
public record LegacyImportReport(List<Line> lines) {

  /** One line of the CSV (numbered from the header, line 1). */
  public record Line(int number, String legacyUsername, String email, Outcome outcome, String detail) {}

  long count(Outcome outcome) {
    return lines.stream().filter(line -> line.outcome() == outcome).count();
  }

  public long migrated() {
    return count(Outcome.MIGRATED);
  }

  public long refused() {
    return count(Outcome.REFUSED);
  }

  public long inError() {
    return count(Outcome.IN_ERROR);
  }

  public long alreadyImported() {
    return count(Outcome.ALREADY_IMPORTED);
  }

  /** The report an administrator reads. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append("Import des comptes de l'ancien site de la CNCD : ").append(lines.size()).append(" ligne(s)\n\n");
    section(text, Outcome.MIGRATED, "Comptes repris",
        "chaque titulaire reçoit un courriel pour choisir un nouveau mot de passe");
    section(text, Outcome.REFUSED, "Comptes non repris, créés avant le 31 décembre 2013",
        "leurs titulaires doivent faire une nouvelle demande de compte");
    section(text, Outcome.ALREADY_IMPORTED, "Comptes déjà repris", "rien n'a été modifié");
    section(text, Outcome.IN_ERROR, "Lignes en erreur", "à corriger puis à importer de nouveau");
    return text.toString();
  }

  private void section(StringBuilder text, Outcome outcome, String title, String meaning) {
    List<Line> selected = lines.stream().filter(line -> line.outcome() == outcome).toList();
    text.append(title).append(" : ").append(selected.size());
    if (!selected.isEmpty()) {
      text.append(" (").append(meaning).append(")");
    }
    text.append('\n');
    for (Line line : selected) {
      text.append("  ligne ").append(line.number()).append(" : ").append(line.legacyUsername());
      if (line.email() != null && !line.email().isEmpty()) {
        text.append(" <").append(line.email()).append('>');
      }
      text.append(" — ").append(line.detail()).append('\n');
    }
    text.append('\n');
  }
}
