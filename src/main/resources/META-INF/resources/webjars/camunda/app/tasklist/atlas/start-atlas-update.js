// Puts « Mettre à jour l'Atlas de ma collectivité » in Tasklist's header, before « Démarrer un
// processus », for the users who may start the AtlasUpdate process: one click starts the update
// (the server finds the agent's collectivité) and opens its first task. Where the task list is
// empty, says what to do next: start (or resume) the update for an agent; for the DAECT, that new
// account requests will appear there.
//
// The header's menu (<ul cam-if-logged-in>) exists only while someone is logged in, and AngularJS
// creates it again at each login: a MutationObserver on the header element adds the button to
// every new menu, once the new user's rights are known. The styles are in styles/user-styles.css
// (the webapps' CSP allows no inline style).

const PROCESS_KEY = 'AtlasUpdate';
const DAECT_GROUP = 'daect';
const ITEM_CLASS = 'atlas-start-update';
const BUTTON_LABEL = "Mettre à jour l'Atlas de ma collectivité";
const RESUME_LABEL = 'Reprendre la mise à jour en cours';
const STARTED_WITHOUT_TASK = 'La mise à jour a démarré\u00a0: sa première étape apparaîtra dans un instant dans la'
  + ' liste des tâches.';
const GENERIC_ERROR = "La mise à jour n'a pas pu être démarrée. Réessayez dans un instant\u00a0; si le problème"
  + ' persiste, contactez la DAECT.';

// The webapps live under <application>/camunda/app/tasklist/<engine>/ (Tasklist's base address).
const BASE = new URL(document.baseURI);
const WEBAPPS_ROOT = BASE.pathname.slice(0, BASE.pathname.indexOf('/app/'));
const ENGINE_API = `${WEBAPPS_ROOT}/api/engine/engine/default`;

// What each header menu (one per login) may show: a promise of { startable, daect }.
const rights = new WeakMap();

function xsrfToken() {
  const cookie = document.cookie.split('; ').find((entry) => entry.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`${url}: ${response.status}`);
  }
  return response.json();
}

async function readRights() {
  const definitions = await getJson(`${ENGINE_API}/process-definition?key=${PROCESS_KEY}&latestVersion=true`
    + '&startablePermissionCheck=true&startableInTasklist=true');
  if (definitions.length === 0) {
    return { startable: false, daect: false };
  }
  // The DAECT starts updates for a collectivité of its choice: on a refusal it only gets the message.
  let daect = false;
  try {
    const user = await getJson(`${WEBAPPS_ROOT}/api/admin/auth/user/default`);
    const groups = await getJson(`${ENGINE_API}/group?member=${encodeURIComponent(user.userId)}`);
    daect = groups.some((group) => group.id === DAECT_GROUP);
  } catch (error) {
    // Unknown: treated as an agent, who is offered the running update's task when there is one.
  }
  return { startable: true, daect };
}

// Opens a task the way Tasklist's own links do, and reloads the task list as « Démarrer un
// processus » does after a start (a « refresh » event on the root scope).
function openTask(taskId) {
  window.location.hash = taskId ? `#/?task=${encodeURIComponent(taskId)}` : '#/';
  try {
    const injector = window.angular && window.angular.element(document.body).injector();
    if (injector) {
      const rootScope = injector.get('$rootScope');
      rootScope.$applyAsync(() => rootScope.$broadcast('refresh'));
    }
  } catch (error) {
    // Without AngularJS the task still opens; the list catches up at its next refresh.
  }
}

function removeAlert(item) {
  item.querySelectorAll('.atlas-start-update-alert').forEach((alert) => alert.remove());
}

function showAlert(item, message, runningTaskId = null, kind = 'warning') {
  removeAlert(item);
  const alert = document.createElement('div');
  alert.className = `alert alert-${kind} atlas-start-update-alert`;
  alert.setAttribute('role', 'alert');

  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Fermer');
  close.textContent = '×';
  close.addEventListener('click', () => {
    alert.remove();
    item.querySelector('button.atlas-start-update-button')?.focus();
  });

  const text = document.createElement('p');
  text.textContent = message;
  alert.append(close, text);

  if (runningTaskId) {
    const link = document.createElement('a');
    link.href = `#/?task=${encodeURIComponent(runningTaskId)}`;
    link.textContent = RESUME_LABEL;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      alert.remove();
      openTask(runningTaskId);
    });
    const paragraph = document.createElement('p');
    paragraph.append(link);
    alert.append(paragraph);
  }
  item.append(alert);
}

async function startUpdate(item, button, daect) {
  button.disabled = true;
  removeAlert(item);
  try {
    const response = await fetch(`${ENGINE_API}/process-definition/key/${PROCESS_KEY}/submit-form`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': xsrfToken() },
      body: JSON.stringify({ variables: {} }),
    });
    if (response.ok) {
      const instance = await response.json();
      const tasks = await getJson(`${ENGINE_API}/task?processInstanceId=${encodeURIComponent(instance.id)}`);
      if (tasks.length > 0) {
        openTask(tasks[0].id);
      } else {
        // The first step may be created a moment later (asynchronous continuation).
        openTask(null);
        showAlert(item, STARTED_WITHOUT_TASK, null, 'info');
      }
      return;
    }
    // The server's refusals are JSON { type, message } in French (for instance: an update of the
    // collectivité is already running, started by … on …).
    const body = await response.json().catch(() => ({}));
    let runningTaskId = null;
    if (response.status === 400 && !daect) {
      const running = await getJson(`${ENGINE_API}/task?processDefinitionKey=${PROCESS_KEY}&maxResults=1`)
        .catch(() => []);
      runningTaskId = running.length > 0 ? running[0].id : null;
    }
    showAlert(item, body.message || GENERIC_ERROR, runningTaskId);
  } catch (error) {
    showAlert(item, GENERIC_ERROR);
  } finally {
    button.disabled = false;
  }
}

function createItem(daect) {
  const item = document.createElement('li');
  item.className = ITEM_CLASS;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'btn btn-primary atlas-start-update-button';
  button.textContent = BUTTON_LABEL;
  button.addEventListener('click', () => startUpdate(item, button, daect));
  item.append(button);
  return item;
}

// « Détails du filtre » (the pencil of the selected filter) shows the filter's criteria as the
// engine stores them (${currentUserGroups()}, value types Double, Long, Short…): only for those who
// may change filters (administrators); the others get the filter's description as its tooltip.
const FILTERS_READ_ONLY = 'atlas-filters-read-only';

async function markFilterRights() {
  const check = await getJson(`${ENGINE_API}/authorization/check?permissionName=UPDATE&resourceName=filter`
    + '&resourceType=5').catch(() => ({ authorized: false }));
  document.documentElement.classList.toggle(FILTERS_READ_ONLY, check.authorized !== true);
}

// What a new header menu (a new login) needs: its user's rights.
const marked = new WeakSet();

// Adds the button to a header menu that lacks it, once the rights of its user are known.
function equip(menu) {
  if (!marked.has(menu)) {
    marked.add(menu);
    markFilterRights();
  }
  if (!rights.has(menu)) {
    rights.set(menu, readRights().catch(() => ({ startable: false, daect: false })));
  }
  rights.get(menu).then(({ startable, daect }) => {
    if (startable && menu.isConnected && !menu.querySelector(`:scope > li.${ITEM_CLASS}`)) {
      // Before AngularJS's own entries (ng-repeat keeps adding them after its comment anchor).
      menu.prepend(createItem(daect));
    }
  });
}

function equipMenus() {
  document.querySelectorAll('[cam-widget-header] .sections-menu > ul').forEach(equip);
}

// --- The empty task list: what to do next, instead of « Aucune tâche ne correspond aux filtres. » alone.

const EMPTY_CLASS = 'atlas-empty-state';
const EMPTY_TEXT = 'Aucune tâche ne correspond aux filtres.';
const AGENT_WELCOME = "Votre collectivité n'a pas d'étape de mise à jour de l'Atlas en attente.";
const AGENT_HOW = "Pour mettre à jour l'Atlas, démarrez la mise à jour : ses huit étapes s'afficheront ici, l'une"
  + " après l'autre. Rien n'est publié avant la validation de la dernière étape.";
const AGENT_RUNNING = "Une mise à jour de l'Atlas de votre collectivité est en cours : elle n'apparaît pas avec les"
  + ' filtres choisis.';
const DAECT_WELCOME = "Aucune demande de compte n'attend votre validation pour l'instant. Les nouvelles demandes"
  + ' apparaissent ici ; vous en êtes aussi informé par courriel.';

// The rights of the user logged in now: those of the header menu AngularJS made at their login.
function rightsOfCurrentUser() {
  const menu = document.querySelector('[cam-widget-header] .sections-menu > ul');
  if (!menu) {
    return Promise.resolve({ startable: false, daect: false });
  }
  if (!rights.has(menu)) {
    rights.set(menu, readRights().catch(() => ({ startable: false, daect: false })));
  }
  return rights.get(menu);
}

async function runningTaskId() {
  const running = await getJson(`${ENGINE_API}/task?processDefinitionKey=${PROCESS_KEY}&maxResults=1`)
    .catch(() => []);
  return running.length > 0 ? running[0].id : null;
}

function paragraph(text, className = '') {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

async function explainEmptyList(well) {
  const { startable, daect } = await rightsOfCurrentUser();
  if (!well.isConnected || well.nextElementSibling?.classList.contains(EMPTY_CLASS)) {
    return;
  }
  const panel = document.createElement('div');
  panel.className = EMPTY_CLASS;
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', 'Que faire maintenant ?');
  if (daect) {
    panel.append(paragraph(DAECT_WELCOME));
  } else if (startable) {
    const taskId = await runningTaskId();
    if (!well.isConnected || well.nextElementSibling?.classList.contains(EMPTY_CLASS)) {
      return;
    }
    if (taskId) {
      panel.append(paragraph(AGENT_RUNNING));
      const link = document.createElement('a');
      link.href = `#/?task=${encodeURIComponent(taskId)}`;
      link.className = 'btn btn-primary';
      link.textContent = RESUME_LABEL;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        openTask(taskId);
      });
      panel.append(link);
    } else {
      panel.append(paragraph(AGENT_WELCOME, 'atlas-empty-title'), paragraph(AGENT_HOW));
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-primary atlas-empty-start';
      button.textContent = BUTTON_LABEL;
      button.addEventListener('click', () => startUpdate(panel, button, false));
      panel.append(button);
    }
  } else {
    return;
  }
  well.after(panel);
}

// The « empty » notices already explained (or being explained).
const explained = new WeakSet();

function isEmptyList(element) {
  return element !== null && element.classList.contains('well') && element.textContent.trim() === EMPTY_TEXT;
}

function explainEmptyLists() {
  // A panel outlives its list's « empty » notice when tasks arrive (AngularJS removes the notice only).
  document.querySelectorAll(`.${EMPTY_CLASS}`).forEach((panel) => {
    if (!isEmptyList(panel.previousElementSibling)) {
      panel.remove();
    }
  });
  document.querySelectorAll('.well').forEach((well) => {
    // Once per notice: the page keeps changing while the rights and the running update are read.
    if (isEmptyList(well) && !explained.has(well) && !well.nextElementSibling?.classList.contains(EMPTY_CLASS)) {
      explained.add(well);
      explainEmptyList(well);
    }
  });
}

new MutationObserver(explainEmptyLists).observe(document.body, { childList: true, subtree: true });

// Any change of the header's tree (a menu created at login, an entry re-rendered or removed):
// equipMenus does nothing where the button already is.
new MutationObserver(equipMenus).observe(document.querySelector('[cam-widget-header]') || document.body, { childList: true, subtree: true });
equipMenus();

// No default export: Tasklist would take it for a plugin.
