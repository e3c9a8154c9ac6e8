// Adds « Mot de passe oublié ? » under Tasklist's login form, leading to the teleprocedure's
// /mot-de-passe-oublie page. AngularJS renders (and renders again, after a logout) the form at
// any time: a MutationObserver adds the link whenever a login form without it appears.

const LINK_CLASS = 'atlas-forgotten-password';
// The webapps live under <application>/camunda/app/ (the base address Tasklist sets may go deeper):
// the public page is at the application's root, next to the webapps' "camunda" folder.
const BASE = new URL(document.baseURI);
const WEBAPPS_ROOT = BASE.pathname.slice(0, BASE.pathname.indexOf('/app/'));
const PAGE = new URL(WEBAPPS_ROOT.replace(/[^/]*$/, '') + 'mot-de-passe-oublie', BASE.origin).href;

function addLinkUnder(form) {
  const next = form.nextElementSibling;
  if (next && next.classList.contains(LINK_CLASS)) {
    return;
  }
  const paragraph = document.createElement('p');
  paragraph.className = LINK_CLASS;
  const link = document.createElement('a');
  link.href = PAGE;
  link.textContent = 'Mot de passe oublié\u00a0?';
  paragraph.append(link);
  form.after(paragraph);
}

function addLinks() {
  document.querySelectorAll('.form-signin form[name="signinForm"]').forEach(addLinkUnder);
}

new MutationObserver((mutations) => {
  if (mutations.some((mutation) => mutation.addedNodes.length > 0)) {
    addLinks();
  }
}).observe(document.documentElement, { childList: true, subtree: true });
addLinks();

// No default export: Tasklist would take it for a plugin.
