"""What the page's "who defends X" view asks of the API besides obligations: the actor list for the
name picker, the commitment graph around one state, and the bundled map assets."""

from __future__ import annotations

import hashlib
import json
import re

from fastapi.testclient import TestClient

from pactwatch.api.app import STATIC_DIR
from pactwatch.data import read_table

VENDOR = STATIC_DIR / "vendor"


def test_actor_list_names_every_country_for_the_picker(client: TestClient) -> None:
    items = client.get("/api/actors").json()["items"]
    by_code = {i["code"]: i for i in items}
    assert set(by_code) == {row["code"] for row in read_table("actors/countries.tsv")}
    assert by_code["PRK"]["name"] == "North Korea" and "DPRK" in by_code["PRK"]["aliases"]
    assert by_code["TWN"]["kind"] == "country"
    assert [i["name"] for i in items] == sorted(i["name"] for i in items)
    organisations = {i["code"] for i in client.get("/api/actors", params={"kind": "organisation"}).json()["items"]}
    assert {"NATO", "EU", "CSTO"} <= organisations and "WST" not in organisations  # regions are not parties
    both = client.get("/api/actors", params={"kind": "all"}).json()["items"]
    assert len(both) == len(items) + len(organisations)
    bad = client.get("/api/actors", params={"kind": "planet"})
    assert bad.status_code == 400 and "kind" in bad.json()["error"]["message"]


def graph(client: TestClient, **params: str) -> dict:
    response = client.get("/api/graph", params={"on": "2024-07-01", **params})
    assert response.status_code == 200, response.text
    return response.json()


def ids(body: dict) -> set[str]:
    return {e["id"] for e in body["edges"]}


def test_graph_around_a_state_keeps_organisations_collapsed_until_expanded(client: TestClient) -> None:
    whole = graph(client)
    around = graph(client, focus="POL")
    assert around["focus"] == "POL" and around["depth"] == 1
    assert {"NATO-POL", "EU-POL"} <= ids(around) < ids(whole)
    codes = {n["code"] for n in around["nodes"]}
    assert "FRA" not in codes and "NATO" in codes  # NATO is one node: its members are not walked through
    nato = next(o for o in around["organisations"] if o["code"] == "NATO")
    assert nato == {"code": "NATO", "name": "North Atlantic Treaty Organization", "members": 32, "expanded": False}

    opened = graph(client, focus="POL", expand="NATO")
    assert {"FRA-NATO", "NATO-USA", "NATO-TUR"} <= ids(opened)
    assert sum(1 for e in opened["edges"] if "NATO" in (e["source"], e["target"])) == 32
    # expanded members come with their membership only, not with their own bilateral treaties
    assert not any("NATO" not in (e["source"], e["target"]) and "POL" not in (e["source"], e["target"])
                   for e in opened["edges"])
    assert next(o for o in opened["organisations"] if o["code"] == "NATO")["expanded"] is True
    assert set(opened["commitments"]) == {r["key"] for e in opened["edges"] for r in e["commitments"]}
    # an organisation that is not in the neighbourhood is not expanded into it
    assert graph(client, focus="POL", expand="CSTO")["expand"] == []


def test_graph_around_a_state_two_steps_out(client: TestClient) -> None:
    one = graph(client, focus="PRK")
    # (Cuba too: ATOP's Cuba-DPRK treaty of 1986, carried into the baseline)
    assert {n["code"] for n in one["nodes"]} == {"PRK", "CHN", "RUS", "CUB"}
    assert "CHN-RUS" in ids(one)  # a treaty between two of North Korea's partners is shown too
    two = graph(client, focus="PRK", depth="2")
    assert ids(one) < ids(two) and two["depth"] == 2
    assert {"BLR-RUS", "CSTO-RUS"} <= ids(two)
    assert next(o for o in two["organisations"] if o["code"] == "CSTO")["expanded"] is False
    early = graph(client, focus="EST", baseline="false", on="2023-06-01")
    assert ids(early) == {"EST-FIN"} and early["organisations"] == []


def test_graph_binding_only_drops_agreements_that_oblige_nobody(client: TestClient) -> None:
    everything = graph(client, focus="TWN")
    binding = graph(client, focus="TWN", binding="true")
    assert [n["code"] for n in binding["nodes"]] == ["TWN"] and binding["edges"] == []
    assert all(not set(e["kinds"]) & {"mutual_defense", "consultation", "nonaggression", "neutrality"}
               for e in everything["edges"])
    whole = graph(client, binding="true")
    assert all(set(e["kinds"]) & {"mutual_defense", "consultation", "nonaggression", "neutrality"}
               or e.get("defence") for e in whole["edges"])
    assert {n["code"] for n in whole["nodes"]} == {c for e in whole["edges"] for c in (e["source"], e["target"])}


def test_graph_focus_parameters_are_checked(client: TestClient) -> None:
    for params in ({"focus": "P;L"}, {"focus": "POL", "depth": "3"}, {"focus": "POL", "expand": "NATO,<x>"}):
        response = client.get("/api/graph", params=params)
        assert response.status_code == 400, params
        assert response.json()["error"]["code"] == "bad_request"


def test_map_assets_are_bundled_with_their_provenance(client: TestClient) -> None:
    provenance = (VENDOR / "PROVENANCE.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| (\S+) \| ([0-9a-f]{64}) \|$", provenance, re.M))
    on_disk = {p.name for p in VENDOR.iterdir() if p.name != "PROVENANCE.md"}
    assert set(listed) == on_disk
    for name, digest in listed.items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name
    for package in ("world-atlas", "topojson-client", "d3-geo", "d3-array"):
        assert f"npm `{package}`" in provenance and (VENDOR / f"LICENSE.{package}").exists()
    assert "Natural Earth" in provenance and "public domain" in provenance
    # every state the project knows has a shape on the map
    codes = json.loads((VENDOR / "country-codes.json").read_text(encoding="utf-8"))
    assert set(codes.values()) == {row["code"] for row in read_table("actors/countries.tsv")}
    for name in ("countries-50m.json", "topojson-client.min.js", "d3-geo.min.js", "country-codes.json"):
        assert client.get("/static/vendor/" + name).status_code == 200
