package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.AtlasWording;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.ODA_ROWS;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.ODA_SUMMARY;

import fr.gouv.cncd.atlas.atlas.OdaDeclaration;
import fr.gouv.cncd.atlas.atlas.OdaDeclarations;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Step 4 « Aide publique au développement »: the declared amounts, read-only. */
@Component
class OdaStep implements StepForm {

  private final OdaDeclarations declarations;

  OdaStep(OdaDeclarations declarations) {
    this.declarations = declarations;
  }

  @Override
  public Set<String> taskIds() {
    return Set.of(AtlasUpdateProcess.READ_ODA_AMOUNTS);
  }

  @Override
  public void show(Step step) {
    List<OdaDeclaration> declared = declarations.of(step.variables().localAuthorityId());
    step.variables().setList(ODA_ROWS, declared.stream().map(d -> Rows.row(
        "year", Integer.toString(d.getYear()),
        "amount", AtlasWording.euros(d.getAmount()),
        "zero", d.isZeroDeclaration() ? "oui" : "non",
        "declaredOn", AtlasWording.date(d.getDeclaredOn()))).toList());
    step.variables().set(ODA_SUMMARY, declared.isEmpty()
        ? "Aucune déclaration d'aide publique au développement n'est enregistrée pour votre collectivité."
        : declared.size() + (declared.size() == 1 ? " année déclarée" : " années déclarées") + ", la plus récente : "
            + declared.get(0).getYear() + " (" + AtlasWording.euros(declared.get(0).getAmount()) + ").");
  }

  @Override
  public void submit(Step step) {
    // Read-only: the amounts are declared through the yearly télédéclaration APD.
  }
}
