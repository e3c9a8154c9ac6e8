// Live indication of the password rules, and the check of a submission. The server remains the
// authority. The "not a common password" rule can only be checked by the server and has no mark.

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

// The server's own wording (PasswordRules), for the rules the page can check.
const MESSAGES = [
  [(password) => password.length >= 12, "Le mot de passe doit contenir au moins 12 caractères."],
  [(password) => password.length <= 128, "Le mot de passe ne doit pas dépasser 128 caractères."],
  [RULES.uppercase, "Le mot de passe doit contenir au moins une lettre majuscule."],
  [RULES.lowercase, "Le mot de passe doit contenir au moins une lettre minuscule."],
  [RULES.digit, "Le mot de passe doit contenir au moins un chiffre."],
  [RULES.special, "Le mot de passe doit contenir au moins un caractère spécial (par exemple ! ? # - _ @)."],
];

/**
 * Client-side check of a typed password, so that a submission with other errors reports it at
 * once: the server's message, or null. The server checks again (and what the page cannot: common
 * passwords, personal information).
 */
export function passwordError(password) {
  if (!password) {
    return "Choisissez un mot de passe.";
  }
  const violations = MESSAGES.filter(([check]) => !check(password)).map(([, message]) => message);
  return violations.length > 0 ? violations.join(" ") : null;
}

/** Client-side check of the confirmation: returns an error message or null. */
export function confirmationError(password, confirmation) {
  if (!confirmation) {
    return "Confirmez votre mot de passe.";
  }
  return password === confirmation ? null : "Les deux mots de passe saisis ne sont pas identiques.";
}
