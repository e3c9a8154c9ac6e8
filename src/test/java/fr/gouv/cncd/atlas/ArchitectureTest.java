package fr.gouv.cncd.atlas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The capabilities (account, referential, notification, security, web) know nothing of Camunda:
 * only their {@code process} sub-packages talk to the engine. Lower capabilities do not know the
 * account capability, and capabilities do not depend on each other in a cycle.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes = new ClassFileImporter()
        .withImportOption(new ImportOption.DoNotIncludeTests())
        .importPackages("fr.gouv.cncd.atlas");
  }

  @Test
  void keepsCamundaInsideTheProcessPackages() {
    noClasses().that().resideInAPackage("fr.gouv.cncd.atlas..")
        .and().resideOutsideOfPackage("..process..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .because("only the process adapters may know the engine")
        .check(classes);
  }

  @Test
  void keepsReferentialNotificationAndSecurityIndependentOfAccounts() {
    noClasses().that().resideInAnyPackage(
            "fr.gouv.cncd.atlas.referential..", "fr.gouv.cncd.atlas.notification..", "fr.gouv.cncd.atlas.security..")
        .and().resideOutsideOfPackage("..process..")
        .should().dependOnClassesThat().resideInAPackage("..account..")
        .because("accounts use the referential, notifications and security, not the other way round")
        .check(classes);
  }

  @Test
  void hasNoCycleBetweenCapabilities() {
    slices().matching("fr.gouv.cncd.atlas.(*)..")
        .should().beFreeOfCycles()
        .check(classes);
  }
}
