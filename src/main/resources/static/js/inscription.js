// Account request form (/inscription): type-ahead over the local authorities, client-side
// checks, POST /api/account-requests and display of the answer.

import { Combobox } from "./combobox.js";
import { attachPasswordRules, confirmationError, passwordError } from "./password.js";
import {
  FormErrors, isTransientFailure, postOnce, problemErrors, revealAndFocus, showRequestError,
} from "./problem.js";

const SEARCH_URL = "api/local-authorities";
const SUBMIT_URL = "api/account-requests";
const USERNAME_PATTERN = /^[a-zA-Z0-9]{3,30}$/;
const DEPARTMENT_PATTERN = /^(?:\d{2,3}|2[AB])$/;
const PHONE_PATTERN = /^\+?[0-9 .()-]{6,25}$/;
// The server's shape of an address (EmailAddresses): the browser's own check accepts « nom@domaine.f ».
const EMAIL_PATTERN = new RegExp("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
  + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$");
const EMAIL_INVALID = 'Indiquez une adresse électronique valide, par exemple prenom.nom@mairie-exemple.fr.';

const form = document.getElementById("account-request-form");
const summary = document.getElementById("error-summary");
const requestError = document.getElementById("request-error");
const success = document.getElementById("success");
const submitButton = document.getElementById("submit");
const field = (id) => document.getElementById(id);

const errors = new FormErrors(form, summary);

/** « Rennes — Commune — 35 Ille-et-Vilaine (35000) » */
export function formatLocalAuthority(item) {
  const parts = [item.name];
  const type = item.typeLabel || item.type;
  if (type) {
    parts.push(type);
  }
  const department = [item.departmentCode, item.departmentName].filter(Boolean).join(" ");
  if (department) {
    parts.push(department);
  }
  let text = parts.join(" — ");
  const postalCode = Array.isArray(item.postalCodes) && item.postalCodes.length > 0 ? item.postalCodes[0] : null;
  if (postalCode) {
    text += ` (${postalCode})`;
  }
  return text;
}

async function searchLocalAuthorities(text, signal) {
  const query = new URLSearchParams({ q: text, limit: "10" });
  const response = await fetch(`${SEARCH_URL}?${query}`, {
    headers: { Accept: "application/json" },
    credentials: "same-origin",
    signal,
  });
  if (!response.ok) {
    throw new Error(`Local authorities search answered ${response.status}`);
  }
  return response.json();
}

const localAuthorityStatus = field("localAuthority-status");
const combobox = new Combobox({
  input: field("localAuthority"),
  listbox: field("localAuthority-listbox"),
  status: localAuthorityStatus,
  search: searchLocalAuthorities,
  format: formatLocalAuthority,
  onChange: (item) => {
    if (item) {
      localAuthorityStatus.textContent = "Collectivité sélectionnée.";
    }
  },
  messages: {
    minLength: "Saisissez au moins 2\u00a0caractères.",
    loading: "Recherche en cours…",
    none: (text) => `Aucune collectivité ne correspond à «\u00a0${text}\u00a0». Vérifiez votre saisie, `
      + "ou cochez «\u00a0Ma collectivité n'est pas dans la liste\u00a0».",
    count: (count) => (count > 1
      ? `${count}\u00a0collectivités trouvées. Utilisez les flèches haut et bas pour parcourir la liste, puis Entrée pour choisir.`
      : "1\u00a0collectivité trouvée. Utilisez la flèche bas pour la sélectionner, puis Entrée pour la choisir."),
    failure: "La recherche des collectivités est momentanément indisponible. Réessayez dans quelques instants.",
  },
});

// "Ma collectivité n'est pas dans la liste" swaps the type-ahead for three free fields.
const unlisted = field("unlisted");
function applyUnlisted() {
  field("localAuthority-element").hidden = unlisted.checked;
  field("unlisted-fields").hidden = !unlisted.checked;
}
unlisted.addEventListener("change", applyUnlisted);
applyUnlisted();

const refreshPasswordRules = attachPasswordRules(field("password"), field("password-rules"), () => ({
  username: field("username").value,
  lastName: field("lastName").value,
}));
field("username").addEventListener("input", refreshPasswordRules);
field("lastName").addEventListener("input", refreshPasswordRules);

const text = (id) => field(id).value.trim();

function validate() {
  const found = [];
  const add = (name, message) => found.push({ field: name, message });

  if (!unlisted.checked) {
    if (!combobox.value) {
      add("localAuthorityId", text("localAuthority")
        ? "Choisissez votre collectivité dans la liste proposée, ou cochez «\u00a0Ma collectivité n'est pas dans la liste\u00a0»."
        : "Recherchez et choisissez votre collectivité territoriale.");
    }
  } else {
    if (!text("unlistedName")) {
      add("unlistedLocalAuthority.name", "Indiquez le nom de votre collectivité.");
    }
    if (!field("unlistedType").value) {
      add("unlistedLocalAuthority.type", "Sélectionnez le type de votre collectivité.");
    }
    const department = text("unlistedDepartment").toUpperCase();
    if (!department) {
      add("unlistedLocalAuthority.departmentCode", "Indiquez le département de votre collectivité, par exemple 35, 2A ou 974.");
    } else if (!DEPARTMENT_PATTERN.test(department)) {
      add("unlistedLocalAuthority.departmentCode", "Le département doit être un numéro tel que 35, 2A ou 974.");
    }
  }

  if (!form.querySelector("input[name=civility]:checked")) {
    add("civility", "Indiquez votre civilité.");
  }
  if (!text("lastName")) {
    add("lastName", "Indiquez votre nom.");
  }
  if (!text("firstName")) {
    add("firstName", "Indiquez votre prénom.");
  }
  if (!text("function")) {
    add("function", "Indiquez votre fonction au sein de la collectivité.");
  }
  if (!text("email")) {
    add("email", "Indiquez votre adresse électronique.");
  } else if (field("email").validity.typeMismatch || !EMAIL_PATTERN.test(text("email"))) {
    add("email", EMAIL_INVALID);
  }
  if (text("phone") && !PHONE_PATTERN.test(text("phone"))) {
    add("phone", "Le numéro de téléphone n'est pas valide. Format attendu\u00a0: 01 22 33 44 55 ou +33 1 22 33 44 55.");
  }
  if (!text("username")) {
    add("username", "Choisissez un identifiant.");
  } else if (!USERNAME_PATTERN.test(text("username"))) {
    add("username", "L'identifiant doit comporter de 3 à 30\u00a0caractères\u00a0: lettres non accentuées et chiffres, sans espace.");
  }
  const password = field("password").value;
  const weakness = passwordError(password);
  if (weakness) {
    add("password", weakness);
  }
  const mismatch = confirmationError(password, field("passwordConfirmation").value);
  if (mismatch) {
    add("passwordConfirmation", mismatch);
  }
  return found;
}

function payload() {
  const isUnlisted = unlisted.checked;
  return {
    localAuthorityId: isUnlisted ? null : combobox.value.id,
    unlistedLocalAuthority: isUnlisted
      ? {
        name: text("unlistedName"),
        type: field("unlistedType").value,
        departmentCode: text("unlistedDepartment").toUpperCase(),
      }
      : null,
    civility: form.querySelector("input[name=civility]:checked").value,
    lastName: text("lastName"),
    firstName: text("firstName"),
    function: text("function"),
    email: text("email"),
    phone: text("phone") || null,
    username: text("username"),
    // The password is sent as typed; its confirmation never leaves the page.
    password: field("password").value,
  };
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  requestError.hidden = true;
  const found = validate();
  if (found.length > 0) {
    errors.show(found);
    return;
  }
  errors.clear();

  const result = await postOnce(submitButton, SUBMIT_URL, payload(), form);
  if (result === undefined) {
    return;
  }
  if (result && result.ok) {
    // The form (and the typed password) disappears; only the confirmation remains.
    form.remove();
    summary.hidden = true;
    revealAndFocus(success);
    return;
  }
  const problem = result && !isTransientFailure(result) ? problemErrors(result.problem) : [];
  if (problem.length > 0) {
    errors.show(problem);
  } else {
    // Nothing typed is lost: the form stays as it is.
    showRequestError(requestError, result);
  }
});
