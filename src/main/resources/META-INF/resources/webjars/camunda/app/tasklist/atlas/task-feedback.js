// What « Terminer » says in Tasklist.
// - When it worked: « Tâche terminée : « Valider la demande de compte : Rennes — Mme Anne Le Bihan ». »
//   Tasklist itself says nothing (its COMPLETE_OK message is never shown): the task only leaves
//   the screen. The request is Tasklist's own POST …/task/{id}/submit-form (an XMLHttpRequest).
// - When the form refused it (a required field left empty, a wrong format), form-js already
//   writes the reason under the field: Tasklist's generic toast « Une erreur est survenue lors de
//   l'envoi du formulaire de la tâche », which covers the buttons, is closed and the first field
//   in error gets the focus. A refusal of the server (no field in error) keeps its toast: it
//   carries the server's message.

const SUBMIT_FORM = /\/task\/([^/?#]+)\/submit-form(?:[?#]|$)/;
const COMPLETE_ERROR = 'Une erreur est survenue lors de l’envoi du formulaire de la tâche';
const FIELD_IN_ERROR = '.fjs-container .fjs-form-field-error, .fjs-container [aria-invalid="true"]';

function notify(message) {
  try {
    const injector = window.angular && window.angular.element(document.body).injector();
    const notifications = injector && injector.get('Notifications');
    if (notifications) {
      const rootScope = injector.get('$rootScope');
      rootScope.$applyAsync(() => notifications.addMessage({ type: 'success', status: 'Terminé', message, duration: 6000 }));
    }
  } catch (error) {
    // Without AngularJS's notifications the task still left the list: nothing more to say.
  }
}

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;

XMLHttpRequest.prototype.open = function openAndRemember(method, url, ...rest) {
  this.atlasSubmitForm = String(method).toUpperCase() === 'POST' && SUBMIT_FORM.test(String(url));
  return open.call(this, method, url, ...rest);
};

XMLHttpRequest.prototype.send = function sendAndConfirm(...body) {
  if (this.atlasSubmitForm) {
    const name = document.querySelector('.task-details h2.task')?.textContent.trim();
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        notify(name ? `Tâche terminée : « ${name} ».` : 'Tâche terminée.');
      }
    });
  }
  return send.apply(this, body);
};

// A notification is drawn in steps (AngularJS sets its class and text after inserting it), and
// form-js draws its field errors in its own render, which may come just after: both are looked at
// again a few times.
const RECHECKS_MS = [0, 50, 200, 500, 1000];

function closeIfShownOnFields(alert, attempt = 0) {
  if (!alert.isConnected) {
    return;
  }
  const fieldInError = document.querySelector(FIELD_IN_ERROR);
  const generic = alert.classList.contains('alert-danger') && alert.textContent.includes(COMPLETE_ERROR);
  if (!generic || !fieldInError) {
    if (attempt + 1 < RECHECKS_MS.length) {
      setTimeout(() => closeIfShownOnFields(alert, attempt + 1), RECHECKS_MS[attempt + 1]);
    }
    return;
  }
  const close = [...alert.querySelectorAll('button.close')].find((button) => !button.classList.contains('ng-hide'));
  if (close) {
    close.click();
  } else {
    alert.remove();
  }
  const input = document.querySelector('.fjs-container [aria-invalid="true"]');
  (input || fieldInError).focus?.();
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    for (const node of mutation.addedNodes) {
      if (node instanceof Element && node.closest('.notifications')) {
        const alerts = node.matches('.alert') ? [node] : [...node.querySelectorAll('.alert')];
        alerts.forEach((alert) => closeIfShownOnFields(alert));
      }
    }
  }
}).observe(document.body, { childList: true, subtree: true });

// No default export: Tasklist would take it for a plugin.
