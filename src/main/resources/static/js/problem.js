// Shared helpers of the public pages: JSON calls to the API, RFC 9457 "problem details"
// answers and their display with DSFR error messages and an error summary.

/**
 * Sends a JSON body with POST and returns { status, ok, body, problem }.
 * body is the parsed JSON answer (or null); problem is the body when the answer is a
 * problem+json document (or any error answer with a JSON body). A network failure rejects.
 */
export async function postJson(url, payload) {
  const headers = {
    "Content-Type": "application/json",
    Accept: "application/json, application/problem+json",
  };
  // Spring Security's cookie-based CSRF protection, if the backend enables it for these calls.
  const csrf = readCookie("XSRF-TOKEN");
  if (csrf) {
    headers["X-XSRF-TOKEN"] = csrf;
  }
  const response = await fetch(url, {
    method: "POST",
    headers,
    body: JSON.stringify(payload),
    credentials: "same-origin",
  });
  let body = null;
  const type = response.headers.get("Content-Type") || "";
  if (type.includes("json")) {
    try {
      body = await response.json();
    } catch (ignored) {
      body = null;
    }
  }
  return {
    status: response.status,
    ok: response.ok,
    body,
    problem: !response.ok && body && typeof body === "object" ? body : null,
  };
}

function readCookie(name) {
  const prefix = name + "=";
  const cookie = document.cookie.split(";").map((c) => c.trim()).find((c) => c.startsWith(prefix));
  return cookie ? decodeURIComponent(cookie.substring(prefix.length)) : null;
}

/** Reads a parameter of the URL fragment, e.g. readFragmentParameter("jeton") for #jeton=abc. */
export function readFragmentParameter(name) {
  const fragment = window.location.hash.replace(/^#/, "");
  if (!fragment) {
    return null;
  }
  const value = new URLSearchParams(fragment).get(name);
  return value && value.trim() ? value.trim() : null;
}

const pending = new WeakSet();

/**
 * Posts JSON once at a time for a control (button or form): the control is disabled, and `busy`
 * marked aria-busy, while the request runs. Resolves to postJson's result, to null on a network
 * failure, or to undefined when a request of this control is already running.
 */
export async function postOnce(control, url, payload, busy = null) {
  if (pending.has(control)) {
    return undefined;
  }
  pending.add(control);
  control.disabled = true;
  busy?.setAttribute("aria-busy", "true");
  try {
    return await postJson(url, payload);
  } catch (networkFailure) {
    return null;
  } finally {
    pending.delete(control);
    control.disabled = false;
    busy?.removeAttribute("aria-busy");
  }
}

/** Shows that a mailed link served (account activated, password chosen) and where to log in. */
export function showLoginReady(body, fallbackLoginUrl) {
  forgetFragment();
  document.getElementById("success-username").textContent = body.username || "";
  document.getElementById("login").href = safeLocalUrl(body.loginUrl, fallbackLoginUrl);
  document.getElementById("login-actions").hidden = false;
  revealAndFocus(document.getElementById("success"));
}

/** Removes the fragment (a link's token) from the address bar and the history once it has served. */
export function forgetFragment() {
  if (window.location.hash) {
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }
}

/** Keeps a login URL given by the API only if it stays on this site. */
export function safeLocalUrl(url, fallback) {
  return typeof url === "string" && /^\/(?!\/)/.test(url) && !url.includes("\\") ? url : fallback;
}

/**
 * The errors of a problem document as [{ field, message }]. Field names are JSON property
 * names, nested ones joined with dots ("unlistedLocalAuthority.name"); a JSON pointer
 * ("#/unlistedLocalAuthority/name") is accepted too. A problem without an "errors" list gives
 * one error without field, carrying its detail (or title).
 */
export function problemErrors(problem) {
  const errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
  const mapped = errors
    .filter((error) => error && (error.message || error.detail))
    .map((error) => ({
      field: error.field || pointerToField(error.pointer),
      message: error.message || error.detail,
    }));
  if (mapped.length > 0) {
    return mapped;
  }
  const message = (problem && (problem.detail || problem.title)) || null;
  return message ? [{ field: null, message }] : [];
}

function pointerToField(pointer) {
  if (typeof pointer !== "string" || !pointer.startsWith("#/")) {
    return null;
  }
  return pointer.substring(2).split("/").join(".");
}

/** True when the answer means "try again later" rather than "this request is wrong". */
export function isTransientFailure(result) {
  return result.status >= 500 || result.status === 429 || result.status === 408;
}

/**
 * Shows the alert "could not be sent" of a failed call. For a 429 its text becomes the server's
 * detail (too many requests, and when to try again) instead of "try again in a few moments".
 */
export function showRequestError(alert, result) {
  const text = alert.querySelector("p");
  text.dataset.defaultText ??= text.textContent;
  const limited = result && result.status === 429 && result.problem && result.problem.detail;
  text.textContent = limited ? result.problem.detail : text.dataset.defaultText;
  revealAndFocus(alert);
}

/** Shows an element that was hidden and moves the focus to it so that it is read first. */
export function revealAndFocus(element) {
  element.hidden = false;
  element.focus();
  element.scrollIntoView({ block: "start", behavior: "auto" });
}

const ERROR_CLASSES = [
  ["fr-input-group", "fr-input-group--error"],
  ["fr-select-group", "fr-select-group--error"],
  ["fr-fieldset", "fr-fieldset--error"],
  ["fr-checkbox-group", "fr-checkbox-group--error"],
];

/**
 * Displays field errors on a form built with DSFR groups.
 *
 * Each field group carries data-field="<JSON property>" (nested ones as "parent.child") and
 * data-label="<label read in the summary>"; it contains a ".fr-messages-group[data-errors]"
 * where error messages go, and the element to focus (marked data-focus, or its first control).
 * Errors whose field has no visible group are listed in the summary only.
 */
export class FormErrors {
  constructor(form, summary) {
    this.form = form;
    this.summary = summary;
    summary.addEventListener("click", (event) => {
      const link = event.target.closest("a[data-target]");
      if (!link) {
        return;
      }
      // Focus the field without touching the URL fragment, which may hold a token.
      event.preventDefault();
      const target = document.getElementById(link.dataset.target);
      if (target) {
        target.scrollIntoView({ block: "center", behavior: "auto" });
        target.focus();
      }
    });
    // A field that is being corrected loses its error state (the summary stays until next submit).
    const clearOnEdit = (event) => {
      const group = event.target.closest("[data-field]");
      if (group && group.dataset.hasError === "true") {
        this.clearGroup(group);
      }
    };
    form.addEventListener("input", clearOnEdit);
    form.addEventListener("change", clearOnEdit);
  }

  /** Removes every error message and hides the summary. */
  clear() {
    this.form.querySelectorAll("[data-field]").forEach((group) => this.clearGroup(group));
    this.summary.hidden = true;
    this.summary.replaceChildren();
  }

  clearGroup(group) {
    for (const [base, error] of ERROR_CLASSES) {
      if (group.classList.contains(base)) {
        group.classList.remove(error);
      }
    }
    const messages = this.messagesOf(group);
    if (messages) {
      messages.replaceChildren();
    }
    this.controlsOf(group).forEach((control) => control.removeAttribute("aria-invalid"));
    delete group.dataset.hasError;
  }

  controlsOf(group) {
    return group.querySelectorAll("input:not([type=hidden]):not([type=checkbox]), select, textarea");
  }

  /** Shows errors [{ field, message }] on their fields and in the summary, then focuses it. */
  show(errors) {
    this.clear();
    const entries = errors.map((error) => ({
      group: this.findGroup(error.field),
      message: error.message || "Cette information n'est pas valide.",
    }));
    // Errors without a field first, then the others in the order of the fields on the page.
    entries.sort((a, b) => {
      if (!a.group || !b.group) {
        return (a.group ? 1 : 0) - (b.group ? 1 : 0);
      }
      if (a.group === b.group) {
        return 0;
      }
      return a.group.compareDocumentPosition(b.group) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    const items = entries.map((entry, index) => (entry.group
      ? { label: entry.group.dataset.label, message: entry.message, target: this.markGroup(entry.group, entry.message, index) }
      : { label: null, message: entry.message, target: null }));
    this.renderSummary(items);
    revealAndFocus(this.summary);
  }

  findGroup(field) {
    if (!field) {
      return null;
    }
    const group = Array.from(this.form.querySelectorAll("[data-field]"))
      .find((candidate) => candidate.dataset.field === field);
    if (!group || group.closest("[hidden]")) {
      return null;
    }
    return group;
  }

  /** The error messages container of a group, not the one of a group nested in it. */
  messagesOf(group) {
    return Array.from(group.querySelectorAll(".fr-messages-group[data-errors]"))
      .find((messages) => messages.closest("[data-field]") === group) || null;
  }

  markGroup(group, message, index) {
    for (const [base, error] of ERROR_CLASSES) {
      if (group.classList.contains(base)) {
        group.classList.add(error);
        break;
      }
    }
    group.dataset.hasError = "true";
    this.controlsOf(group).forEach((control) => control.setAttribute("aria-invalid", "true"));
    const messages = this.messagesOf(group);
    if (messages) {
      const paragraph = document.createElement("p");
      paragraph.className = "fr-message fr-message--error";
      paragraph.id = messages.id + "-error-" + index;
      paragraph.textContent = message;
      messages.append(paragraph);
    }
    const focusable = group.querySelector("[data-focus]")
      || group.querySelector("input:checked:not([type=hidden])")
      || group.querySelector("input:not([type=hidden]), select, textarea");
    return focusable ? focusable.id : null;
  }

  renderSummary(items) {
    const title = document.createElement("h2");
    title.className = "fr-alert__title";
    title.textContent = items.length > 1
      ? `Le formulaire comporte ${items.length}\u00a0erreurs`
      : "Le formulaire comporte une erreur";
    this.summary.append(title);
    const list = document.createElement("ul");
    list.className = "atlas-error-list";
    for (const item of items) {
      const entry = document.createElement("li");
      const text = item.label ? `${item.label}\u00a0: ${item.message}` : item.message;
      if (item.target) {
        const link = document.createElement("a");
        link.href = "#" + item.target;
        link.dataset.target = item.target;
        link.textContent = text;
        entry.append(link);
      } else {
        entry.textContent = text;
      }
      list.append(entry);
    }
    this.summary.append(list);
  }
}
