package fr.gouv.cncd.atlas.atlas.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The variables of the AtlasUpdate process: ids, routing flags and what the forms show. The draft
 * (application tables) is the source of truth; a form's variables are written from it when its
 * task starts and read back, checked, into it when the task ends. Every String constant of this
 * class is a variable (FormsTest reads them).
 */
final class AtlasUpdateVariables {

  // Ids and routing
  static final String ATLAS_UPDATE_ID = "atlasUpdateId";
  static final String LOCAL_AUTHORITY_ID = "localAuthorityId";
  static final String LOCAL_AUTHORITY_GROUP = "localAuthorityGroup";
  static final String EDITOR = "editor";
  static final String EDITED_ITEM_ID = "editedItemId";
  static final String PUBLISHED_VERSION = "publishedVersion";
  // Start form (DAECT only)
  static final String REQUESTED_LOCAL_AUTHORITY = "requestedLocalAuthority";
  // Shown on every step
  static final String LOCAL_AUTHORITY_LABEL = "localAuthorityLabel";
  static final String DRAFT_STATUS = "draftStatus";
  static final String SHEET_TITLE = "sheetTitle";
  static final String SHEET_DECISION = "sheetDecision";
  // Referentials offered by the sheets
  static final String COUNTRY_OPTIONS = "countryOptions";
  static final String THEME_OPTIONS = "themeOptions";
  static final String SDG_OPTIONS = "sdgOptions";
  static final String NETWORK_CATALOGUE = "networkCatalogue";
  static final String ACTION_NATURE_OPTIONS = "actionNatureOptions";
  // Step 2
  static final String COORDINATES_ADDRESS = "coordinatesAddress";
  static final String COORDINATES_POSTAL_CODE = "coordinatesPostalCode";
  static final String COORDINATES_TOWN = "coordinatesTown";
  static final String COORDINATES_PHONE = "coordinatesPhone";
  static final String COORDINATES_EMAIL = "coordinatesEmail";
  static final String COORDINATES_WEBSITE = "coordinatesWebsite";
  static final String COORDINATES_SERVICE = "coordinatesService";
  // Step 3
  static final String CONTACT_ROWS = "contactRows";
  static final String CONTACT_COUNT = "contactCount";
  static final String CONTACT_ACTION = "contactAction";
  static final String CONTACT_CHOICE = "contactChoice";
  static final String CONTACT_OPTIONS = "contactOptions";
  static final String CONTACT_CIVILITY = "contactCivility";
  static final String CONTACT_LAST_NAME = "contactLastName";
  static final String CONTACT_FIRST_NAME = "contactFirstName";
  static final String CONTACT_FUNCTION = "contactFunction";
  static final String CONTACT_QUALITY = "contactQuality";
  static final String CONTACT_EMAIL = "contactEmail";
  static final String CONTACT_PHONE = "contactPhone";
  static final String CONTACT_DOMAINS = "contactDomains";
  // Step 4
  static final String ODA_ROWS = "odaRows";
  static final String ODA_SUMMARY = "odaSummary";
  // Step 5
  static final String NETWORK_ROWS = "networkRows";
  static final String NETWORK_COUNT = "networkCount";
  static final String NETWORK_ACTION = "networkAction";
  static final String NETWORK_CHOICE = "networkChoice";
  static final String NETWORK_OPTIONS = "networkOptions";
  static final String NETWORK_CODE = "networkCode";
  static final String NETWORK_OTHER_NAME = "networkOtherName";
  static final String NETWORK_YEAR_JOINED = "networkYearJoined";
  // Steps 6 and 7: the lists (prefix cooperation / externalAction)
  static final String COOPERATION_ROWS = "cooperationRows";
  static final String COOPERATION_COUNT = "cooperationCount";
  static final String COOPERATION_SEARCH = "cooperationSearch";
  static final String COOPERATION_ACTION = "cooperationAction";
  static final String COOPERATION_CHOICE = "cooperationChoice";
  static final String COOPERATION_OPTIONS = "cooperationOptions";
  static final String EXTERNAL_ACTION_ROWS = "externalActionRows";
  static final String EXTERNAL_ACTION_COUNT = "externalActionCount";
  static final String EXTERNAL_ACTION_SEARCH = "externalActionSearch";
  static final String EXTERNAL_ACTION_ACTION = "externalActionAction";
  static final String EXTERNAL_ACTION_CHOICE = "externalActionChoice";
  static final String EXTERNAL_ACTION_OPTIONS = "externalActionOptions";
  // Steps 6 and 7: the project sheet
  static final String PROJECT_COUNTRY = "projectCountry";
  static final String PROJECT_PARTNER_AUTHORITY = "projectPartnerAuthority";
  static final String PROJECT_PARTNER_LEVEL = "projectPartnerLevel";
  static final String PROJECT_OTHER_PARTNERS = "projectOtherPartners";
  static final String PROJECT_TITLE = "projectTitle";
  static final String PROJECT_DESCRIPTION = "projectDescription";
  static final String PROJECT_THEMES = "projectThemes";
  static final String PROJECT_SDGS = "projectSdgs";
  static final String PROJECT_START_DATE = "projectStartDate";
  static final String PROJECT_END_DATE = "projectEndDate";
  static final String PROJECT_ONGOING = "projectOngoing";
  static final String PROJECT_AGREEMENT_TYPE = "projectAgreementType";
  static final String PROJECT_SIGNATURE_DATE = "projectSignatureDate";
  static final String PROJECT_AGREEMENT_END = "projectAgreementEnd";
  static final String PROJECT_ACTION_NATURE = "projectActionNature";
  static final String PROJECT_TOTAL_BUDGET = "projectTotalBudget";
  static final String PROJECT_OWN_SHARE = "projectOwnShare";
  static final String PROJECT_COFUNDING_MEAE = "projectCofundingMeae";
  static final String PROJECT_COFUNDING_EU = "projectCofundingEu";
  static final String PROJECT_COFUNDING_AFD = "projectCofundingAfd";
  static final String PROJECT_COFUNDING_OTHER = "projectCofundingOther";
  static final String PROJECT_OTHER_COFUNDERS = "projectOtherCofunders";
  // Step 8
  static final String RECAP_SUMMARY = "recapSummary";
  static final String RECAP_ROWS = "recapRows";
  static final String CONFLICT = "conflict";
  static final String CONFLICT_SUMMARY = "conflictSummary";
  static final String CONFLICT_ROWS = "conflictRows";
  static final String VALIDATION_CHOICE = "validationChoice";
  static final String BACK_TO_STEP = "backToStep";
  // After the publication
  static final String REPORT_ADDRESS = "reportAddress";
  static final String ATTESTATION_ADDRESS = "attestationAddress";

  private final VariableScope scope;

  private AtlasUpdateVariables(VariableScope scope) {
    this.scope = scope;
  }

  static AtlasUpdateVariables of(VariableScope scope) {
    return new AtlasUpdateVariables(scope);
  }

  String atlasUpdateId() {
    return string(ATLAS_UPDATE_ID);
  }

  String localAuthorityId() {
    return string(LOCAL_AUTHORITY_ID);
  }

  /**
   * Writes the variable, unless it holds this value already: every step shows the same label,
   * editor and lists again, and each write is an update, a history detail and, for a list, a
   * serialized copy.
   */
  void set(String name, Object value) {
    if (!scope.hasVariable(name) || !Objects.equals(scope.getVariable(name), value)) {
      scope.setVariable(name, value);
    }
  }

  /** A list for a form (table rows, select options): a plain ArrayList, serialized as JSON. */
  void setList(String name, Collection<?> values) {
    set(name, new ArrayList<>(values));
  }

  /** A text as typed: null when absent or not a text. */
  String string(String name) {
    Object value = scope.getVariable(name);
    return value instanceof String s ? s : null;
  }

  boolean bool(String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  /** A number as typed (form-js sends integers and decimals alike), exactly; null when absent. */
  BigDecimal decimal(String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return new BigDecimal(text.strip().replace(',', '.'));
      } catch (NumberFormatException e) {
        throw new NotAValueException(name, "un nombre");
      }
    }
    return null;
  }

  Integer integer(String name) {
    BigDecimal value = decimal(name);
    if (value == null) {
      return null;
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw new NotAValueException(name, "un nombre entier");
    }
  }

  /** A date of a form-js date field ("YYYY-MM-DD"); null when absent. */
  LocalDate date(String name) {
    String text = string(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new NotAValueException(name, "une date");
    }
  }

  /** The values of a checklist or taglist: Tasklist submits them as Json, the code writes lists. */
  List<String> strings(String name) {
    Object value = scope.getVariable(name);
    List<String> result = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> result.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(element -> result.add(String.valueOf(element)));
    } else if (value instanceof String text && !text.isBlank()) {
      result.add(text);
    }
    return result;
  }

  /** A value that is not of its field's kind (a form altered by hand): refused with the field's key. */
  static final class NotAValueException extends RuntimeException {
    final String field;

    NotAValueException(String field, String expected) {
      super("« " + field + " » : " + expected + " est attendu.");
      this.field = field;
    }
  }
}
