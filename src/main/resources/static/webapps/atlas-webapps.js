// One identity for Camunda's four webapps (Tasklist, Cockpit, Admin, Welcome), loaded by each
// app's atlas/webapps.js custom script:
// - the login page carries the teleprocedure's name (the State's identity, as on the public pages)
//   instead of Camunda's logo, with « Retour à l'accueil » and « Mot de passe oublié ? »;
// - what axe-core reports on the stock login page and the application can mend: positive
//   tabindex values, the app switcher's link without a name;
// - dates in French (moment's « a few seconds ago », « December 3, 2026 », the date picker's
//   « Sun Mon Tue ») and always in Paris time, as the mails and PDFs say.
// AngularJS renders the pages at any time (again after a logout): a MutationObserver mends every
// new node. The styles are in atlas-webapps.css (the webapps' CSP allows no inline style).

const BASE = new URL(document.baseURI);
// <application>/camunda/app/<app>/…: the public pages live at the application's root.
const WEBAPPS_ROOT = BASE.pathname.slice(0, BASE.pathname.indexOf('/app/'));
const SITE_ROOT = new URL(WEBAPPS_ROOT.replace(/[^/]*$/, ''), BASE.origin).href;
const APP = (BASE.pathname.match(/\/app\/([^/]+)/) || [])[1] || '';
const APP_TITLES = {
  tasklist: 'Espace des collectivités et de la DAECT (Tasklist)',
  cockpit: 'Suivi des procédures (Cockpit)',
  admin: 'Administration (Admin)',
  welcome: 'Accueil des applications',
};

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function link(href, text, className) {
  const anchor = element('a', className, text);
  anchor.href = href;
  return anchor;
}

function brandLoginPage(signin) {
  if (signin.querySelector('.atlas-login-brand')) return;
  const brand = element('div', 'atlas-login-brand');
  brand.append(element('p', 'atlas-login-marianne', 'République\nFrançaise'));
  brand.append(element('h1', 'atlas-login-title', 'Atlas français de la coopération décentralisée'));
  brand.append(element('p', 'atlas-login-app', APP_TITLES[APP] || 'Téléprocédure Atlas CNCD'));
  signin.prepend(brand);
  const form = signin.querySelector('form[name="signinForm"]');
  if (form && !signin.querySelector('.atlas-login-links')) {
    const links = element('p', 'atlas-login-links');
    links.append(link(`${SITE_ROOT}mot-de-passe-oublie`, 'Mot de passe oublié\u00a0?', 'atlas-forgotten-password'));
    links.append(link(SITE_ROOT, "Retour à l'accueil de l'Atlas", 'atlas-home'));
    form.after(links);
  }
}

function mendAccessibility(root) {
  // Keyboard order follows the page (WCAG 2.4.3): no positive tabindex (the stock login form's).
  // Only there: this runs at every change of the page, and Tasklist's forms change it often.
  root.querySelectorAll('.form-signin [tabindex]').forEach((node) => {
    if (Number(node.getAttribute('tabindex')) > 0) node.setAttribute('tabindex', '0');
  });
  root.querySelectorAll('.app-switch > .dropdown-toggle:not([aria-label])').forEach((toggle) => {
    toggle.setAttribute('aria-label', 'Changer d\u2019application');
    toggle.setAttribute('title', 'Changer d\u2019application');
  });
  const main = document.querySelector('.form-signin, [ng-view], .ctn-main, .page-wrap');
  if (main && !document.querySelector('main, [role="main"]')) main.setAttribute('role', 'main');
}

function mendFooter() {
  const footer = document.querySelector('[cam-widget-footer] .container-fluid, [cam-widget-footer]');
  if (!footer || footer.querySelector('.atlas-footer')) return;
  const own = element('p', 'atlas-footer');
  own.append(document.createTextNode('Atlas CNCD — heures de Paris — '));
  own.append(link(`${SITE_ROOT}accessibilite`, 'Accessibilité\u00a0: non conforme'));
  footer.append(own);
}

// Tooltips whose text the stock templates write as a raw key, not through a locale file
// (Tasklist's task card: uib-tooltip="task.assignee").
const TOOLTIPS = { 'task.assignee': 'Responsable de la tâche' };

function mendTooltips() {
  document.querySelectorAll('.tooltip .tooltip-inner').forEach((inner) => {
    const french = TOOLTIPS[inner.textContent.trim()];
    if (french) inner.textContent = french;
  });
}

// The engine's variable types, as the stock dialogs list them (filter criteria, variables of an
// instance): their French names; the value each option sends stays the type's own.
const TYPE_NAMES = {
  Boolean: 'Booléen', Bytes: 'Octets', Date: 'Date', Double: 'Nombre décimal', Float: 'Nombre décimal (simple)',
  Integer: 'Entier', Long: 'Entier long', Short: 'Entier court', String: 'Texte', Null: 'Vide', Object: 'Objet',
  Json: 'JSON', Xml: 'XML', File: 'Fichier',
};

function mendTypeNames() {
  document.querySelectorAll('select').forEach((select) => {
    const options = [...select.options];
    if (options.filter((option) => TYPE_NAMES[option.text.trim()]).length < 3) return;
    options.forEach((option) => {
      const french = TYPE_NAMES[option.text.trim()];
      if (french) option.text = french;
    });
  });
}

// Cockpit's tables of variables (column « Type ») and its instance panel, which writes « null »
// for what an instance does not have (tenant, parent instance). The text node AngularJS binds is
// kept (its value changed in place), so that a later value still shows.
function replaceText(element, french) {
  const text = [...element.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.nodeValue.trim());
  if (text) text.nodeValue = french;
}

function mendTypeCellsAndNulls() {
  document.querySelectorAll('td.col-type > div').forEach((cell) => {
    const french = TYPE_NAMES[cell.textContent.trim()];
    if (french) replaceText(cell, french);
  });
  document.querySelectorAll('.null-value').forEach((value) => {
    if (value.textContent.trim() === 'null') replaceText(value, 'aucun');
  });
}

function mend() {
  document.querySelectorAll('.form-signin').forEach(brandLoginPage);
  mendAccessibility(document);
  mendFooter();
  mendTooltips();
  mendTypeNames();
  mendTypeCellsAndNulls();
}

new MutationObserver((mutations) => {
  if (mutations.some((mutation) => mutation.addedNodes.length > 0)) {
    mend();
  } else if (mutations.some((mutation) => mutation.target.parentElement?.closest('.tooltip-inner'))) {
    // A tooltip's text, written by AngularJS after the tooltip was inserted.
    mendTooltips();
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
mend();

// ---- French dates, Paris time ----

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre',
  'octobre', 'novembre', 'décembre'];
const SHORT_MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.',
  'nov.', 'déc.'];
const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const SHORT_DAYS = ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'];
const MIN_DAYS = ['di', 'lu', 'ma', 'me', 'je', 've', 'sa'];

const MOMENT_FR = {
  months: MONTHS,
  monthsShort: SHORT_MONTHS,
  weekdays: DAYS,
  weekdaysShort: SHORT_DAYS,
  weekdaysMin: MIN_DAYS,
  longDateFormat: {
    LT: 'HH:mm', LTS: 'HH:mm:ss', L: 'DD/MM/YYYY', LL: 'Do MMMM YYYY', LLL: 'Do MMMM YYYY [à] HH:mm',
    LLLL: 'dddd Do MMMM YYYY [à] HH:mm', l: 'D/M/YYYY', ll: 'D MMM YYYY', lll: 'D MMM YYYY [à] HH:mm',
    llll: 'ddd D MMM YYYY [à] HH:mm',
  },
  calendar: {
    sameDay: '[Aujourd\u2019hui à] LT', nextDay: '[Demain à] LT', nextWeek: 'dddd [à] LT',
    lastDay: '[Hier à] LT', lastWeek: 'dddd [dernier à] LT', sameElse: 'L',
  },
  relativeTime: {
    future: 'dans %s', past: 'il y a %s', s: 'quelques secondes', ss: '%d secondes', m: 'une minute',
    mm: '%d minutes', h: 'une heure', hh: '%d heures', d: 'un jour', dd: '%d jours', w: 'une semaine',
    ww: '%d semaines', M: 'un mois', MM: '%d mois', y: 'un an', yy: '%d ans',
  },
  dayOfMonthOrdinalParse: /\d{1,2}(er|)/,
  ordinal: (number, period) => (period === 'D' ? `${number}${number === 1 ? 'er' : ''}` : `${number}`),
  week: { dow: 1, doy: 4 },
};

// Paris's offset from UTC, in minutes, at an instant.
const PARIS_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
  hour: 'numeric', minute: 'numeric', second: 'numeric',
});
function parisOffset(instant) {
  const parts = Object.fromEntries(PARIS_PARTS.formatToParts(instant).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

function frenchDates(injector) {
  const moment = injector.has('moment') ? injector.get('moment') : null;
  if (moment && !moment.atlasParis) {
    if (moment.locales().includes('fr')) moment.updateLocale('fr', MOMENT_FR); else moment.defineLocale('fr', MOMENT_FR);
    moment.locale('fr');
    // Every displayed date in Paris time, whatever the computer's time zone.
    const format = moment.fn.format;
    moment.fn.format = function formatInParis(...args) {
      if (!this.isValid() || this.atlasParis) return format.apply(this, args);
      const paris = this.clone().utcOffset(parisOffset(this.toDate()));
      paris.atlasParis = true;
      return format.apply(paris, args);
    };
    moment.atlasParis = true;
    // The webapps load their locale files after starting, and give moment each file's dates:
    // moment's updateLocale and defineLocale also make that locale the global one, so the English
    // file, loaded as the fallback, would turn every date back to English. French stays.
    for (const name of ['updateLocale', 'defineLocale']) {
      const original = moment[name];
      moment[name] = function keepFrench(localeName, config) {
        const result = original.call(moment, localeName, localeName === 'fr' && config ? { ...config, ...MOMENT_FR } : config);
        if (moment.locale() !== 'fr') moment.locale('fr');
        return result;
      };
    }
    if (injector.has('amMoment')) injector.get('amMoment').changeLocale('fr');
  }
  // AngularJS's own locale (date filter, uib-datepicker): French names, weeks from Monday.
  const formats = injector.get('$locale').DATETIME_FORMATS;
  Object.assign(formats, {
    MONTH: MONTHS, SHORTMONTH: SHORT_MONTHS, STANDALONEMONTH: MONTHS, DAY: DAYS, SHORTDAY: SHORT_DAYS,
    FIRSTDAYOFWEEK: 0, AMPMS: ['AM', 'PM'], medium: 'd MMM y HH:mm:ss', short: 'dd/MM/y HH:mm',
    fullDate: 'EEEE d MMMM y', longDate: 'd MMMM y', mediumDate: 'd MMM y', shortDate: 'dd/MM/y',
    mediumTime: 'HH:mm:ss', shortTime: 'HH:mm',
  });
  injector.get('$rootScope').$applyAsync();
}

// The custom scripts run before AngularJS starts: wait for its injector.
function whenAngularStarts(callback) {
  const injector = () => window.angular && window.angular.element(document.body).injector();
  if (injector()) {
    callback(injector());
    return;
  }
  const observer = new MutationObserver(() => {
    if (injector()) {
      observer.disconnect();
      callback(injector());
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
}
whenAngularStarts(frenchDates);

// No default export: the webapps would take it for a plugin.
