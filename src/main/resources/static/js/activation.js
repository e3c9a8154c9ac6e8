// Account activation (/activation#jeton=<token>). The token travels in the URL fragment so
// that it never reaches server logs, and the account is activated only on an explicit click:
// mail scanners that follow links must not consume the token.

import {
  forgetFragment, isTransientFailure, postOnce, problemErrors, readFragmentParameter, revealAndFocus, showLoginReady,
  showRequestError,
} from "./problem.js";

const ACTIVATION_URL = "api/account-activations";
const DEFAULT_LOGIN_URL = "camunda/app/tasklist/";

const intro = document.getElementById("activation-intro");
const button = document.getElementById("activate");
const requestError = document.getElementById("request-error");
const activationError = document.getElementById("activation-error");
const token = readFragmentParameter("jeton");

function showFinalError(message) {
  forgetFragment();
  intro.hidden = true;
  requestError.hidden = true;
  document.getElementById("activation-error-detail").textContent = message;
  revealAndFocus(activationError);
}

if (!token) {
  showFinalError("Le lien d'activation est incomplet. Vérifiez que vous avez bien utilisé "
    + "l'adresse complète figurant dans le courriel reçu.");
} else {
  intro.hidden = false;
}

button.addEventListener("click", async () => {
  requestError.hidden = true;
  const result = await postOnce(button, ACTIVATION_URL, { token });
  if (result === undefined) {
    return;
  }
  if (result && result.ok && result.body) {
    intro.hidden = true;
    showLoginReady(result.body, DEFAULT_LOGIN_URL);
    return;
  }
  // A link used already to open an account that is active: not an error, the holder logs in.
  if (result && result.problem && result.problem.accountActive === true) {
    forgetFragment();
    intro.hidden = true;
    requestError.hidden = true;
    document.getElementById("already-active-detail").textContent = result.problem.detail;
    revealAndFocus(document.getElementById("already-active"));
    return;
  }
  const problem = result && !isTransientFailure(result) ? problemErrors(result.problem) : [];
  if (problem.length > 0) {
    showFinalError(problem.map((error) => error.message).join(" "));
  } else if (result && !isTransientFailure(result) && result.status >= 400) {
    showFinalError("Ce lien d'activation n'est pas valide.");
  } else {
    showRequestError(requestError, result);
  }
});
