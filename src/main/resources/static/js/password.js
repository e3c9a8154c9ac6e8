// Live indication of the password rules. The server remains the authority: these marks only
// help while typing, they never block the submission. The "not a common password" rule can
// only be checked by the server and has no mark.

const RULES = {
  length: (password) => password.length >= 12,
  uppercase: (password) => /\p{Lu}/u.test(password),
  lowercase: (password) => /\p{Ll}/u.test(password),
  digit: (password) => /\p{Nd}/u.test(password),
  special: (password) => /[^\p{L}\p{Nd}]/u.test(password),
  personal: (password, context) => {
    const lowered = password.toLowerCase();
    return [context.username, context.lastName]
      .map((value) => (value || "").trim().toLowerCase())
      .filter((value) => value.length >= 3)
      .every((value) => !lowered.includes(value));
  },
};

const STATES = ["fr-message--info", "fr-message--valid", "fr-message--error"];

/**
 * input: the password field; rules: container of ".fr-message[data-rule]" elements;
 * context: () => ({ username, lastName }) for the rule about personal information.
 * Returns a function that refreshes the marks (call it when the context changes).
 */
export function attachPasswordRules(input, rules, context = () => ({})) {
  let touched = false;
  const refresh = () => {
    const password = input.value;
    rules.querySelectorAll(".fr-message[data-rule]").forEach((message) => {
      const check = RULES[message.dataset.rule];
      if (!check) {
        return;
      }
      let state = "fr-message--info";
      if (password.length > 0) {
        if (check(password, context())) {
          state = "fr-message--valid";
        } else if (touched) {
          state = "fr-message--error";
        }
      }
      message.classList.remove(...STATES);
      message.classList.add(state);
    });
  };
  input.addEventListener("input", refresh);
  input.addEventListener("blur", () => {
    touched = input.value.length > 0;
    refresh();
  });
  refresh();
  return refresh;
}

/** Client-side check of the confirmation: returns an error message or null. */
export function confirmationError(password, confirmation) {
  if (!confirmation) {
    return "Confirmez votre mot de passe.";
  }
  return password === confirmation ? null : "Les deux mots de passe saisis ne sont pas identiques.";
}
