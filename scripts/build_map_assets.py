"""Builds the page's world map and graph layout assets into src/pactwatch/api/static/vendor/ (run by hand, then commit).

The page draws country shapes from Natural Earth (public domain) as packaged in the npm package
`world-atlas` (TopoJSON), decoded in the browser by `topojson-client` and projected by `d3-geo`.
Nothing is fetched at run time: this script takes the pinned npm packages once (`npm pack`, which
checks each tarball's published integrity hash), copies the files the page uses verbatim (also
`d3-force` and its dependencies, which lay out the commitment graph), and
writes three derived files:

- country-codes.json: world-atlas feature id (ISO 3166-1 numeric) -> the project's actor code
  (ISO alpha-3 from Debian's iso-codes, CAMEO's KSV for Kosovo, which has no ISO code and no id
  in world-atlas and is matched by its name);
- extra-countries.geojson: states in data/actors/countries.tsv that the 1:50m layer lacks
  (Tuvalu), taken from the 1:10m layer of the same package with topojson-client;
- PROVENANCE.md: package versions, licences and the sha256 of every file in the folder.

Needs npm, node and Debian's iso-codes (/usr/share/iso-codes). Usage:
    .venv/bin/python scripts/build_map_assets.py
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from pactwatch.data import read_table

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "src" / "pactwatch" / "api" / "static" / "vendor"
ISO_CODES = Path("/usr/share/iso-codes/json/iso_3166-1.json")

# package -> (version, licence, [(file in the package, name in vendor/)])
PACKAGES = {
    "world-atlas": ("2.0.2", "ISC (data: Natural Earth, public domain)",
                    [("countries-50m.json", "countries-50m.json")]),
    "topojson-client": ("3.1.0", "ISC", [("dist/topojson-client.min.js", "topojson-client.min.js")]),
    "d3-array": ("3.2.5", "ISC", [("dist/d3-array.min.js", "d3-array.min.js")]),
    "d3-geo": ("3.1.2", "ISC", [("dist/d3-geo.min.js", "d3-geo.min.js")]),
    # the commitment graph's layout (run to a fixed point at once, no animation)
    "d3-dispatch": ("3.0.2", "ISC", [("dist/d3-dispatch.min.js", "d3-dispatch.min.js")]),
    "d3-quadtree": ("3.0.2", "ISC", [("dist/d3-quadtree.min.js", "d3-quadtree.min.js")]),
    "d3-timer": ("3.0.2", "ISC", [("dist/d3-timer.min.js", "d3-timer.min.js")]),
    "d3-force": ("3.0.1", "ISC", [("dist/d3-force.min.js", "d3-force.min.js")]),
}
# world-atlas features without an ISO numeric id that are states in our tables, by their name there
UNNUMBERED = {"Kosovo": "KSV"}

EXTRACT_JS = """
const fs = require("fs");
const topojson = require(process.argv[1]);
const wanted = new Set(JSON.parse(process.argv[3]));
const topo = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const all = topojson.feature(topo, topo.objects.countries).features;
const out = all.filter((f) => wanted.has(f.id)).map((f) => ({ type: "Feature", id: f.id,
  properties: { name: f.properties.name }, geometry: f.geometry }));
process.stdout.write(JSON.stringify({ type: "FeatureCollection", features: out }));
"""


def npm_pack(name: str, version: str, into: Path) -> Path:
    subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=into, check=True,
                   stdout=subprocess.DEVNULL)
    target = into / name
    with tarfile.open(into / f"{name}-{version}.tgz") as tar:
        tar.extractall(target, filter="data")
    return target / "package"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    iso = json.loads(ISO_CODES.read_text(encoding="utf-8"))["3166-1"]
    numeric_to_alpha3 = {row["numeric"]: row["alpha_3"] for row in iso}
    countries = {row["code"]: row["name"] for row in read_table("actors/countries.tsv")}
    VENDOR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        unpacked = {name: npm_pack(name, version, work) for name, (version, _, _) in PACKAGES.items()}
        for name, (_, _, files) in PACKAGES.items():
            for source, target in files:
                shutil.copyfile(unpacked[name] / source, VENDOR / target)
            shutil.copyfile(unpacked[name] / "LICENSE", VENDOR / f"LICENSE.{name}")

        atlas = json.loads((VENDOR / "countries-50m.json").read_text(encoding="utf-8"))
        codes: dict[str, str] = {}
        for geometry in atlas["objects"]["countries"]["geometries"]:
            feature_id, name = geometry.get("id"), geometry["properties"]["name"]
            code = numeric_to_alpha3.get(feature_id) if feature_id else UNNUMBERED.get(name)
            if code in countries:
                codes[feature_id or "name:" + name] = code
        missing = sorted(set(countries) - set(codes.values()))
        fine = json.loads((unpacked["world-atlas"] / "countries-10m.json").read_text(encoding="utf-8"))
        fine_ids = {numeric_to_alpha3.get(g.get("id")): g.get("id")
                    for g in fine["objects"]["countries"]["geometries"] if g.get("id")}
        wanted = [fine_ids[c] for c in missing if c in fine_ids]
        extra = subprocess.run(
            ["node", "-e", EXTRACT_JS, str(unpacked["topojson-client"]),
             str(unpacked["world-atlas"] / "countries-10m.json"), json.dumps(wanted)],
            check=True, capture_output=True, text=True).stdout
        (VENDOR / "extra-countries.geojson").write_text(extra, encoding="utf-8")
        for feature_id in wanted:
            codes[feature_id] = numeric_to_alpha3[feature_id]
        (VENDOR / "country-codes.json").write_text(json.dumps(dict(sorted(codes.items())), indent=0) + "\n",
                                                   encoding="utf-8")
        still_missing = sorted(set(countries) - set(codes.values()))
    write_provenance(still_missing)
    print(f"vendor/: {len(codes)} shapes mapped to actor codes; without a shape: {still_missing or 'none'}")
    return 0


def write_provenance(without_shape: list[str]) -> None:
    lines = [
        "# Map and graph layout assets: provenance and licences",
        "",
        "Written by `scripts/build_map_assets.py` (do not edit by hand; re-run the script instead).",
        "Nothing here is fetched at run time: the page loads these files from `/static/vendor/`.",
        "",
        "| package | version | licence | files |",
        "| --- | --- | --- | --- |",
    ]
    for name, (version, licence, files) in PACKAGES.items():
        lines.append(f"| npm `{name}` | {version} | {licence} | {', '.join(t for _, t in files)}, LICENSE.{name} |")
    lines += [
        "",
        "Country shapes: Natural Earth 1:50m Admin 0 countries (public domain, naturalearthdata.com) as",
        "TopoJSON in `world-atlas`; states the 1:50m layer lacks come from its 1:10m layer",
        "(`extra-countries.geojson`, converted with topojson-client). `country-codes.json` maps feature",
        "ids (ISO 3166-1 numeric) to the project's actor codes using Debian's `iso-codes` package",
        "(ISO 3166-1 table), and Kosovo by name to CAMEO's `KSV`.",
        f"States of data/actors/countries.tsv without a shape: {', '.join(without_shape) or 'none'}.",
        "",
        "| file | sha256 |",
        "| --- | --- |",
    ]
    for path in sorted(VENDOR.iterdir()):
        if path.name != "PROVENANCE.md":
            lines.append(f"| {path.name} | {sha256(path)} |")
    (VENDOR / "PROVENANCE.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
