// pactwatch page: what every view shares (DOM building, the API client, links, dates).
// Article text and every field from the database are untrusted: the DOM is built with
// createElement/textContent/setAttribute only, never innerHTML, and links are made only
// from ids and codes, or from http(s) URLs checked with the URL parser.
"use strict";

// The other scripts add their parts to this object (pactwatch.picker, .worldMap, .graph, .defend).
window.pactwatch = (function () {
  const SVG = "http://www.w3.org/2000/svg";
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
  const DAY = /^\d{4}-\d{2}-\d{2}$/;
  const DAY_MS = 86400000;

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

  // A file shipped with the page (the map's shapes): same origin, never the network.
  async function asset(name) {
    const response = await fetch("/static/" + name);
    if (!response.ok) throw new Error("could not load " + name + ": HTTP " + response.status);
    return response.json();
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
  function toDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function fromDay(value) { return Date.parse(value + "T00:00:00Z"); }
  // "2024-07-01" -> "1 July 2024", for sentences a reader can quote
  function longDay(value) {
    if (!DAY.test(value || "")) return value || "";
    return new Date(fromDay(value)).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  }
  function words(value) { return String(value || "").replace(/_/g, " "); }

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

  return {
    SVG, KIND_COLOURS, CODE, DAY, DAY_MS, $, el, svg, append, clear, status, api, asset, articleLink,
    safeExternal, fmtGoldstein, day, toDay, fromDay, longDay, words, hashParams, showView,
  };
})();
