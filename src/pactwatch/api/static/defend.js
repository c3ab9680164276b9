// The view "who is bound to defend X on day D": pick a country by name and a day (and, if you like,
// the attacker); see the defenders, the states bound to both sides, the consultation-only partners
// and the treaties signed but not yet in force, each with its treaty, article and evidence; a world
// map coloured by obligation; the commitment graph around X. Reads GET /api/obligations,
// /api/graph?focus=… and /api/actors.
"use strict";

(function () {
  const { $, el, append, clear, status, api, articleLink, safeExternal, words, longDay, toDay, fromDay, DAY, DAY_MS } = window.pactwatch;
  const FIRST_DAY = "1945-01-01";
  const state = { actors: null, on: null, expand: [], ticket: 0, pickers: null, graph: null };

  // the contract names actors as {code, name}; tolerate a bare code
  function actor(value) { return typeof value === "string" ? { code: value, name: null } : (value || { code: null, name: null }); }
  function nameOf(value) {
    const a = actor(value);
    const known = state.pickers && a.code ? state.pickers.x.item(a.code) : null;
    return a.name || (known && known.name) || a.code || "?";
  }

  // ------------------------------------------------------------ controls and the address bar
  function controls() {
    const on = $("#defend-date").value;
    return { x: state.pickers.x.code(), by: state.pickers.by.code(), where: $("#defend-where").value.trim(), on: DAY.test(on) ? on : toDay(Date.now()),
      baseline: $("#defend-baseline").checked, world: $("#map-world").checked, depth: $("#graph-depth2").checked ? 2 : 1, all: $("#graph-all").checked };
  }

  function address(c) {
    const params = new URLSearchParams();
    if (c.x) params.set("x", c.x);
    if (c.by) params.set("by", c.by);
    if (c.where) params.set("where", c.where);
    params.set("on", c.on);
    if (!c.baseline) params.set("baseline", "false");
    if (state.expand.length) params.set("expand", state.expand.join(","));
    if (c.depth === 2) params.set("depth", "2");
    if (c.all) params.set("all", "true");
    if (c.world) params.set("world", "true");
    return "#/defend?" + params;
  }

  // a choice the user made: new address (so Back works), which routes to show()
  function navigate() {
    const target = address(controls());
    if (window.location.hash === target) load(); else window.location.hash = target;
  }

  // the slider and the date field replay the same question day by day: no new history entry
  let timer = null;
  function replay() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      history.replaceState(null, "", address(controls()));
      load().catch((err) => status(err.message, true));
    }, 60);
  }

  function setupSlider(on) {
    const slider = $("#defend-slider");
    const last = Math.max(Date.now(), fromDay(on));
    slider.max = String(Math.round((last - fromDay(FIRST_DAY)) / DAY_MS));
    slider.value = String(Math.round((fromDay(on) - fromDay(FIRST_DAY)) / DAY_MS));
  }

  async function ensureActors() {
    if (state.actors) return;
    state.actors = (await api("actors", { kind: "country" })).items;
    state.pickers = {
      x: window.pactwatch.picker($("#defend-x"), state.actors, () => { state.expand = []; navigate(); }),
      by: window.pactwatch.picker($("#defend-by"), state.actors, () => navigate()),
    };
  }

  async function show(params) {
    await ensureActors();
    const on = params.get("on");
    $("#defend-date").value = on && DAY.test(on) ? on : ($("#defend-date").value || toDay(Date.now()));
    state.pickers.x.set((params.get("x") || params.get("focus") || "").toUpperCase());
    state.pickers.by.set((params.get("by") || "").toUpperCase());
    $("#defend-where").value = params.get("where") || "";
    $("#defend-baseline").checked = params.get("baseline") !== "false";
    $("#graph-depth2").checked = params.get("depth") === "2";
    $("#graph-all").checked = params.get("all") === "true";
    $("#map-world").checked = params.get("world") === "true";
    state.expand = (params.get("expand") || "").split(",").filter((c) => /^[A-Za-z0-9]{2,15}$/.test(c));
    await load();
  }

  // ------------------------------------------------------------ one answer
  async function load() {
    const c = controls();
    const ticket = ++state.ticket;
    const holder = $("#defend");
    setupSlider(c.on);
    if (!c.x) {
      holder.setAttribute("data-state", "empty");
      holder.removeAttribute("data-focus");
      return;
    }
    holder.setAttribute("data-state", "loading");
    const common = { on: c.on, baseline: c.baseline ? "true" : "false" };
    const [answer, graph, around] = await Promise.all([
      api("obligations", { attacked: c.x, by: c.by, where: c.where, ...common }),
      api("graph", { focus: c.x, depth: c.depth, expand: state.expand.join(","), binding: c.all ? "false" : "true", ...common }),
      api("graph", { focus: c.x, binding: "false", ...common }),
    ]);
    if (ticket !== state.ticket) return; // a newer question was asked meanwhile
    state.on = answer.on;
    renderAnswer(answer, around, c);
    await window.pactwatch.worldMap.draw($("#defend-map"), mapEntries(answer),
      `Who is bound to defend ${nameOf(answer.attacked)} on ${c.on}`, (code) => {
        if (state.pickers.x.item(code)) { state.pickers.x.set(code); state.expand = []; navigate(); }
      }, c.world);
    renderGraph(graph);
    holder.setAttribute("data-focus", c.x);
    holder.setAttribute("data-on", answer.on);
    holder.setAttribute("data-state", "ready");
  }

  // ------------------------------------------------------------ the answer, in words
  function rowsOf(list) { return Array.isArray(list) ? list : (list ? [list] : []); }

  function renderAnswer(body, around, c) {
    const name = nameOf(body.attacked);
    const defenders = rowsOf(body.defenders);
    const states = new Set(defenders.map((r) => actor(r.ally).code));
    const on = longDay(body.on);
    const place = body.where && actor(body.where).code !== actor(body.attacked).code ? ` at ${nameOf(body.where)}` : "";
    const by = (body.by ? ` by ${nameOf(body.by)}` : "") + place;
    $("#defend-title").textContent = states.size
      ? `${states.size} state${states.size === 1 ? " is" : "s are"} bound to defend ${name} if it is attacked${by} on ${on}`
      : `Nobody is bound to defend ${name} if it is attacked${by} on ${on}`;
    $("#defend-summary").textContent = body.summary || "";
    const answer = $("#defend-answer");
    clear(answer);
    append(answer, [
      section("defender", `Bound to defend ${name} — in force`, groups(defenders, "defender"),
        `No obligation in force on ${on} binds any state to defend ${name}.`),
      section("conflicted", "Bound to both sides", conflictedGroups(rowsOf(body.conflicted)),
        body.by ? `No state is bound to both ${name} and ${nameOf(body.by)}.` : null),
      section("consultation", "Bound only to consult", groups(rowsOf(body.consultation), "consultation")),
      section("neutral", "Bound only to stay neutral", groups(rowsOf(body.neutral), "neutral")),
      section("out_of_scope", "Bound, but not for this place", groups(rowsOf(body.out_of_scope).map((o) => ({ ...o.row, reason: o.reason })),
        "out_of_scope")),
      section("signed", `Signed, not in force on ${on}: not binding yet`, groups(rowsOf(body.signed_not_in_force), "signed")),
      section("attacker-party", "The attacker is itself a party", rowsOf(body.attacker_is_party).map((p) =>
        el("li", { class: "note", text: `${(p.commitment && (p.commitment.name || p.commitment.key)) || ""}: ${p.note}` }))),
      section("not-binding", `Agreements with ${name} that oblige no one to defend it`, notBinding(around, c.x)),
    ]);
  }

  function section(category, title, items, emptyText) {
    const list = items.flat().filter(Boolean);
    if (!list.length && !emptyText) return null;
    return el("section", { class: "answer " + category, "data-category": category, "data-count": list.length },
      el("h3", { text: title + (list.length && countStates(list) ? ` (${countStates(list)})` : "") }),
      list.length ? el("ul", { class: "obligations" }, list) : el("p", { class: "none", text: emptyText }));
  }

  function countStates(items) {
    const codes = new Set();
    for (const item of items) for (const chip of item.querySelectorAll("[data-state-code]")) codes.add(chip.dataset.stateCode);
    if (!codes.size) return "";
    return codes.size === 1 ? "1 state" : `${codes.size} states`;
  }

  // One card per treaty: the states it binds, then what binds them, and where it says so.
  function groups(rows, category) {
    const byKey = new Map();
    for (const row of rows) {
      const key = (commitmentOf(row).key || commitmentOf(row).name) + "\u0000" + (row.reason || "");
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key).push(row);
    }
    return [...byKey.values()].map((group) => obligation(group, category, group[0].reason));
  }

  function commitmentOf(row) {
    return typeof row.commitment === "string" ? { name: row.commitment, key: row.commitment_key } : (row.commitment || {});
  }

  function obligation(rows, category, reason) {
    const first = rows[0];
    const c = commitmentOf(first);
    const direction = first.direction === "one_way"
      ? `one-way: ${nameOf(first.owed_by)} guarantees ${nameOf(first.owed_to)}, not the other way round`
      : (first.direction === "mutual" ? "mutual: each party to the others" : null);
    const article = first.article || {};
    const cited = article.cited ? (article.reference ? safeExternal(article.reference, article.cited) : article.cited)
      : (article.reference ? safeExternal(article.reference, "treaty text") : null);
    const states = [...new Map(rows.map((r) => [actor(r.ally).code, r])).values()];
    return el("li", { class: "obligation " + category, "data-key": c.key, "data-category": category },
      el("div", { class: "obligation-head" },
        el("strong", { class: "treaty", text: c.name || c.key || "(unnamed commitment)" }), " ",
        c.kind ? el("span", { class: "kind", "data-kind": c.kind, text: words(c.kind) }) : null, " ",
        first.status ? el("span", { class: "status " + first.status, text: first.status === "signed" ? "signed, not in force" : words(first.status) }) : null),
      el("div", { class: "states" }, states.map((r) => el("span", { class: "state-chip", "data-state-code": actor(r.ally).code,
        title: r.since ? `bound since ${r.since}` : (r.status === "signed" ? "signed, not yet in force" : "") }, nameOf(r.ally)))),
      el("dl", { class: "terms" },
        direction ? [el("dt", { text: "Who owes whom" }), el("dd", { class: "direction", "data-direction": first.direction, text: direction })] : null,
        cited ? [el("dt", { text: "Article" }), el("dd", {}, cited)] : null,
        first.condition && first.condition.text ? [el("dt", { text: "Condition" }), el("dd", { text: first.condition.text })] : null,
        scope(first.scope) ? [el("dt", { text: "Scope" }), el("dd", { text: scope(first.scope) })] : null,
        reason ? [el("dt", { text: "Left out" }), el("dd", { class: "reason", text: reason })] : null),
      evidence(rows, c.name, rows[0].on || state.on));
  }

  // "North Atlantic area — …" once, not twice when the text only repeats the regions' names
  function scope(value) {
    if (!value) return "";
    const regions = (value.regions || []).map((r) => r.name || r.code).join(", ");
    return [...new Set([regions, value.text].filter(Boolean))].join(" — ");
  }

  // Every distinct source of the treaty's rows: article sentences (linked to the reader) and the
  // table rows with their references. A many-party treaty's membership steps (one per state) are
  // told in one line: each state's own date is on its chip.
  function evidence(rows, treaty, on) {
    const seen = new Map();
    for (const row of rows) {
      for (const e of rowsOf(row.evidence)) {
        const key = [e.source, e.article_id, e.start, e.sentence, e.text, e.reference, e.atop_id, e.step, e.date].join("|");
        if (!seen.has(key)) seen.set(key, e);
      }
    }
    const steps = new Map();
    const items = [];
    for (const e of seen.values()) {
      if (e.article_id || e.source === "article") { items.push(e); continue; }
      const key = [e.source, e.step, e.reference].join("|");
      if (!steps.has(key)) { steps.set(key, []); items.push(steps.get(key)); }
      steps.get(key).push(e);
    }
    const shown = items.flatMap((item) => (Array.isArray(item) && item.length <= 2 ? item : [item]));
    if (!shown.length) return null;
    // open when short, or when a news article says it: that is the evidence a reader came for
    const open = shown.length <= 2 || shown.some((e) => !Array.isArray(e) && e.article_id);
    return el("details", { class: "evidence-list", open: open ? "" : null },
      el("summary", { text: `Evidence (${shown.length})` }),
      el("ul", { class: "facts" }, shown.map((e) => (Array.isArray(e) ? stepsLine(e) : sourceLine(e, treaty, on)))));
  }

  function reference(value) {
    if (!value) return null;
    return /^https?:/.test(value) ? el("div", {}, "reference: ", safeExternal(value)) : el("div", { class: "meta", text: value });
  }

  function sourceLine(e, treaty, on) {
    // a table row's text names the treaty again ("North Atlantic Treaty: signed 1949-04-04"); the
    // card already does, and the step and date are on the line above
    const text = e.text && !(treaty && e.text.startsWith(treaty + ":")) ? e.text : null;
    return el("li", { "data-source": e.source },
      el("div", { class: "meta", text: [e.source === "article" ? "news article" : e.source + " table", words(e.step), e.date,
        e.date && on && e.date > on ? `later than ${longDay(on)}` : null].filter(Boolean).join(" · ") }),
      e.sentence ? el("blockquote", { class: "evidence", text: e.sentence }) : null,
      e.article_id ? articleLink(e.article_id, "read it in the article") : null,
      !e.sentence && text ? el("div", { class: "source-text", text: text }) : null,
      reference(e.reference));
  }

  function stepsLine(list) {
    const dates = list.map((e) => e.date).filter(Boolean).sort();
    const first = list[0];
    return el("li", { "data-source": first.source },
      el("div", { class: "meta", text: `${first.source} table · ${list.length} ${words(first.step)} steps` }),
      el("div", { class: "source-text", text: `${list.length} states ${words(first.step)}`
        + (dates.length ? `, from ${dates[0]} to ${dates[dates.length - 1]}` : "") + " (point at a state's name for its own date)" }),
      reference(first.reference));
  }

  // States bound to both sides, one card per pair of treaty lists (all of NATO in one card).
  function conflictedGroups(items) {
    const titles = (rows) => [...new Set(rowsOf(rows).map((r) => {
      const c = commitmentOf(r);
      return (c.name || c.key || "?") + (r.article && r.article.cited ? " " + r.article.cited : "");
    }))].join("; ");
    const groups = new Map();
    for (const item of items) {
      const key = titles(item.defends_attacked) + "\u0000" + titles(item.defends_attacker);
      if (!groups.has(key)) groups.set(key, { attacked: titles(item.defends_attacked), attacker: titles(item.defends_attacker), states: [] });
      groups.get(key).states.push(item.state);
    }
    return [...groups.values()].map((g) => el("li", { class: "obligation conflicted", "data-category": "conflicted" },
      el("div", { class: "states" }, g.states.map((s) => el("span", { class: "state-chip", "data-state-code": actor(s).code }, nameOf(s)))),
      el("dl", { class: "terms" },
        el("dt", { text: "To the attacked" }), el("dd", { text: g.attacked }),
        el("dt", { text: "To the attacker" }), el("dd", { text: g.attacker })),
      el("p", { class: "meta", text: "Bound to both, so not counted as defenders." })));
  }

  // The focus's agreements that bind nobody to act (the Taiwan Relations Act, cooperation pacts):
  // named so that their absence from the defenders is not mistaken for a gap in the data.
  function notBinding(graph, focus) {
    const binding = new Set(["mutual_defense", "nonaggression", "neutrality", "consultation"]);
    const byTreaty = new Map();
    for (const e of graph.edges) {
      if (![e.source, e.target].includes(focus) || e.defence || e.kinds.some((k) => binding.has(k))) continue;
      const names = [...new Set(e.commitments.map((r) => (graph.commitments[r.key] || {}).name || r.key))].join("; ");
      const key = names + "\u0000" + e.kinds.join(",");
      if (!byTreaty.has(key)) byTreaty.set(key, { names, kinds: e.kinds, states: [] });
      byTreaty.get(key).states.push(e.source === focus ? e.target : e.source);
    }
    return [...byTreaty.values()].map((t) => el("li", { class: "obligation not-binding", "data-category": "not-binding" },
      el("div", { class: "obligation-head" }, el("strong", { class: "treaty", text: t.names }), " ",
        t.kinds.map((k) => el("span", { class: "kind", "data-kind": k, text: words(k) }))),
      el("div", { class: "states" }, t.states.map((code) => el("span", { class: "state-chip", "data-state-code": code }, nameOf(code)))),
      el("p", { class: "meta", text: "No obligation to defend." })));
  }

  // ------------------------------------------------------------ the map and the graph
  function mapEntries(body) {
    const entries = [{ code: actor(body.attacked).code, category: "focus", text: "the state asked about" }];
    if (body.by) entries.push({ code: actor(body.by).code, category: "attacker", text: "the attacker" });
    const treaty = (r) => (r.commitment && (r.commitment.name || r.commitment.key)) || "";
    const add = (rows, category, prefix) => {
      for (const r of rowsOf(rows)) {
        const cited = r.article && r.article.cited ? " " + r.article.cited : "";
        entries.push({ code: actor(r.ally).code, category, text: `${prefix} (${treaty(r)}${cited})` });
      }
    };
    for (const item of rowsOf(body.conflicted)) entries.push({ code: actor(item.state).code, category: "conflicted", text: "bound to both sides" });
    add(body.defenders, "defender", "bound to defend");
    add(body.signed_not_in_force, "signed", "signed, not in force");
    add(body.consultation, "consultation", "bound to consult");
    add(body.neutral, "neutral", "bound to stay neutral");
    add(rowsOf(body.out_of_scope).map((o) => o.row), "out_of_scope", "bound, not for this place");
    return entries;
  }

  function mapLegend() {
    const node = $("#map-legend");
    clear(node);
    for (const c of window.pactwatch.worldMap.CATEGORIES) {
      node.append(el("span", { class: "legend-item", "data-category": c.key }, el("span", { class: "map-key " + c.key }), c.label));
    }
  }

  function renderGraph(data) {
    state.graph = data;
    const holder = $("#graph");
    const kinds = window.pactwatch.graph.draw(holder, data, {
      onEdge: (edge) => window.pactwatch.graph.details($("#edge-sources"), edge, data),
      onExpand: (code) => {
        state.expand = state.expand.includes(code) ? state.expand.filter((c) => c !== code) : state.expand.concat([code]);
        replay();
      },
    });
    window.pactwatch.graph.legend($("#graph-legend"), kinds);
    holder.setAttribute("data-on", data.on);
    holder.setAttribute("data-state", "ready");
    $("#graph-focus-name").textContent = nameOf(data.focus);
    const orgs = (data.organisations || []).map((o) => `${o.code} ${o.expanded ? "shown with" : "has"} ${o.members} members`);
    const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
    $("#graph-summary").textContent = `${count(data.nodes.length, "node", "states and organisations")}, ${count(data.edges.length, "line", "lines")}`
      + (orgs.length ? ` · ${orgs.join(" · ")}${data.organisations.some((o) => !o.expanded) ? " (click an organisation to show them)" : ""}` : "");
    const panel = $("#edge-sources");
    clear(panel);
    panel.append(el("p", { class: "hint", text: "Click a line to see the treaties and the evidence behind it." }));
  }

  function start() {
    $("#defend-form").addEventListener("submit", (ev) => { ev.preventDefault(); navigate(); });
    $("#defend-where").addEventListener("change", navigate);
    $("#defend-date").addEventListener("change", replay);
    $("#defend-slider").addEventListener("input", () => {
      $("#defend-date").value = toDay(fromDay(FIRST_DAY) + Number($("#defend-slider").value) * DAY_MS);
      replay();
    });
    for (const id of ["#defend-baseline", "#graph-depth2", "#graph-all", "#map-world"]) $(id).addEventListener("change", replay);
    mapLegend();
  }

  window.pactwatch.defend = { show, start };
})();
