// pactwatch page: reads only the public JSON API under /api/ (and the map's shapes under /static/).
// Routing, search, the article reader and the dyad timeline; the "who defends X" view is defend.js.
"use strict";

(function () {
  const { $, el, svg, append, clear, status, api, articleLink, safeExternal, fmtGoldstein, day, hashParams,
    showView, CODE } = window.pactwatch;
  const PAGE_SIZE = 20;

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
      } else if (path === "#/defend" || path === "#/graph") {
        showView("defend");
        await window.pactwatch.defend.show(params);
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
        item.snippet ? snippetElement(item) : null));
    }
    const total = data.total === undefined ? null : data.total;
    $("#result-count").textContent = total === null ? data.items.length + " articles"
      : total + (q ? " articles match" : " articles") + (total > PAGE_SIZE ? ` (showing ${offset + 1}–${offset + data.items.length})` : "");
    const base = new URLSearchParams(params);
    $("#prev").disabled = offset === 0;
    $("#next").disabled = total === null ? data.items.length < PAGE_SIZE : offset + PAGE_SIZE >= total;
    $("#prev").onclick = () => { base.set("offset", Math.max(0, offset - PAGE_SIZE)); window.location.hash = "#/?" + base; };
    $("#next").onclick = () => { base.set("offset", offset + PAGE_SIZE); window.location.hash = "#/?" + base; };
    results.setAttribute("data-query", q);
    results.setAttribute("data-state", "ready");
  }

  // the snippet is plain text; highlights are [start, end] ranges of it, shown as <mark>
  function snippetElement(item) {
    const box = el("div", { class: "snippet" });
    let pos = 0;
    for (const [start, end] of item.highlights || []) {
      box.append(document.createTextNode(item.snippet.slice(pos, start)));
      box.append(el("mark", { text: item.snippet.slice(start, end) }));
      pos = end;
    }
    box.append(document.createTextNode(item.snippet.slice(pos)));
    return box;
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
    window.pactwatch.defend.start();
    window.addEventListener("hashchange", route);
    route();
  });
})();
