// The world map of one answer: every state coloured by what it is bound to do for the state asked
// about. Shapes: Natural Earth via world-atlas (static/vendor/, see PROVENANCE.md there), decoded
// by topojson-client and projected by d3-geo; loaded once from the page's own folder.
"use strict";

(function () {
  const { svg, clear, asset } = window.pactwatch;
  const WIDTH = 960;
  const HEIGHT = 500;
  // states too small to see at this scale get a dot, when they have a part in the answer
  const DOT_BELOW_AREA = 30;

  // Most telling first: a state in two roles is drawn in the first one.
  const CATEGORIES = [
    { key: "focus", label: "the state asked about" },
    { key: "attacker", label: "the attacker" },
    { key: "conflicted", label: "bound to both sides" },
    { key: "defender", label: "bound to defend it (in force)" },
    { key: "signed", label: "signed, not in force" },
    { key: "consultation", label: "bound to consult only" },
    { key: "neutral", label: "bound to stay neutral" },
    { key: "out_of_scope", label: "bound, but not for this place" },
    { key: "none", label: "no obligation found" },
  ];
  const RANK = new Map(CATEGORIES.map((c, i) => [c.key, i]));

  let loading = null;

  // The largest polygon of a state: its main territory, so zooming to France does not take in
  // French Guiana, nor zooming to the United States the Aleutians across the date line.
  function mainland(feature) {
    const g = feature.geometry;
    if (g.type !== "MultiPolygon") return feature;
    let best = null, area = -1;
    for (const coordinates of g.coordinates) {
      const polygon = { type: "Polygon", coordinates };
      const a = window.d3.geoArea(polygon);
      if (a > area) { area = a; best = polygon; }
    }
    return best;
  }

  // The view box that shows every state with a part in the answer (at least a quarter of the
  // world's width, so one small state is shown with its region), in the map's proportions.
  function answerBox(map, codes) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const code of codes) {
      const parts = map.byCode.get(code);
      if (!parts || !parts.bounds) continue;
      x0 = Math.min(x0, parts.bounds[0][0]); y0 = Math.min(y0, parts.bounds[0][1]);
      x1 = Math.max(x1, parts.bounds[1][0]); y1 = Math.max(y1, parts.bounds[1][1]);
    }
    if (!Number.isFinite(x0)) return [0, 0, WIDTH, HEIGHT];
    let w = Math.max((x1 - x0) * 1.15, WIDTH / 4), h = Math.max((y1 - y0) * 1.15, HEIGHT / 4);
    if (w / h > WIDTH / HEIGHT) h = w * HEIGHT / WIDTH; else w = h * WIDTH / HEIGHT;
    w = Math.min(w, WIDTH); h = Math.min(h, HEIGHT);
    const cx = Math.min(Math.max((x0 + x1) / 2, w / 2), WIDTH - w / 2);
    const cy = Math.min(Math.max((y0 + y1) / 2, h / 2), HEIGHT - h / 2);
    return [cx - w / 2, cy - h / 2, w, h];
  }

  function shapes() {
    if (!loading) {
      loading = Promise.all([asset("vendor/countries-50m.json"), asset("vendor/extra-countries.geojson"),
        asset("vendor/country-codes.json")]).then(([topo, extra, codes]) => {
        const features = window.topojson.feature(topo, topo.objects.countries).features.concat(extra.features);
        for (const f of features) f.code = codes[f.id] || codes["name:" + f.properties.name] || null;
        return features;
      });
    }
    return loading;
  }

  // A map built once per holder; draw() only changes classes and titles, so replaying dates is cheap.
  async function build(holder, onPick) {
    const features = await shapes();
    const projection = window.d3.geoNaturalEarth1().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], { type: "Sphere" });
    const path = window.d3.geoPath(projection);
    const root = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "world-map", role: "img" });
    root.append(svg("defs", {}, svg("pattern", { id: "hatch-signed", width: 6, height: 6, patternUnits: "userSpaceOnUse",
      patternTransform: "rotate(45)" }, svg("rect", { width: 6, height: 6, class: "hatch-bg" }),
    svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "hatch-line" }))));
    root.append(svg("path", { d: path({ type: "Sphere" }), class: "sphere" }));
    const countries = svg("g", { class: "countries" });
    const dots = svg("g", { class: "dots" });
    const byCode = new Map();
    for (const f of features) {
      const d = path(f);
      if (!d) continue;
      const shape = svg("path", { d: d, class: "country none", "data-code": f.code, "data-name": f.properties.name },
        svg("title", { text: f.properties.name }));
      countries.append(shape);
      if (!f.code) continue;
      const parts = byCode.get(f.code) || { shapes: [], dot: null, bounds: null };
      parts.shapes.push(shape);
      parts.bounds = parts.bounds || path.bounds(mainland(f));
      parts.area = (parts.area || 0) + path.area(f);
      if (path.area(f) < DOT_BELOW_AREA && !parts.dot) {
        const [x, y] = path.centroid(f);
        parts.dot = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 4, class: "dot none", "data-code": f.code },
          svg("title", { text: f.properties.name }));
        dots.append(parts.dot);
      }
      byCode.set(f.code, parts);
      if (onPick) shape.addEventListener("click", () => onPick(f.code));
    }
    root.append(countries, dots);
    clear(holder);
    holder.append(root);
    return { root, byCode };
  }

  // roles: Map code -> {category, text}; names: code -> readable name (for titles)
  function paint(map, roles, label) {
    map.root.setAttribute("aria-label", label);
    const box = map.whole ? [0, 0, WIDTH, HEIGHT] : answerBox(map, [...roles.keys()]);
    map.root.setAttribute("viewBox", box.map((v) => v.toFixed(1)).join(" "));
    const zoom = WIDTH / box[2];
    map.root.style.setProperty("--zoom", zoom.toFixed(3));
    map.root.setAttribute("data-zoom", zoom.toFixed(2));
    for (const [code, parts] of map.byCode) {
      const role = roles.get(code);
      const category = role ? role.category : "none";
      for (const node of parts.shapes.concat(parts.dot ? [parts.dot] : [])) {
        const name = node.getAttribute("data-name") || (parts.shapes[0] && parts.shapes[0].getAttribute("data-name")) || code;
        node.setAttribute("class", (node.tagName === "circle" ? "dot " : "country ") + category);
        node.setAttribute("data-category", category);
        node.firstChild.textContent = role && role.text ? `${name}: ${role.text}` : name;
      }
      if (parts.dot) {
        // zoomed in, a small state may be big enough to see without its dot
        parts.dot.style.display = category === "none" || parts.area * zoom * zoom >= DOT_BELOW_AREA ? "none" : "";
        parts.dot.setAttribute("r", (4 / Math.sqrt(zoom)).toFixed(2));
      }
    }
  }

  // Keep the most telling role per state, with every reason a state has, for its tooltip.
  function roleMap(entries) {
    const roles = new Map();
    for (const { code, category, text } of entries) {
      if (!code) continue;
      const seen = roles.get(code);
      if (!seen) { roles.set(code, { category, texts: text ? [text] : [] }); continue; }
      if (RANK.get(category) < RANK.get(seen.category)) seen.category = category;
      if (text && !seen.texts.includes(text)) seen.texts.push(text);
    }
    for (const role of roles.values()) role.text = role.texts.join("; ");
    return roles;
  }

  const maps = new WeakMap();
  // whole: the whole world rather than the part the answer covers
  async function draw(holder, entries, label, onPick, whole) {
    if (!maps.has(holder)) maps.set(holder, build(holder, onPick));
    const map = await maps.get(holder);
    map.whole = Boolean(whole);
    paint(map, roleMap(entries), label);
  }

  window.pactwatch.worldMap = { draw, CATEGORIES };
})();
