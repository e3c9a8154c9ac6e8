package fr.gouv.cncd.atlas.atlas.process;

import fr.gouv.cncd.atlas.atlas.AtlasWording;
import static fr.gouv.cncd.atlas.atlas.process.AtlasUpdateVariables.*;

import fr.gouv.cncd.atlas.atlas.AtlasContent;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Civility;
import fr.gouv.cncd.atlas.atlas.AtlasContent.Contact;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ContactDomain;
import fr.gouv.cncd.atlas.atlas.AtlasContent.ContactQuality;
import fr.gouv.cncd.atlas.atlas.AtlasUpdates;
import fr.gouv.cncd.atlas.atlas.InvalidAtlasDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Step 3 « Élus et cadres »: the list of contacts and the contact sheet it opens. */
@Component
class ContactSteps implements StepForm {

  private final AtlasUpdates updates;
  private final AtlasWording wording;

  ContactSteps(AtlasUpdates updates, AtlasWording wording) {
    this.updates = updates;
    this.wording = wording;
  }

  @Override
  public Set<String> taskIds() {
    return Set.of(AtlasUpdateProcess.LIST_CONTACTS, AtlasUpdateProcess.EDIT_CONTACT);
  }

  @Override
  public void show(Step step) {
    AtlasContent content = updates.content(step.draftId());
    AtlasUpdateVariables v = step.variables();
    if (step.taskId().equals(AtlasUpdateProcess.LIST_CONTACTS)) {
      List<Map<String, String>> rows = new ArrayList<>();
      List<Map<String, String>> options = new ArrayList<>();
      for (Contact c : content.contacts()) {
        rows.add(Rows.row("name", wording.contactName(c), "function", c.function(),
            "quality", wording.code(c.quality() == null ? null : c.quality().name()), "email", c.email(),
            "phone", c.phone(), "domains", String.join(", ", c.domains().stream().map(d -> wording.code(d.name())).toList())));
        options.add(Rows.option(wording.contactName(c) + " — " + (c.function() == null ? "" : c.function()), c.id()));
      }
      v.setList(CONTACT_ROWS, rows);
      v.setList(CONTACT_OPTIONS, options);
      v.set(CONTACT_COUNT, count(content.contacts().size(), "Aucun contact", "contact", "contacts"));
      v.set(CONTACT_ACTION, null);
      v.set(CONTACT_CHOICE, null);
      return;
    }
    String id = v.string(EDITED_ITEM_ID);
    Contact c = id == null ? null : content.contact(id).orElse(null);
    v.set(SHEET_TITLE, c == null ? "Nouveau contact" : "Modifier : " + wording.contactName(c));
    v.set(CONTACT_CIVILITY, c == null || c.civility() == null ? null : c.civility().name());
    v.set(CONTACT_LAST_NAME, c == null ? null : c.lastName());
    v.set(CONTACT_FIRST_NAME, c == null ? null : c.firstName());
    v.set(CONTACT_FUNCTION, c == null ? null : c.function());
    v.set(CONTACT_QUALITY, c == null || c.quality() == null ? null : c.quality().name());
    v.set(CONTACT_EMAIL, c == null ? null : c.email());
    v.set(CONTACT_PHONE, c == null ? null : c.phone());
    v.setList(CONTACT_DOMAINS, c == null ? List.of() : c.domains().stream().map(Enum::name).toList());
    v.set(SHEET_DECISION, "SAVE");
  }

  @Override
  public void submit(Step step) {
    AtlasUpdateVariables v = step.variables();
    if (step.taskId().equals(AtlasUpdateProcess.LIST_CONTACTS)) {
      String action = ListChoice.action(v, CONTACT_ACTION,
          Set.of(ListChoice.ADD, ListChoice.MODIFY, ListChoice.DELETE, ListChoice.NEXT));
      v.set(EDITED_ITEM_ID, null);
      switch (action) {
        case ListChoice.MODIFY -> v.set(EDITED_ITEM_ID, known(step, ListChoice.item(v, CONTACT_CHOICE, "Contact")));
        case ListChoice.DELETE -> updates.deleteContact(step.draftId(), ListChoice.item(v, CONTACT_CHOICE, "Contact"), step.user());
        default -> { }
      }
      return;
    }
    if (ListChoice.discarded(v)) {
      return;
    }
    List<ContactDomain> domains = new ArrayList<>();
    for (String domain : v.strings(CONTACT_DOMAINS)) {
      domains.add(parse(ContactDomain.class, domain, CONTACT_DOMAINS, "Domaines"));
    }
    updates.saveContact(step.draftId(), new Contact(v.string(EDITED_ITEM_ID),
        parse(Civility.class, v.string(CONTACT_CIVILITY), CONTACT_CIVILITY, "Civilité"),
        v.string(CONTACT_LAST_NAME), v.string(CONTACT_FIRST_NAME), v.string(CONTACT_FUNCTION),
        parse(ContactQuality.class, v.string(CONTACT_QUALITY), CONTACT_QUALITY, "Qualité"),
        v.string(CONTACT_EMAIL), v.string(CONTACT_PHONE), domains), step.user());
  }

  private String known(Step step, String id) {
    if (updates.content(step.draftId()).contact(id).isEmpty()) {
      throw new InvalidAtlasDataException(CONTACT_CHOICE, "Contact : choisissez un contact de la liste.");
    }
    return id;
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value, String key, String label) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidAtlasDataException(key, label + " : choisissez une des valeurs proposées.");
    }
  }

  static String count(int n, String none, String one, String many) {
    return n == 0 ? none : n == 1 ? "1 " + one : n + " " + many;
  }
}
