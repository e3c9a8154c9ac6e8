// « Suivi de l'Atlas », the first section of Cockpit's dashboard (a plugin on the point
// cockpit.dashboard, Camunda's own extension mechanism; styles/user-styles.css puts its section first): how many account requests and Atlas
// updates were started this week and this year, per région, and where they stand now (en cours,
// en incident, terminées, abandonnées); and a search of a collectivité's requests and updates by
// its name, running or ended. The figures come from /api/monitoring (process managers and
// administrators). Plain DOM, no inline style (the webapps' CSP): the styles are in
// styles/user-styles.css.

const API = '/api/monitoring';
const COLUMNS = [
  ['started', 'Démarrées'],
  ['open', 'En cours'],
  ['incident', 'En incident'],
  ['finished', 'Terminées'],
  ['abandoned', 'Abandonnées'],
];
const UNAVAILABLE = "Les chiffres n'ont pas pu être chargés. Actualisez la page ; si le problème persiste,"
  + " contactez l'administrateur.";

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value);
    }
  }
  node.append(...children);
  return node;
}

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const fieldMessages = (body.errors || []).map((error) => error.message).join(' ');
    throw new Error(fieldMessages || body.detail || UNAVAILABLE);
  }
  return body;
}

function countsTable(process, period) {
  const table = element('table', { class: 'table table-condensed atlas-monitoring-table' });
  table.append(element('caption', { text: `${process.label} — ${period.label.toLowerCase()}` }));
  const head = element('tr', {}, element('th', { scope: 'col', text: 'Région' }));
  COLUMNS.forEach(([, label]) => head.append(element('th', { scope: 'col', class: 'atlas-number', text: label })));
  table.append(element('thead', {}, head));
  const body = element('tbody');
  if (process.regions.length === 0) {
    body.append(element('tr', {}, element('td', { colspan: String(COLUMNS.length + 1),
      text: 'Aucune dans la période.' })));
  }
  for (const counts of process.regions) {
    body.append(row(counts, 'td'));
  }
  table.append(body, element('tfoot', {}, row(process.total, 'th')));
  return table;
}

function row(counts, cell) {
  const tr = element('tr', {}, element(cell, cell === 'th' ? { scope: 'row', text: counts.region }
    : { text: counts.region }));
  COLUMNS.forEach(([key]) => tr.append(element('td', { class: 'atlas-number', text: String(counts[key]) })));
  return tr;
}

function renderPeriod(container, period) {
  container.replaceChildren(
    element('p', { class: 'atlas-monitoring-since', text: `Démarrées depuis le ${period.since}, et où elles en sont aujourd'hui.` }),
    ...period.processes.map((process) => countsTable(process, period)));
}

function renderSummary(section, summary) {
  const periods = element('div', { class: 'atlas-monitoring-periods' });
  const switcher = element('div', { class: 'btn-group atlas-monitoring-switch', role: 'group',
    'aria-label': 'Période' });
  const buttons = summary.periods.map((period, index) => {
    const button = element('button', { type: 'button', class: 'btn btn-default', 'aria-pressed': String(index === 0),
      'data-period': period.key, text: period.label });
    button.addEventListener('click', () => {
      buttons.forEach((other) => other.setAttribute('aria-pressed', String(other === button)));
      renderPeriod(periods, period);
    });
    return button;
  });
  switcher.append(...buttons);
  section.append(element('p', { class: 'atlas-monitoring-generated', text: `Chiffres au ${summary.generatedAt}.` }),
    switcher, periods);
  renderPeriod(periods, summary.periods[0]);
}

function resultsTable(found) {
  if (found.length === 0) {
    return element('p', { class: 'atlas-monitoring-none', role: 'status',
      text: 'Aucune demande ni mise à jour pour cette recherche.' });
  }
  const table = element('table', { class: 'table table-condensed atlas-monitoring-results' });
  table.append(element('caption', { text: `${found.length} résultat${found.length > 1 ? 's' : ''}` }));
  const head = element('tr');
  ['Procédure', 'Collectivité', 'Instance', 'État', 'Démarrée le', 'Terminée le', 'Consulter']
    .forEach((label) => head.append(element('th', { scope: 'col', text: label })));
  table.append(element('thead', {}, head));
  const body = element('tbody');
  for (const instance of found) {
    const links = element('td');
    if (instance.running) {
      links.append(element('a', { href: `#/process-instance/${encodeURIComponent(instance.instanceId)}/runtime`,
        text: 'Ouvrir l\u2019instance' }));
    } else if (instance.processKey === 'AtlasUpdate' && instance.status === 'FINISHED') {
      links.append(element('a', { href: `/api/atlas-updates/${encodeURIComponent(instance.instanceId)}/report.pdf`,
        text: 'Compte-rendu (PDF)' }));
    }
    body.append(element('tr', { 'data-instance': instance.instanceId },
      element('td', { text: instance.process }),
      element('td', { text: instance.localAuthority || '—' }),
      element('td', { text: instance.businessKey || '—' }),
      element('td', {}, element('span', { class: `atlas-status atlas-status-${instance.status.toLowerCase()}`,
        text: instance.statusLabel })),
      element('td', { text: instance.startedAt }),
      element('td', { text: instance.endedAt || '—' }),
      links));
  }
  table.append(body);
  return table;
}

function searchForm() {
  const section = element('section', { class: 'atlas-monitoring-search', 'aria-labelledby': 'atlas-search-title' });
  const input = element('input', { type: 'search', id: 'atlas-search-q', name: 'q', class: 'form-control',
    autocomplete: 'off', minlength: '2', maxlength: '100', 'aria-describedby': 'atlas-search-help atlas-search-error' });
  const error = element('p', { id: 'atlas-search-error', class: 'atlas-monitoring-error', role: 'alert' });
  const results = element('div', { class: 'atlas-monitoring-found', 'aria-live': 'polite' });
  const form = element('form', { role: 'search', novalidate: '' },
    element('label', { for: 'atlas-search-q', text: 'Nom de la collectivité' }),
    element('p', { id: 'atlas-search-help', class: 'help-block',
      text: 'Les demandes de compte et les mises à jour de l\u2019Atlas, en cours ou terminées (par exemple : Saint-Malo).' }),
    element('div', { class: 'atlas-monitoring-search-row' }, input,
      element('button', { type: 'submit', class: 'btn btn-primary', text: 'Rechercher' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    try {
      const found = await getJson(`${API}/instances?q=${encodeURIComponent(input.value)}`);
      results.replaceChildren(resultsTable(found));
    } catch (failure) {
      results.replaceChildren();
      error.textContent = failure.message;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  });
  section.append(element('h3', { id: 'atlas-search-title', text: 'Retrouver une collectivité' }), form, error, results);
  return section;
}

export default {
  id: 'atlas-monitoring',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render(node) {
    const figures = element('section', { class: 'atlas-monitoring-figures', 'aria-labelledby': 'atlas-figures-title' },
      element('h3', { id: 'atlas-figures-title', text: 'Demandes de compte et mises à jour de l\u2019Atlas' }));
    // The section's title, « Suivi de l'Atlas », is Cockpit's (DASHBOARD_CUSTOM_PLUGINS in locales/fr.json).
    const root = element('div', { class: 'atlas-monitoring' }, figures, searchForm());
    node.append(root);
    getJson(`${API}/summary`)
      .then((summary) => renderSummary(figures, summary))
      .catch((failure) => figures.append(element('p', { class: 'atlas-monitoring-error', role: 'alert',
        text: failure.message })));
  },
};
