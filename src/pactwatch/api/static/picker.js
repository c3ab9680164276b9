// A type-ahead picker over actor names (an ARIA combobox): the user types "north k" or "DPRK"
// and picks "North Korea"; the code (PRK) is what the page then asks the API about.
"use strict";

(function () {
  const { el, clear } = window.pactwatch;
  const MAX_OPTIONS = 8;
  let counter = 0;

  // lower case, accents dropped: "Côte d'Ivoire" is found by "cote"
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // How well an actor answers the typed text: name start, a word of the name, an other name, a code.
  function score(item, query) {
    const name = fold(item.name);
    if (name === query) return 0;
    if (name.startsWith(query)) return 1;
    if (name.split(/[\s\-(),]+/).some((w) => w.startsWith(query))) return 2;
    if (item.aliases.some((a) => fold(a).startsWith(query))) return 3;
    if (fold(item.code) === query) return 4;
    if (query.length >= 3 && (name.includes(query) || item.aliases.some((a) => fold(a).includes(query)))) return 5;
    return null;
  }

  function matches(items, typed) {
    const query = fold(typed).trim();
    if (!query) return [];
    return items.map((item) => [score(item, query), item]).filter(([s]) => s !== null)
      .sort((a, b) => a[0] - b[0] || a[1].name.localeCompare(b[1].name)).slice(0, MAX_OPTIONS).map(([, item]) => item);
  }

  // input: the text field; items: [{code, name, aliases}]; onPick(item or null) when the choice changes.
  function picker(input, items, onPick) {
    const id = "picker-" + (++counter);
    const list = el("ul", { id: id, role: "listbox", class: "picker-options", hidden: true });
    input.after(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);
    input.setAttribute("autocomplete", "off");
    const byCode = new Map(items.map((item) => [item.code, item]));
    let shown = [];
    let active = -1;
    let chosen = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function render() {
      clear(list);
      shown.forEach((item, i) => {
        const other = item.aliases.find((a) => fold(a).includes(fold(input.value).trim()) && !fold(item.name).includes(fold(input.value).trim()));
        list.append(el("li", { id: `${id}-${i}`, role: "option", "data-code": item.code, "aria-selected": i === active ? "true" : "false",
          class: i === active ? "active" : null, onmousedown: (ev) => { ev.preventDefault(); pick(item); } },
          item.name, other ? el("span", { class: "meta", text: " — " + other }) : null));
      });
      if (active >= 0) input.setAttribute("aria-activedescendant", `${id}-${active}`);
      list.hidden = shown.length === 0;
      input.setAttribute("aria-expanded", shown.length ? "true" : "false");
    }

    function pick(item, quiet) {
      chosen = item;
      input.value = item ? item.name : "";
      input.dataset.code = item ? item.code : "";
      close();
      if (!quiet) onPick(item);
    }

    input.addEventListener("input", () => {
      shown = matches(items, input.value);
      active = shown.length ? 0 : -1;
      render();
      if (!input.value.trim() && chosen) pick(null);
    });
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        if (list.hidden) { shown = matches(items, input.value); active = -1; }
        const step = ev.key === "ArrowDown" ? 1 : -1;
        active = shown.length ? (active + step + shown.length) % shown.length : -1;
        render();
        ev.preventDefault();
      } else if (ev.key === "Enter") {
        const candidates = list.hidden ? matches(items, input.value) : shown;
        const item = candidates[Math.max(active, 0)];
        if (item) { pick(item); ev.preventDefault(); }
      } else if (ev.key === "Escape") {
        close();
        if (chosen) input.value = chosen.name;
      }
    });
    input.addEventListener("blur", () => {
      // leaving the field takes a name typed in full ("north korea", "DPRK"); a half-typed one is
      // not left on screen: the last choice comes back
      close();
      const typed = fold(input.value).trim();
      const exact = typed && items.find((item) => fold(item.name) === typed || item.aliases.some((a) => fold(a) === typed));
      if (exact && exact !== chosen) pick(exact, true);
      else input.value = chosen ? chosen.name : "";
    });

    return {
      set(code) { pick(byCode.get(code) || null, true); },
      code() { return chosen ? chosen.code : null; },
      item(code) { return byCode.get(code) || null; },
    };
  }

  window.pactwatch.picker = picker;
  window.pactwatch.matchActors = matches;
})();
