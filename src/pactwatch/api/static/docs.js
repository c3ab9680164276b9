// The API reference, rendered from /api/openapi.json with DOM calls only (no CDN, no innerHTML).
"use strict";

(function () {
  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  async function main() {
    const holder = document.getElementById("endpoints");
    const response = await fetch("/api/openapi.json");
    const spec = await response.json();
    document.getElementById("docs-title").textContent = `${spec.info.title} API ${spec.info.version}`;
    document.getElementById("docs-description").textContent = spec.info.description || "";
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const section = el("section", undefined, "endpoint");
        section.setAttribute("data-path", path);
        const title = el("h3");
        title.append(el("code", method.toUpperCase() + " " + path), " — " + (op.summary || ""));
        section.append(title);
        const params = op.parameters || [];
        if (params.length) {
          const table = el("table");
          const head = el("tr");
          for (const h of ["Parameter", "In", "Required", "Type", "Description"]) head.append(el("th", h));
          table.append(head);
          for (const p of params) {
            const row = el("tr");
            const schema = p.schema || {};
            const type = schema.type || (schema.anyOf || []).map((s) => s.type).filter((t) => t !== "null").join("|");
            for (const v of [p.name, p.in, p.required ? "yes" : "", type, p.description || ""]) row.append(el("td", v));
            table.append(row);
          }
          section.append(table);
        }
        holder.append(section);
      }
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    main().catch((err) => { document.getElementById("endpoints").textContent = "Could not load the schema: " + err.message; });
  });
})();
