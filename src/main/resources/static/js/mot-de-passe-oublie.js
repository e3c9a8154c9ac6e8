// « Mot de passe oublié ? » (/mot-de-passe-oublie): POST /api/password-resets { identifier }.
// The answer is the same whether an account matches or not; the link arrives by mail.

import {
  FormErrors, isTransientFailure, postOnce, problemErrors, revealAndFocus, showRequestError,
} from "./problem.js";

const RESET_URL = "api/password-resets";

const form = document.getElementById("password-reset-request-form");
const summary = document.getElementById("error-summary");
const requestError = document.getElementById("request-error");
const submitButton = document.getElementById("submit");
const identifier = document.getElementById("identifier");

const errors = new FormErrors(form, summary);

/** "une heure", "2 heures", "90 minutes". */
function validityText(minutes) {
  if (minutes === 60) {
    return "une heure";
  }
  return minutes % 60 === 0 ? `${minutes / 60}\u00a0heures` : `${minutes}\u00a0minutes`;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  requestError.hidden = true;
  const typed = identifier.value.trim();
  if (!typed) {
    errors.show([{ field: "identifier", message: "Indiquez votre identifiant ou votre adresse électronique." }]);
    return;
  }
  errors.clear();

  const result = await postOnce(submitButton, RESET_URL, { identifier: typed }, form);
  if (result === undefined) {
    return;
  }
  if (result && result.ok) {
    const minutes = result.body && Number.isInteger(result.body.linkValidityMinutes)
      ? result.body.linkValidityMinutes : 60;
    document.getElementById("success-validity").textContent = validityText(minutes);
    form.remove();
    summary.hidden = true;
    revealAndFocus(document.getElementById("success"));
    return;
  }
  const problem = result && !isTransientFailure(result) ? problemErrors(result.problem) : [];
  if (problem.length > 0) {
    errors.show(problem);
  } else {
    showRequestError(requestError, result);
  }
});
