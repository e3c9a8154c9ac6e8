// Camunda Forms (form-js 1.8, as Tasklist 7.24 ships it) in French. form-js has no locale of its
// own: it writes its messages, placeholders and labels in English, and its date fields take the
// browser's date format (mm/dd/yyyy in an American-English Chromium) with an English calendar.
// This script watches the page and, as form-js draws a form:
// - rewrites its texts (field errors, empty tables, pagination, dropdowns) and attributes
//   (placeholders, aria-labels, titles) in French;
// - gives every date field the French format (jj/mm/aaaa, whatever the browser's locale) and a
//   French calendar (months, days, week starting on Monday).
// form-js keeps drawing the same nodes (Preact changes only what changed), so a text rewritten
// stays rewritten until form-js replaces it, and then it is rewritten again.

const TEXTS = [
  [/^Field is required\.?$/, () => 'Ce champ est obligatoire.'],
  [/^Field must have minimum length of (\d+)\.?$/, (n) => `Ce champ doit comporter au moins ${n} caractères.`],
  [/^Field must have maximum length of (\d+)\.?$/, (n) => `Ce champ ne doit pas dépasser ${n} caractères.`],
  [/^Field must have minimum value of (.+?)\.?$/, (n) => `La valeur doit être au moins ${n}.`],
  [/^Field must have maximum value of (.+?)\.?$/, (n) => `La valeur ne doit pas dépasser ${n}.`],
  [/^Field must match pattern (.+?)\.?$/, (p) => `Le format attendu n'est pas respecté (${p}).`],
  [/^Field must be a valid email\.?$/, () => 'Saisissez une adresse électronique valide.'],
  [/^Field must be a valid\s+international phone number\..*$/,
    () => 'Saisissez un numéro de téléphone au format international (par exemple +33199001234).'],
  [/^Value is not a number\.?$/, () => "Cette valeur n'est pas un nombre."],
  [/^Nothing to show\.?$/, () => 'Aucun élément à afficher.'],
  [/^No results$/, () => 'Aucun résultat'],
  [/^All values selected$/, () => 'Toutes les valeurs sont choisies'],
  [/^Date must be a valid date\.?$/, () => 'Saisissez une date valide (jj/mm/aaaa).'],
];

// The table's pagination « 1 of 3 » is three text nodes: only the middle one is words.
const PAGINATION_OF = /^\s*of\s*$/;

const ATTRIBUTES = {
  placeholder: [
    [/^Search$/, () => 'Rechercher'],
    [/^[dmy]{1,4}([./-])[dmy]{1,4}\1[dmy]{1,4}$/i, () => 'jj/mm/aaaa'],
    [/^Select$/, () => 'Choisir'],
  ],
  'aria-label': [
    [/^Previous page$/, () => 'Page précédente'],
    [/^Next page$/, () => 'Page suivante'],
    [/^Increment$/, () => 'Augmenter'],
    [/^Decrement$/, () => 'Diminuer'],
    [/^Remove tag$/, () => 'Retirer'],
    [/^Clear$/, () => 'Effacer'],
  ],
  title: [
    [/^Click to sort by (.+) ascending$/, (column) => `Trier par « ${column} » (ordre croissant)`],
    [/^Click to sort by (.+) descending$/, (column) => `Trier par « ${column} » (ordre décroissant)`],
    [/^Click to remove sorting$/, () => 'Annuler le tri'],
    [/^Remove tag$/, () => 'Retirer'],
    [/^Clear$/, () => 'Effacer'],
  ],
};

// flatpickr's French locale (what flatpickr's own l10n/fr.js holds), and the French date format.
const CALENDAR_FR = {
  firstDayOfWeek: 1,
  weekdays: {
    shorthand: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
    longhand: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  },
  months: {
    shorthand: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    longhand: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
      'novembre', 'décembre'],
  },
  ordinal: (day) => (day > 1 ? '' : 'er'),
  rangeSeparator: ' au ',
  weekAbbreviation: 'Sem',
  scrollTitle: 'Défiler pour augmenter la valeur',
  toggleTitle: 'Cliquer pour basculer',
  time_24hr: true,
};
const DATE_FORMAT_FR = 'd/m/Y';

function translate(rules, text) {
  const trimmed = text.trim();
  for (const [pattern, french] of rules) {
    const match = trimmed.match(pattern);
    if (match) {
      return french(...match.slice(1));
    }
  }
  return null;
}

function translateText(node) {
  const parent = node.parentElement;
  if (!parent || !parent.closest('.fjs-container, .fjs-dropdownlist')) {
    return;
  }
  let french = translate(TEXTS, node.nodeValue);
  if (french === null && PAGINATION_OF.test(node.nodeValue) && parent.closest('.fjs-table-nav-label')) {
    french = ' sur ';
  }
  if (french !== null && node.nodeValue !== french) {
    node.nodeValue = french;
  }
}

function translateAttributes(element) {
  if (!element.closest('.fjs-container')) {
    return;
  }
  for (const [name, rules] of Object.entries(ATTRIBUTES)) {
    const value = element.getAttribute(name);
    const french = value === null ? null : translate(rules, value);
    if (french !== null && value !== french) {
      element.setAttribute(name, french);
    }
  }
}

// A date field: flatpickr (form-js creates one per field, and again when the field is drawn anew)
// set to the French format and calendar; form-js reads the dates flatpickr parses.
function frenchCalendar(input) {
  const calendar = input._flatpickr;
  if (!calendar || calendar.l10n.months.longhand[0] === CALENDAR_FR.months.longhand[0]) {
    return;
  }
  calendar.set('locale', CALENDAR_FR);
  calendar.set('dateFormat', DATE_FORMAT_FR);
  if (calendar.selectedDates.length > 0) {
    input.value = calendar.formatDate(calendar.selectedDates[0], DATE_FORMAT_FR);
  }
}

function translateWithin(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (!(root instanceof Element)) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    translateText(node);
  }
  const elements = [root, ...root.querySelectorAll('[placeholder], [aria-label], [title]')];
  for (const element of elements) {
    translateAttributes(element);
  }
  const dates = root.matches(DATE_INPUT) ? [root] : root.querySelectorAll(DATE_INPUT);
  for (const input of dates) {
    frenchCalendar(input);
  }
}

// flatpickr is attached to a date input after form-js has drawn it (in an effect), and marks it
// with the class « flatpickr-input »: that change of class is when the field is set to French.
const DATE_INPUT = '.fjs-datepicker input.flatpickr-input';

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      translateText(mutation.target);
    } else if (mutation.attributeName === 'class') {
      if (mutation.target.matches(DATE_INPUT)) {
        frenchCalendar(mutation.target);
      }
    } else if (mutation.type === 'attributes') {
      translateAttributes(mutation.target);
    }
    for (const node of mutation.addedNodes) {
      translateWithin(node);
    }
  }
}).observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: [...Object.keys(ATTRIBUTES), 'class'],
});

// No default export: Tasklist would take it for a plugin.
