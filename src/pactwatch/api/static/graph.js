// The commitment graph around one state (GET /api/graph?focus=…): the state in the middle, its
// partners around it, organisations as one node each until the user expands them. Laid out with
// d3-force (static/vendor/), run to rest at once so the same answer always gives the same picture.
"use strict";

(function () {
  const { el, svg, clear, articleLink, safeExternal, words, KIND_COLOURS } = window.pactwatch;
  const WIDTH = 900;
  const HEIGHT = 600;
  const MIN_W = 640;
  const MIN_H = 260;
  const R = { state: 17, focus: 23 };
  const HUB = { w: 58, h: 30 };

  function colour(kind) { return KIND_COLOURS[kind] || KIND_COLOURS.other; }

  function layout(nodes, edges, focus, hubs) {
    const d3 = window.d3;
    const sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(edges).id((n) => n.code)
        .distance((e) => (hubs.has(e.source.code || e.source) || hubs.has(e.target.code || e.target) ? 90 : 150))
        .strength(0.6))
      .force("charge", d3.forceManyBody().strength(-420))
      .force("collide", d3.forceCollide((n) => (hubs.has(n.code) ? 40 : 30)))
      .force("x", d3.forceX(0).strength(0.05))
      .force("y", d3.forceY(0).strength(0.08))
      .stop();
    const centre = nodes.find((n) => n.code === focus);
    if (centre) { centre.fx = 0; centre.fy = 0; }
    for (let i = 0; i < 400; i += 1) sim.tick();
  }

  function markers(kinds) {
    return svg("defs", {}, kinds.map((kind) => svg("marker", { id: "arrow-" + kind, viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 5, markerHeight: 5, orient: "auto-start-reverse" },
    svg("path", { d: "M0,0 L10,5 L0,10 z", fill: colour(kind) }))));
  }

  // the point where a line from a to b leaves b's shape (so arrow heads stay visible)
  function rim(a, b, size) {
    const dx = a.x - b.x, dy = a.y - b.y, len = Math.hypot(dx, dy) || 1;
    if (size.w) {
      const t = Math.min(size.w / 2 / (Math.abs(dx) || 1e-9), size.h / 2 / (Math.abs(dy) || 1e-9), 1);
      return { x: b.x + dx * t, y: b.y + dy * t };
    }
    return { x: b.x + (dx / len) * (size + 2), y: b.y + (dy / len) * (size + 2) };
  }

  function draw(holder, data, handlers) {
    clear(holder);
    const hubs = new Set((data.organisations || []).map((o) => o.code));
    const organisation = new Map((data.organisations || []).map((o) => [o.code, o]));
    const nodes = data.nodes.map((n) => ({ code: n.code, name: n.name }));
    const byCode = new Map(nodes.map((n) => [n.code, n]));
    const links = data.edges.map((e) => ({ source: e.source, target: e.target, edge: e }));
    layout(nodes, links, data.focus, hubs);
    const size = (code) => (hubs.has(code) ? HUB : code === data.focus ? R.focus : R.state);

    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const pad = 60;
    const box = nodes.length ? [Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) - Math.min(...xs) + 2 * pad,
      Math.max(...ys) - Math.min(...ys) + 2 * pad] : [-WIDTH / 2, -HEIGHT / 2, WIDTH, HEIGHT];
    // a small neighbourhood is drawn at the same scale as a big one, centred, not blown up
    for (const [i, least] of [[2, MIN_W], [3, MIN_H]]) {
      if (box[i] < least) { box[i - 2] -= (least - box[i]) / 2; box[i] = least; }
    }
    const root = svg("svg", { viewBox: box.map((v) => v.toFixed(0)).join(" "), width: box[2].toFixed(0), height: box[3].toFixed(0), role: "img", "aria-label": `Commitments around ${data.focus} on ${data.on}` });
    const kinds = [...new Set(data.edges.map((e) => e.kind))];
    root.append(markers(kinds));

    const edgeLayer = svg("g", { class: "edges" });
    for (const link of links) {
      const e = link.edge;
      const a = byCode.get(e.source), b = byCode.get(e.target);
      const oneWay = e.direction === "one_way" && e.from && e.to;
      const [from, to] = oneWay && e.from === e.target ? [b, a] : [a, b];
      const start = rim(to, from, size(from.code)), end = rim(from, to, size(to.code));
      const group = svg("g", { class: "edge " + e.status, "data-edge": e.source + "-" + e.target, "data-kind": e.kind,
        "data-status": e.status, "data-direction": e.direction || "mutual", tabindex: 0,
        onclick: () => handlers.onEdge(e), onkeydown: (ev) => { if (ev.key === "Enter") handlers.onEdge(e); } });
      // one line per pair in the colour of its strongest kind; the others are in its title and details
      group.append(svg("line", { x1: start.x, y1: start.y, x2: end.x, y2: end.y, stroke: colour(e.kind),
        "stroke-width": hubs.has(e.source) || hubs.has(e.target) ? 2 : 3, "data-kind": e.kind,
        "stroke-dasharray": e.status === "signed" ? "7 5" : null, "marker-end": oneWay ? `url(#arrow-${e.kind})` : null }));
      group.append(svg("line", { x1: start.x, y1: start.y, x2: end.x, y2: end.y, class: "hit", stroke: "transparent", "stroke-width": 14 }));
      const names = [a, b].map((n) => n.name || n.code);
      group.append(svg("title", { text: `${oneWay ? `${e.from} → ${e.to}` : names.join(" – ")}: ${e.kinds.map(words).join(", ")}`
        + ` (${e.status === "signed" ? "signed, not in force" : "in force"})` }));
      edgeLayer.append(group);
    }
    root.append(edgeLayer);

    const nodeLayer = svg("g", { class: "nodes" });
    for (const n of nodes) {
      const hub = organisation.get(n.code);
      const label = n.name ? `${n.name} (${n.code})` : n.code;
      if (hub) {
        const title = `${label}: ${hub.members} members on ${data.on}. Click to ${hub.expanded ? "hide" : "show"} them.`;
        nodeLayer.append(svg("g", { class: "node hub" + (hub.expanded ? " expanded" : ""), "data-node": n.code, tabindex: 0,
          role: "button", "aria-pressed": hub.expanded ? "true" : "false",
          onclick: () => handlers.onExpand(n.code), onkeydown: (ev) => { if (ev.key === "Enter") handlers.onExpand(n.code); } },
        svg("rect", { x: n.x - HUB.w / 2, y: n.y - HUB.h / 2, width: HUB.w, height: HUB.h, rx: 6 }),
        svg("text", { x: n.x, y: n.y - 1, "text-anchor": "middle", text: n.code }),
        svg("text", { x: n.x, y: n.y + 10, "text-anchor": "middle", class: "members", text: (hub.expanded ? "− " : "+ ") + hub.members }),
        svg("title", { text: title })));
      } else {
        const r = n.code === data.focus ? R.focus : R.state;
        nodeLayer.append(svg("g", { class: "node" + (n.code === data.focus ? " focus" : ""), "data-node": n.code },
          svg("circle", { cx: n.x, cy: n.y, r: r }),
          svg("text", { x: n.x, y: n.y + 3.5, "text-anchor": "middle", text: n.code }),
          svg("text", { x: n.x, y: n.y + r + 11, "text-anchor": "middle", class: "name", text: n.name || "" }),
          svg("title", { text: label })));
      }
    }
    root.append(nodeLayer);
    holder.append(root);
    return kinds;
  }

  // A sample of every line style the picture can use, drawn as it is drawn in the graph.
  function legend(node, kinds) {
    clear(node);
    const sample = (attrs, arrowKind) => svg("svg", { width: 44, height: 12, class: "sample" },
      arrowKind ? markers([arrowKind]) : null,
      svg("line", { x1: 2, y1: 6, x2: arrowKind ? 38 : 42, y2: 6, "stroke-width": 2.5, ...attrs,
        "marker-end": arrowKind ? `url(#arrow-${arrowKind})` : null }));
    for (const kind of Object.keys(KIND_COLOURS)) {
      node.append(el("span", { class: "legend-item" + (kinds.includes(kind) ? "" : " absent"), "data-kind": kind },
        sample({ stroke: colour(kind) }), words(kind)));
    }
    node.append(
      el("span", { class: "legend-item", "data-style": "in_force" }, sample({ stroke: "#455a64" }), "in force"),
      el("span", { class: "legend-item", "data-style": "signed" }, sample({ stroke: "#455a64", "stroke-dasharray": "7 5" }),
        "signed, not in force"),
      el("span", { class: "legend-item", "data-style": "one_way" }, sample({ stroke: "#455a64" }, "other"),
        "one-way guarantee (guarantor → protected)"),
      el("span", { class: "legend-item", "data-style": "organisation" }, el("span", { class: "hub-key", text: "NATO" }),
        "organisation: click it to show or hide its members"));
  }

  // The evidence behind one line: every source of each commitment on that pair.
  function details(panel, edge, data) {
    clear(panel);
    panel.setAttribute("data-edge", edge.source + "-" + edge.target);
    const name = (code) => (data.nodes.find((n) => n.code === code) || {}).name || code;
    panel.append(el("h3", { text: `${name(edge.source)} – ${name(edge.target)} on ${data.on}` }),
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
          el("div", { class: "meta", text: [s.date, words(s.lifecycle_event), s.party, s.publisher].filter(Boolean).join(" · ") }),
          s.article_id ? articleLink(s.article_id, s.article_title)
            : el("span", {}, "baseline table: ", s.reference ? safeExternal(s.reference) : c.origin),
          s.sentence ? el("blockquote", { class: "evidence", text: s.sentence }) : null));
      }
      panel.append(el("section", { class: "commitment-sources", "data-kind": c.kinds[0] || "other", "data-key": c.key },
        el("h4", { text: c.name || c.key }),
        el("div", { class: "meta", text: `${words(c.kinds.join(", "))} — ${ref.status === "signed" ? "signed, not in force" : "in force"}`
          + (c.organisation ? " (via " + c.organisation + ")" : "") }), list));
    }
  }

  window.pactwatch.graph = { draw, legend, details };
})();
