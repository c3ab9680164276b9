"""Split pactwatch actor codes into the GDELT actor columns (CAMEO manual ch. 3).

pactwatch codes actors as ISO3 country codes with CAMEO role suffixes (``RUSGOV``), CAMEO
region codes (``WST``) or organisation acronyms (``NATO``, ``EU``). GDELT wants the full CAMEO
code and its parts: organisations are looked up in ``actors/organisations.tsv`` for their CAMEO
code (NATO → IGOWSTNAT), then every code is read three letters at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pactwatch.data import read_table

# the generic international codes after which an unknown part names a known group (IGOUNO)
_GROUP_LEADERS = frozenset({"IGO", "NGO", "IMG", "NGM", "INT", "MNC"})


@dataclass(frozen=True)
class GdeltActor:
    """The ten GDELT actor columns (ethnic codes are never set: pactwatch does not code them)."""

    code: str = ""
    name: str = ""
    country: str = ""
    known_group: str = ""
    ethnic: str = ""
    religion1: str = ""
    religion2: str = ""
    type1: str = ""
    type2: str = ""
    type3: str = ""

    def cells(self) -> list[str]:
        return [self.code, self.name, self.country, self.known_group, self.ethnic,
                self.religion1, self.religion2, self.type1, self.type2, self.type3]


@dataclass(frozen=True)
class ActorCodebook:
    """What is needed to split codes: countries, regions, organisations and CAMEO parts."""

    countries: dict[str, str]  # ISO3 → name
    organisations: dict[str, tuple[str, str]]  # project code → (CAMEO code, name)
    parts: dict[str, tuple[str, str]]  # three-letter part → (kind, name)
    _cache: dict[str, GdeltActor] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls) -> ActorCodebook:
        countries = {r["code"]: r["name"] for r in read_table("actors/countries.tsv")}
        organisations = {
            r["code"]: ((r.get("cameo") or r["code"]).upper(), r["name"])
            for r in read_table("actors/organisations.tsv")
        }
        parts = {r["code"]: (r["part"], r["name"]) for r in read_table("export/cameo_actor_parts.tsv")}
        return cls(countries, organisations, parts)

    def split(self, code: str | None) -> GdeltActor:
        """The GDELT columns for one pactwatch actor code ("" or None gives empty columns)."""
        code = (code or "").strip()
        if not code:
            return GdeltActor()
        if code not in self._cache:
            self._cache[code] = self._split(code)
        return self._cache[code]

    def _split(self, code: str) -> GdeltActor:
        cameo, org_name = self.organisations.get(code, (code.upper(), ""))
        if not cameo.isalnum():
            return GdeltActor(code=cameo, name=org_name.upper())  # not a CAMEO code: keep it whole
        chunks = [cameo[i:i + 3] for i in range(0, len(cameo), 3)]
        if len(cameo) % 3:
            # a longer organisation code (IGOCSTO, IGOMERCOSUR): known leading parts, then the group
            known = 0
            while known < len(chunks) - 1 and chunks[known] in self.parts:
                known += 1
            chunks = chunks[:known] + ["".join(chunks[known:])]
        country, name = "", org_name
        if chunks[0] in self.countries or self.parts.get(chunks[0], ("",))[0] == "region":
            country = chunks[0]
            name = name or self.countries.get(country) or self.parts[country][1]
            chunks = chunks[1:]
        types: list[str] = []
        religions: list[str] = []
        group = ""
        after_leader = False
        for chunk in chunks:
            kind = self.parts.get(chunk, ("", ""))[0]
            if kind == "type":
                types.append(chunk)
                after_leader = after_leader or chunk in _GROUP_LEADERS
            elif kind == "religion":
                religions.append(chunk)
            elif kind == "region":
                continue  # a region inside an organisation's code (IGOWSTNAT) is a label, not an affiliation
            elif after_leader or org_name:
                group = chunk  # the most specific organisation part: IGOUNOWHO → WHO
        types += ["", "", ""]
        religions += ["", ""]
        return GdeltActor(
            code=cameo, name=name.upper(), country=country, known_group=group,
            religion1=religions[0], religion2=religions[1],
            type1=types[0], type2=types[1], type3=types[2],
        )
