"""A tiny stand-in actor finder for event tests: gazetteer lookup over a few names.

Used only when the real resolver (pactwatch.nlp.actors) is absent, so the event coder can be
tested on its own. It knows a handful of countries, capitals, demonyms and leaders.
"""

from __future__ import annotations

import re

from pactwatch.records import Mention

NAMES = {
    "North Korea": "PRK", "South Korea": "KOR", "Russia": "RUS", "Moscow": "RUSGOV", "Pyongyang": "PRKGOV",
    "China": "CHN", "Beijing": "CHNGOV", "Japan": "JPN", "Tokyo": "JPNGOV", "the Philippines": "PHL",
    "Philippines": "PHL", "Manila": "PHLGOV", "Iran": "IRN", "Tehran": "IRNGOV", "Israel": "ISR",
    "Ukraine": "UKR", "Kyiv": "UKRGOV", "Poland": "POL", "Warsaw": "POLGOV", "France": "FRA", "Paris": "FRAGOV",
    "Germany": "DEU", "Berlin": "DEUGOV", "the United States": "USA", "United States": "USA", "Washington": "USAGOV",
    "Britain": "GBR", "the UK": "GBR", "NATO": "NATO", "the European Union": "EU", "EU": "EU", "Hungary": "HUN",
    "Sweden": "SWE", "Finland": "FIN", "Turkey": "TUR", "Vietnam": "VNM", "Hanoi": "VNMGOV", "Belarus": "BLR",
    "Minsk": "BLRGOV", "Armenia": "ARM", "India": "IND", "Australia": "AUS", "Georgia": "GEO",
    "Putin": "RUSGOV", "Vladimir Putin": "RUSGOV", "Kim Jong-un": "PRKGOV", "Kim Jong Un": "PRKGOV",
    "Xi Jinping": "CHNGOV", "Xi": "CHNGOV", "Zelensky": "UKRGOV", "Modi": "INDGOV", "Macron": "FRAGOV",
    "Russian President Vladimir Putin": "RUSGOV", "North Korean leader Kim Jong-un": "PRKGOV",
    "Kremlin": "RUSGOV", "the Kremlin": "RUSGOV", "Russian": "RUS", "Chinese": "CHN", "Iranian": "IRN",
    "Japanese": "JPN", "British": "GBR", "Israeli": "ISR", "Ukrainian": "UKR", "North Korean": "PRK",
}
PATTERN = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True)) + r")\b")


def find_mentions(doc, tables=None, on=None) -> list[Mention]:
    out = []
    for m in PATTERN.finditer(doc.text):
        kind = "person" if NAMES[m.group(1)].endswith("GOV") and " " in m.group(1) else "country"
        out.append(Mention(m.start(), m.end(), m.group(1), NAMES[m.group(1)], kind, "table"))
    return out
