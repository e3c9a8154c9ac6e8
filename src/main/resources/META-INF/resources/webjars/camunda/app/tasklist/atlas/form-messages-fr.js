// Translates into French the validation messages that Camunda Forms (form-js) shows under fields:
// form-js has no locale of its own. Watches the page and rewrites each message as it appears.
const MESSAGES = [
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
];

function translate(text) {
  const trimmed = text.trim();
  for (const [pattern, french] of MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return french(...match.slice(1));
    }
  }
  return null;
}

function translateWithin(root) {
  if (!(root instanceof Element)) {
    return;
  }
  const enclosing = root.closest('.fjs-form-field-error');
  const errors = enclosing ? [enclosing] : root.querySelectorAll('.fjs-form-field-error');
  for (const error of errors) {
    const walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const french = translate(node.nodeValue);
      if (french && node.nodeValue !== french) {
        node.nodeValue = french;
      }
    }
  }
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      translateWithin(mutation.target.parentElement);
    }
    for (const node of mutation.addedNodes) {
      translateWithin(node.nodeType === Node.TEXT_NODE ? node.parentElement : node);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

// No default export: Tasklist would take it for a plugin.
