// New password through a mailed link, for an account taken over from the former site or after
// « Mot de passe oublié ? » (/nouveau-mot-de-passe#jeton=<token>): POST /api/password-changes
// { token, password }.

import { attachPasswordRules, confirmationError, passwordError } from "./password.js";
import {
  forgetFragment, FormErrors, isTransientFailure, postOnce, problemErrors, readFragmentParameter, revealAndFocus,
  showLoginReady, showRequestError,
} from "./problem.js";

const CHANGE_URL = "api/password-changes";
const DEFAULT_LOGIN_URL = "camunda/app/tasklist/";
// Fields of this form; an error on any other field (e.g. "token") concerns the link itself.
const FORM_FIELDS = ["password", "passwordConfirmation"];

const form = document.getElementById("password-reset-form");
const summary = document.getElementById("error-summary");
const requestError = document.getElementById("request-error");
const tokenError = document.getElementById("token-error");
const submitButton = document.getElementById("submit");
const password = document.getElementById("password");
const confirmation = document.getElementById("passwordConfirmation");
const token = readFragmentParameter("jeton");

const errors = new FormErrors(form, summary);
attachPasswordRules(password, document.getElementById("password-rules"));

function showTokenError(message) {
  forgetFragment();
  form.remove();
  summary.hidden = true;
  requestError.hidden = true;
  document.getElementById("token-error-detail").textContent = message;
  revealAndFocus(tokenError);
}

if (!token) {
  showTokenError("Le lien est incomplet. Vérifiez que vous avez bien utilisé l'adresse complète "
    + "figurant dans le courriel reçu.");
} else {
  form.hidden = false;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  requestError.hidden = true;
  const found = [];
  const weakness = passwordError(password.value);
  if (weakness) {
    found.push({ field: "password", message: weakness });
  }
  const mismatch = confirmationError(password.value, confirmation.value);
  if (mismatch) {
    found.push({ field: "passwordConfirmation", message: mismatch });
  }
  if (found.length > 0) {
    errors.show(found);
    return;
  }
  errors.clear();

  const result = await postOnce(submitButton, CHANGE_URL, { token, password: password.value }, form);
  if (result === undefined) {
    return;
  }
  if (result && result.ok && result.body) {
    form.remove();
    summary.hidden = true;
    showLoginReady(result.body, DEFAULT_LOGIN_URL);
    return;
  }
  const problem = result && !isTransientFailure(result) ? problemErrors(result.problem) : [];
  if (problem.some((error) => FORM_FIELDS.includes(error.field))) {
    errors.show(problem);
  } else if (problem.length > 0) {
    showTokenError(problem.map((error) => error.message).join(" "));
  } else if (result && !isTransientFailure(result) && result.status >= 400) {
    showTokenError("Ce lien n'est pas valide.");
  } else {
    showRequestError(requestError, result);
  }
});
