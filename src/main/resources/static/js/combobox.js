// Accessible type-ahead following the WAI-ARIA "combobox with listbox popup" pattern
// (list autocomplete, no automatic selection): the focus stays in the text field and
// aria-activedescendant designates the highlighted option.

const DEFAULT_DELAY_MS = 200;
const DEFAULT_MIN_LENGTH = 2;

export class Combobox {
  /**
   * options:
   *   input     the text field (role=combobox, aria-controls = listbox id)
   *   listbox   the popup list (role=listbox)
   *   status    a polite live region announcing the number of results or a failure
   *   search    async (text, abortSignal) => items
   *   format    item => text shown for an option and put in the field when chosen
   *   onChange  item | null => void, called when the choice is made or cleared
   *   messages  { minLength, loading, none(text), count(n), failure }
   */
  constructor({ input, listbox, status, search, format, onChange, messages,
    delay = DEFAULT_DELAY_MS, minLength = DEFAULT_MIN_LENGTH }) {
    this.input = input;
    this.listbox = listbox;
    this.status = status;
    this.search = search;
    this.format = format;
    this.onChange = onChange || (() => {});
    this.messages = messages;
    this.delay = delay;
    this.minLength = minLength;
    this.items = [];
    this.activeIndex = -1;
    this.selected = null;
    this.timer = null;
    this.controller = null;
    this.requestNumber = 0;

    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-autocomplete", "list");
    input.addEventListener("input", () => this.onInput());
    input.addEventListener("keydown", (event) => this.onKeyDown(event));
    input.addEventListener("blur", () => this.close());
    // Keep the focus in the field while an option is clicked.
    listbox.addEventListener("mousedown", (event) => event.preventDefault());
    listbox.addEventListener("click", (event) => {
      const option = event.target.closest("[role=option]");
      if (option) {
        this.choose(Number(option.dataset.index));
      }
    });
  }

  /** The chosen item, or null. */
  get value() {
    return this.selected;
  }

  onInput() {
    if (this.selected) {
      this.selected = null;
      this.onChange(null);
    }
    window.clearTimeout(this.timer);
    const text = this.input.value.trim();
    if (text.length < this.minLength) {
      this.cancelSearch();
      this.close();
      this.items = [];
      this.announce(text.length > 0 ? this.messages.minLength : "");
      return;
    }
    this.timer = window.setTimeout(() => this.runSearch(text), this.delay);
  }

  cancelSearch() {
    if (this.controller) {
      this.controller.abort();
      this.controller = null;
    }
    this.requestNumber += 1;
  }

  async runSearch(text) {
    this.cancelSearch();
    const number = this.requestNumber;
    const controller = new AbortController();
    this.controller = controller;
    this.announce(this.messages.loading);
    let items;
    try {
      items = await this.search(text, controller.signal);
    } catch (error) {
      if (number === this.requestNumber) {
        this.items = [];
        this.close();
        this.announce(this.messages.failure);
      }
      return;
    }
    // An answer to an older text arriving late is ignored.
    if (number !== this.requestNumber) {
      return;
    }
    this.controller = null;
    this.items = Array.isArray(items) ? items : [];
    this.render();
    if (this.items.length === 0) {
      this.close();
      this.announce(this.messages.none(text));
    } else {
      this.announce(this.messages.count(this.items.length));
      if (document.activeElement === this.input) {
        this.open();
      }
    }
  }

  render() {
    const listId = this.listbox.id;
    this.activeIndex = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.listbox.replaceChildren(...this.items.map((item, index) => {
      const option = document.createElement("li");
      option.id = `${listId}-option-${index}`;
      option.className = "atlas-combobox__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.index = String(index);
      option.textContent = this.format(item);
      return option;
    }));
  }

  onKeyDown(event) {
    const isOpen = this.isOpen();
    switch (event.key) {
      case "ArrowDown":
        if (this.items.length === 0) {
          return;
        }
        event.preventDefault();
        if (!isOpen) {
          this.open();
        }
        this.highlight(event.altKey && !isOpen ? -1 : (this.activeIndex + 1) % this.items.length);
        break;
      case "ArrowUp":
        if (this.items.length === 0) {
          return;
        }
        event.preventDefault();
        if (!isOpen) {
          this.open();
        }
        this.highlight(this.activeIndex <= 0 ? this.items.length - 1 : this.activeIndex - 1);
        break;
      case "Enter":
        // Enter chooses the highlighted option instead of submitting the form.
        if (isOpen && this.activeIndex >= 0) {
          event.preventDefault();
          this.choose(this.activeIndex);
        }
        break;
      case "Escape":
        if (isOpen) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.clear();
        }
        break;
      case "Tab":
        this.close();
        break;
      default:
        break;
    }
  }

  highlight(index) {
    const options = this.listbox.querySelectorAll("[role=option]");
    options.forEach((option, position) => {
      option.setAttribute("aria-selected", position === index ? "true" : "false");
    });
    this.activeIndex = index;
    if (index >= 0 && options[index]) {
      this.input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  }

  choose(index) {
    const item = this.items[index];
    if (!item) {
      return;
    }
    this.selected = item;
    this.input.value = this.format(item);
    this.close();
    this.announce("");
    this.onChange(item);
  }

  /** Empties the field and forgets the choice. */
  clear() {
    window.clearTimeout(this.timer);
    this.cancelSearch();
    this.input.value = "";
    this.items = [];
    this.listbox.replaceChildren();
    this.close();
    this.announce("");
    if (this.selected) {
      this.selected = null;
      this.onChange(null);
    }
  }

  isOpen() {
    return this.input.getAttribute("aria-expanded") === "true";
  }

  open() {
    if (this.items.length === 0) {
      return;
    }
    this.listbox.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  }

  close() {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.highlight(-1);
  }

  announce(text) {
    if (this.status.textContent !== text) {
      this.status.textContent = text;
    }
  }
}
