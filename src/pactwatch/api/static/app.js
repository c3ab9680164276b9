// pactwatch page: reads only the public JSON API under /api/.
// Article text and every field from the database are untrusted: the DOM is built with
// createElement/textContent/setAttribute only, never innerHTML, and links are made only
// from ids and codes, or from http(s) URLs checked with the URL parser.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const PAGE_SIZE = 20;
  const KIND_COLOURS = {
    mutual_defense: "#c62828",
    nonaggression: "#6a1b9a",
    neutrality: "#795548",
    consultation: "#1565c0",
    strategic_partnership: "#ef6c00",
    military_cooperation: "#2e7d32",
    economic: "#00838f",
    other: "#757575",
  };
  const CODE = /^[A-Za-z0-9]{2,15}$/;
  const DAY_MS = 86400000;

  // ---------------------------------------------------------------- helpers
  function $(sel) { return document.querySelector(sel); }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = String(value);
      else if (key === "class") node.setAttribute("class", value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, String(value));
    }
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function status(message, isError) {
    const node = $("#status");
    node.textContent = message || "";
    node.className = isError ? "error" : "";
  }

  async function api(path, params) {
    const url = new URL("/api/" + path, window.location.origin);
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
    }
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const message = body && body.error ? body.error.message : "HTTP " + response.status;
      throw new Error(message);
    }
    return body;
  }

  function articleLink(id, text) {
    return el("a", { href: "#/article/" + Number(id), "data-article-link": Number(id), text: text || "(no title)" });
  }

  function safeExternal(url, text) {
    // Only plain web links become links; anything else (javascript:, data:, …) stays text.
    try {
      const parsed = new URL(url);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") {
        return el("a", { href: parsed.href, rel: "noopener noreferrer nofollow", target: "_blank", text: text || parsed.href });
      }
    } catch (e) { /* not a URL */ }
    return el("span", { class: "unsafe-url", text: url });
  }

  function fmtGoldstein(value) {
    const n = Number(value);
    return (n > 0 ? "+" : "") + n.toFixed(1);
  }

  function day(value) { return value ? String(value).slice(0, 10) : ""; }

  function hashParams(hash) {
    const q = hash.indexOf("?");
    return new URLSearchParams(q >= 0 ? hash.slice(q + 1) : "");
  }

  function showView(name) {
    for (const view of document.querySelectorAll(".view")) view.hidden = view.id !== "view-" + name;
    for (const link of document.querySelectorAll("nav a[data-view]")) {
      link.classList.toggle("active", link.dataset.view === name);
    }
  }

  // ---------------------------------------------------------------- routing
  async function route() {
    const hash = window.location.hash || "#/";
    const path = hash.split("?")[0];
    const params = hashParams(hash);
    status("");
    try {
      let match;
      if ((match = path.match(/^#\/article\/(\d+)$/))) {
        showView("article");
        await showArticle(Number(match[1]));
      } else if (path === "#/graph") {
        showView("graph");
        await showGraph(params.get("on"));
      } else if (path === "#/timeline") {
        showView("timeline");
        await showTimeline(params.get("a"), params.get("b"));
      } else {
        showView("search");
        await showSearch(params);
      }
    } catch (err) {
      status(err.message, true);
    }
  }

  // ---------------------------------------------------------------- search
  async function showSearch(params) {
    const q = params.get("q") || "";
    const offset = Math.max(0, Number(params.get("offset")) || 0);
    $("#search").value = q;
    $("#since").value = params.get("since") || "";
    $("#until").value = params.get("until") || "";
    const results = $("#results");
    results.setAttribute("data-state", "loading");
    const data = await api("articles", {
      q: q, since: params.get("since"), until: params.get("until"), limit: PAGE_SIZE, offset: offset,
    });
    clear(results);
    for (const item of data.items) {
      const meta = [day(item.published), item.publisher, item.language].filter(Boolean).join(" · ");
      results.append(el("li", { "data-article-id": item.id },
        articleLink(item.id, item.title),
        el("div", { class: "meta", text: meta }),
        item.snippet ? el("div", { class: "snippet", text: item.snippet }) : null));
    }
    const total = data.total === undefined ? null : data.total;
    $("#result-count").textContent = total === null ? data.items.length + " articles"
      : total + (q ? " articles match" : " articles") + (total > PAGE_SIZE ? ` (showing ${offset + 1}–${offset + data.items.length})` : "");
    const base = new URLSearchParams(params);
    $("#prev").disabled = offset === 0;
    $("#next").disabled = total === null ? data.items.length < PAGE_SIZE : offset + PAGE_SIZE >= total;
    $("#prev").onclick = () => { base.set("offset", Math.max(0, offset - PAGE_SIZE)); window.location.hash = "#/?" + base; };
    $("#next").onclick = () => { base.set("offset", offset + PAGE_SIZE); window.location.hash = "#/?" + base; };
    results.setAttribute("data-state", "ready");
  }

  function submitSearch(event) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, id] of [["q", "#search"], ["since", "#since"], ["until", "#until"]]) {
      const value = $(id).value.trim();
      if (value) params.set(key, value);
    }
    const target = "#/?" + params;
    if (window.location.hash === target) route(); else window.location.hash = target;
  }

  // ---------------------------------------------------------------- article
  async function showArticle(id) {
    const container = $("#article");
    container.setAttribute("data-state", "loading");
    const a = await api("articles/" + id);
    container.setAttribute("data-article-id", a.id);
    $("#article-title").textContent = a.title || "(no title)";
    const meta = $("#article-meta");
    clear(meta);
    append(meta, [[a.publisher, day(a.published), a.section, a.language].filter(Boolean).join(" · ")]);
    if (a.url) append(meta, [" · ", safeExternal(a.url, "source")]);
    renderBody($("#article-body"), a);
    const related = $("#article-related");
    clear(related);
    if (a.related_headlines && a.related_headlines.length) {
      related.append(el("h3", { text: "Related headlines (not part of the article)" }),
        el("ul", {}, a.related_headlines.map((h) => el("li", { text: h }))));
    }
    renderCommitments(a);
    renderQuotes(a);
    renderEvents(a);
    container.setAttribute("data-state", "ready");
  }

  // Spans in four nested layers: commitment sentences, event sentences, quotes, actors.
  // Spans of one layer that overlap are dropped (the first wins); inner layers are clipped
  // to their parent, so the markup always nests and every character appears exactly once.
  function renderBody(node, a) {
    clear(node);
    const body = a.body || "";
    const eventGroups = new Map();
    for (const e of a.events) {
      const key = e.start_char + ":" + e.end_char;
      if (!eventGroups.has(key)) eventGroups.set(key, { start: e.start_char, end: e.end_char, events: [] });
      eventGroups.get(key).events.push(e);
    }
    const layers = [
      a.commitment_reports.map((c) => ({ start: c.start_char, end: c.end_char, make: () => el("span", {
        class: "commitment", "data-commitment-id": c.id,
        title: "Commitment: " + c.parties.join("–") + " " + c.kinds.join(", ") + " (" + c.lifecycle_event + ")",
      }) })),
      [...eventGroups.values()].map((g) => ({ start: g.start, end: g.end, make: () => el("span", {
        class: "event", "data-event-ids": g.events.map((e) => e.id).join(" "),
        "data-event-codes": g.events.map((e) => e.cameo_code).join(" "),
        title: g.events.map((e) => `${e.cameo_code} ${e.name || ""} (Goldstein ${fmtGoldstein(e.goldstein)}) ${e.source} → ${e.target}`).join("\n"),
      }) })),
      a.quotes.map((q) => ({ start: q.start_char, end: q.end_char, make: () => el("span", {
        class: "quote", "data-quote-id": q.id, "data-quote-speaker": q.speaker || "unknown speaker",
        title: "Quote — " + (q.speaker || "unknown speaker") + (q.speaker_actor ? " (" + q.speaker_actor + ")" : ""),
      }) })),
      a.mentions.map((m) => ({ start: m.start_char, end: m.end_char, make: () => el("span", {
        class: "actor" + (m.kind === "person" ? " person" : ""), "data-actor": m.actor_code,
        title: (m.name || m.actor_name || m.text) + " — " + m.actor_code,
      }) })),
    ];
    nest(node, body, 0, body.length, layers, 0);
  }

  function nest(parent, text, start, end, layers, depth) {
    if (start >= end) return;
    if (depth === layers.length) { parent.append(document.createTextNode(text.slice(start, end))); return; }
    const spans = layers[depth]
      .filter((s) => s.start < end && s.end > start && s.end > s.start)
      .sort((x, y) => x.start - y.start || y.end - x.end);
    let pos = start;
    for (const s of spans) {
      const from = Math.max(s.start, start);
      const to = Math.min(s.end, end);
      if (from < pos) continue;
      nest(parent, text, pos, from, layers, depth + 1);
      const node = s.make();
      nest(node, text, from, to, layers, depth + 1);
      parent.append(node);
      pos = to;
    }
    nest(parent, text, pos, end, layers, depth + 1);
  }

  function flash(selector) {
    const node = document.querySelector(selector);
    if (!node) return;
    node.scrollIntoView({ block: "center" });
    node.classList.add("flash");
    setTimeout(() => node.classList.remove("flash"), 1500);
  }

  function renderCommitments(a) {
    const list = $("#article-commitments");
    clear(list);
    if (!a.commitment_reports.length) list.append(el("li", { class: "none", text: "none found" }));
    for (const c of a.commitment_reports) {
      const names = c.parties.map((p) => (c.party_names && c.party_names[p]) || p);
      list.append(el("li", { "data-commitment-id": c.id, "data-parties": c.parties.join("-") },
        el("strong", { text: names.join(" – ") }), " ",
        c.kinds.map((k) => el("span", { class: "kind", "data-kind": k, text: k.replace(/_/g, " ") })),
        el("div", { class: "meta", text: [c.lifecycle_event.replace(/_/g, " "), c.date, c.name].filter(Boolean).join(" · ") }),
        c.conditions ? el("div", { class: "conditions", text: "Conditions: " + c.conditions }) : null,
        el("blockquote", { class: "evidence", text: a.body.slice(c.start_char, c.end_char) }),
        el("button", { type: "button", class: "link", text: "show in text",
          onclick: () => flash(`#article-body [data-commitment-id="${Number(c.id)}"]`) })));
    }
  }

  function renderQuotes(a) {
    const list = $("#article-quotes");
    clear(list);
    if (!a.quotes.length) list.append(el("li", { class: "none", text: "none found" }));
    for (const q of a.quotes) {
      list.append(el("li", { "data-quote-id": q.id },
        el("strong", { class: "speaker", text: q.speaker || "unknown speaker" }),
        q.speaker_actor ? el("span", { class: "code", text: " (" + q.speaker_actor + ")" }) : null,
        q.mentions > 1 ? el("span", { class: "meta", text: " ×" + q.mentions }) : null,
        el("blockquote", { text: q.text }),
        el("button", { type: "button", class: "link", text: "show in text",
          onclick: () => flash(`#article-body [data-quote-id="${Number(q.id)}"]`) })));
    }
  }

  function renderEvents(a) {
    const tbody = $("#article-events tbody");
    clear(tbody);
    for (const e of a.events) {
      tbody.append(el("tr", { "data-event-id": e.id, class: "quad-" + Number(e.quad_class),
        onclick: () => flash(`#article-body [data-event-ids~="${Number(e.id)}"]`) },
        el("td", { class: "code", text: e.cameo_code }),
        el("td", { text: e.name || "" }),
        el("td", { class: "num", text: fmtGoldstein(e.goldstein) }),
        el("td", { text: e.source + " → " + e.target }),
        el("td", { text: e.date || "" })));
    }
    if (!a.events.length) tbody.append(el("tr", {}, el("td", { colspan: 5, class: "none", text: "none found" })));
  }

  // ---------------------------------------------------------------- pact graph
  const graphState = { first: null, last: null, layout: null, request: 0 };

  function toDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function fromDay(value) { return Date.parse(value + "T00:00:00Z"); }

  async function showGraph(on) {
    const today = toDay(Date.now());
    const date = on && /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : ($("#graph-date").value || today);
    await loadGraph(date);
  }

  async function loadGraph(date) {
    const ticket = ++graphState.request;
    const holder = $("#graph");
    holder.setAttribute("data-state", "loading");
    const data = await api("graph", { on: date, baseline: $("#graph-baseline").checked ? "true" : "false" });
    if (ticket !== graphState.request) return; // a newer date was asked for meanwhile
    setupSlider(data, date);
    drawGraph(holder, data);
    holder.setAttribute("data-on", data.on);
    holder.setAttribute("data-state", "ready");
    $("#graph-summary").textContent = `${data.on}: ${data.nodes.length} states, ${data.edges.length} linked pairs`;
  }

  function setupSlider(data, date) {
    const slider = $("#graph-slider");
    const first = data.dates.first ? fromDay(data.dates.first) - 31 * DAY_MS : fromDay(date) - 365 * DAY_MS;
    const last = Math.max(Date.now(), data.dates.last ? fromDay(data.dates.last) : 0, fromDay(date));
    graphState.first = Math.min(first, fromDay(date));
    slider.min = "0";
    slider.max = String(Math.round((last - graphState.first) / DAY_MS));
    slider.value = String(Math.round((fromDay(date) - graphState.first) / DAY_MS));
    $("#graph-date").value = date;
  }

  function layout(nodes, size) {
    // Circle, in code order: positions stay put while the date moves.
    const positions = new Map();
    const r = size / 2 - 30;
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(nodes.length, 1) - Math.PI / 2;
      positions.set(n.code, { x: size / 2 + r * Math.cos(angle), y: size / 2 + r * Math.sin(angle) });
    });
    return positions;
  }

  function drawGraph(holder, data) {
    clear(holder);
    const size = data.all_nodes.length > 40 ? 900 : 640;
    const pos = layout(data.all_nodes, size);
    const radius = data.all_nodes.length > 40 ? 12 : 16;
    const root = svg("svg", { viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: "img",
      "aria-label": "Commitments between states on " + data.on });
    const active = new Set(data.nodes.map((n) => n.code));
    const edgeLayer = svg("g", { class: "edges" });
    for (const edge of data.edges) {
      const a = pos.get(edge.source);
      const b = pos.get(edge.target);
      if (!a || !b) continue;
      const group = svg("g", { class: "edge " + edge.status, "data-edge": edge.source + "-" + edge.target,
        "data-kind": edge.kind, "data-status": edge.status,
        tabindex: 0, onclick: () => showEdge(edge, data), onkeydown: (ev) => { if (ev.key === "Enter") showEdge(edge, data); } });
      const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
      const nx = -dy / len, ny = dx / len;
      edge.kinds.forEach((kind, i) => {
        const off = (i - (edge.kinds.length - 1) / 2) * 5;
        group.append(svg("line", { x1: a.x + nx * off, y1: a.y + ny * off, x2: b.x + nx * off, y2: b.y + ny * off,
          stroke: KIND_COLOURS[kind] || KIND_COLOURS.other, "stroke-width": 2.5, "data-kind": kind,
          "stroke-dasharray": edge.status === "signed" ? "6 4" : null }));
      });
      group.append(svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "hit", stroke: "transparent", "stroke-width": 14 }));
      group.append(svg("title", { text: `${edge.source}–${edge.target}: ${edge.kinds.join(", ")} (${edge.status.replace("_", " ")})` }));
      edgeLayer.append(group);
    }
    root.append(edgeLayer);
    const nodeLayer = svg("g", { class: "nodes" });
    for (const n of data.all_nodes) {
      const p = pos.get(n.code);
      nodeLayer.append(svg("g", { class: "node" + (active.has(n.code) ? "" : " inactive"), "data-node": n.code },
        svg("circle", { cx: p.x, cy: p.y, r: radius }),
        svg("text", { x: p.x, y: p.y + 3, "text-anchor": "middle", text: n.code }),
        svg("title", { text: n.name ? `${n.name} (${n.code})` : n.code })));
    }
    root.append(nodeLayer);
    holder.append(root);
    const legend = $("#graph-legend");
    clear(legend);
    for (const [kind, colour] of Object.entries(KIND_COLOURS)) {
      const swatch = el("span", { class: "swatch" });
      swatch.style.backgroundColor = colour;
      legend.append(el("span", { class: "legend-item", "data-kind": kind }, swatch, kind.replace(/_/g, " ")));
    }
  }

  function showEdge(edge, data) {
    const panel = $("#edge-sources");
    clear(panel);
    panel.setAttribute("data-edge", edge.source + "-" + edge.target);
    panel.append(el("h3", { text: `${edge.source} – ${edge.target} on ${data.on}` }),
      el("a", { href: `#/timeline?a=${encodeURIComponent(edge.source)}&b=${encodeURIComponent(edge.target)}`,
        id: "edge-timeline", text: "Timeline of this pair" }));
    for (const ref of edge.commitments) {
      const c = data.commitments[ref.key];
      if (!c) continue;
      const pair = [edge.source, edge.target];
      const list = el("ul", { class: "facts" });
      // membership steps of other members are not evidence for this pair
      for (const s of c.sources.filter((x) => !x.party || pair.includes(x.party))) {
        list.append(el("li", { "data-source": s.source || c.origin },
          el("div", { class: "meta", text: [s.date, (s.lifecycle_event || "").replace(/_/g, " "), s.party, s.publisher]
            .filter(Boolean).join(" · ") }),
          s.article_id ? articleLink(s.article_id, s.article_title)
            : el("span", {}, "baseline table: ", s.reference ? safeExternal(s.reference) : c.origin),
          s.sentence ? el("blockquote", { class: "evidence", text: s.sentence }) : null));
      }
      panel.append(el("section", { class: "commitment-sources", "data-kind": c.kinds[0] || "other", "data-key": c.key },
        el("h4", { text: (c.name || c.key) }),
        el("div", { class: "meta", text: `${c.kinds.join(", ").replace(/_/g, " ")} — ${ref.status.replace("_", " ")}`
          + (c.organisation ? " (via " + c.organisation + ")" : "") }), list));
    }
  }

  function onSlider() {
    const date = toDay(graphState.first + Number($("#graph-slider").value) * DAY_MS);
    $("#graph-date").value = date;
    scheduleGraph(date);
  }

  let graphTimer = null;
  function scheduleGraph(date) {
    clearTimeout(graphTimer);
    graphTimer = setTimeout(() => {
      history.replaceState(null, "", "#/graph?on=" + date);
      loadGraph(date).catch((err) => status(err.message, true));
    }, 60);
  }

  function onGraphDate() {
    const date = $("#graph-date").value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) scheduleGraph(date);
  }

  // ---------------------------------------------------------------- dyad timeline
  async function showTimeline(a, b) {
    const holder = $("#timeline");
    if (!a || !b || !CODE.test(a) || !CODE.test(b)) {
      holder.setAttribute("data-state", "empty");
      return;
    }
    $("#timeline-a").value = a;
    $("#timeline-b").value = b;
    holder.setAttribute("data-state", "loading");
    const data = await api("timeline", { a: a, b: b });
    $("#timeline-title").textContent = `${data.a.name || data.a.code} – ${data.b.name || data.b.code}: ${data.event_count} events`;
    holder.setAttribute("data-dyad", data.a.code + "-" + data.b.code);
    drawTimeline($("#timeline-chart"), data.months);
    const commitments = $("#timeline-commitments");
    clear(commitments);
    for (const s of data.commitment_history) {
      commitments.append(el("li", { "data-source": s.source },
        el("div", { class: "meta", text: [s.date, (s.lifecycle_event || "").replace(/_/g, " "), s.party,
          s.kinds.join(", ").replace(/_/g, " ")].filter(Boolean).join(" · ") }),
        el("strong", { text: s.commitment + " " }),
        s.article_id ? articleLink(s.article_id, s.article_title) : (s.reference ? safeExternal(s.reference, "reference") : null),
        s.sentence ? el("blockquote", { class: "evidence", text: s.sentence }) : null));
    }
    if (!data.commitment_history.length) commitments.append(el("li", { class: "none", text: "none reported" }));
    const tbody = $("#timeline-events tbody");
    clear(tbody);
    for (const e of data.events) {
      tbody.append(el("tr", { "data-event-id": e.id, class: "quad-" + Number(e.quad_class) },
        el("td", { text: e.date || "" }),
        el("td", { text: e.source + " → " + e.target }),
        el("td", { class: "code", text: e.cameo_code }),
        el("td", { text: e.name || "" }),
        el("td", { class: "num", text: fmtGoldstein(e.goldstein) }),
        el("td", {}, el("span", { class: "evidence", text: e.sentence + " " }), articleLink(e.article_id, "article"))));
    }
    holder.setAttribute("data-state", "ready");
  }

  function monthRange(first, last) {
    const out = [];
    let [y, m] = first.split("-").map(Number);
    const [ly, lm] = last.split("-").map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      out.push(`${y}-${String(m).padStart(2, "0")}`);
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  function drawTimeline(holder, months) {
    clear(holder);
    if (!months.length) { holder.append(el("p", { class: "none", text: "No events between these actors." })); return; }
    const byMonth = new Map(months.map((m) => [m.month, m]));
    const all = monthRange(months[0].month, months[months.length - 1].month);
    const width = 760, height = 260, left = 50, right = 40, top = 20, bottom = 40;
    const plotW = width - left - right, plotH = height - top - bottom;
    const maxAbs = Math.max(1, ...months.map((m) => Math.abs(m.goldstein)));
    const maxCount = Math.max(1, ...months.map((m) => m.events));
    const zero = top + plotH / 2;
    const step = plotW / all.length;
    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: width, height: height, role: "img",
      "aria-label": "Monthly Goldstein totals and event counts" });
    root.append(svg("line", { x1: left, x2: left + plotW, y1: zero, y2: zero, class: "axis" }));
    root.append(svg("text", { x: left - 6, y: top + 8, "text-anchor": "end", class: "tick", text: fmtGoldstein(maxAbs) }));
    root.append(svg("text", { x: left - 6, y: top + plotH, "text-anchor": "end", class: "tick", text: fmtGoldstein(-maxAbs) }));
    root.append(svg("text", { x: left + plotW + 6, y: top + 8, class: "tick count", text: String(maxCount) }));
    const points = [];
    const labelEvery = Math.ceil(all.length / 12);
    all.forEach((month, i) => {
      const m = byMonth.get(month) || { month: month, events: 0, goldstein: 0 };
      const x = left + i * step;
      const h = (Math.abs(m.goldstein) / maxAbs) * (plotH / 2);
      root.append(svg("rect", { x: x + step * 0.15, width: Math.max(step * 0.7, 1), y: m.goldstein >= 0 ? zero - h : zero,
        height: h, class: m.goldstein >= 0 ? "bar positive" : "bar negative", "data-month": month,
        "data-goldstein": m.goldstein, "data-events": m.events },
        svg("title", { text: `${month}: Goldstein total ${fmtGoldstein(m.goldstein)}, ${m.events} events` })));
      points.push(`${x + step / 2},${top + plotH - (m.events / maxCount) * plotH}`);
      if (i % labelEvery === 0) {
        root.append(svg("text", { x: x + step / 2, y: height - bottom + 16, "text-anchor": "middle", class: "tick", text: month }));
      }
    });
    root.append(svg("polyline", { points: points.join(" "), class: "count-line" }));
    holder.append(root, el("p", { class: "legend" },
      el("span", { class: "bar-key positive", text: "Goldstein total (cooperation)" }),
      el("span", { class: "bar-key negative", text: "Goldstein total (conflict)" }),
      el("span", { class: "line-key", text: "events per month" })));
  }

  function submitTimeline(event) {
    event.preventDefault();
    const a = $("#timeline-a").value.trim().toUpperCase();
    const b = $("#timeline-b").value.trim().toUpperCase();
    if (!CODE.test(a) || !CODE.test(b)) { status("Actor codes are 2–15 letters or digits, e.g. RUS", true); return; }
    window.location.hash = `#/timeline?a=${a}&b=${b}`;
  }

  // ---------------------------------------------------------------- start
  document.addEventListener("DOMContentLoaded", () => {
    $("#search-form").addEventListener("submit", submitSearch);
    $("#timeline-form").addEventListener("submit", submitTimeline);
    $("#graph-slider").addEventListener("input", onSlider);
    $("#graph-date").addEventListener("change", onGraphDate);
    $("#graph-date").addEventListener("input", onGraphDate);
    $("#graph-baseline").addEventListener("change", onGraphDate);
    window.addEventListener("hashchange", route);
    route();
  });
})();
