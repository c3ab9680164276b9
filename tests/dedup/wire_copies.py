"""Twenty outlets' copies of one invented wire story: new headlines, boilerplate, trimming.

The story is written for these tests (no published text); the variations are the ones real
syndication produces.
"""

from __future__ import annotations

from datetime import datetime

from pactwatch.records import Article

STORY = [
    "Norway and Iceland signed an agreement on Tuesday to expand joint air patrols over the North"
    " Atlantic, the two governments said in a joint statement issued in Oslo.",
    "Under the arrangement, Norwegian fighter jets will rotate through the Keflavik air base four"
    " times a year, and Icelandic coast guard officers will train alongside Norwegian crews.",
    "Norway's defence minister told reporters that the deal reflected a changed security picture"
    " in the High North and would be reviewed after three years.",
    "Iceland, which has no standing army, relies on allies for air policing and hosts periodic"
    " deployments from several partner air forces.",
    "The agreement still needs the approval of the Icelandic parliament, which is expected to vote"
    " on it before the summer recess.",
    "Officials from both countries said the patrols would be coordinated with existing allied"
    " missions and would not require new permanent facilities.",
    "Opposition lawmakers in Reykjavik have asked for a debate on the costs of hosting the"
    " rotations, which the government says will be shared.",
    "The two countries last updated their defence cooperation framework more than a decade ago.",
]
BOILERPLATE = [
    "Sign up for our morning briefing to get the day's top stories in your inbox.",
    "Follow us on social media for the latest updates.",
    "This article was produced with material from news agencies.",
    "Advertisement",
]
HEADLINES = [
    "Norway and Iceland agree to expand air patrols",
    "Oslo, Reykjavik sign North Atlantic air patrol deal",
    "Norwegian jets to rotate through Iceland under new pact",
    "Iceland welcomes more Norwegian air patrols",
]


def copies(n: int = 20) -> list[Article]:
    articles = []
    for i in range(n):
        paragraphs = list(STORY)
        keep = len(STORY) - (i % 4)  # trim the tail: 8, 7, 6 or 5 paragraphs
        paragraphs = paragraphs[:keep]
        if i % 3 == 1:  # light rewrite of the opening
            paragraphs[0] = paragraphs[0].replace("on Tuesday", "this week").replace("said in", "announced in")
        if i % 2:
            paragraphs.insert(0, BOILERPLATE[i % len(BOILERPLATE)])
        if i % 5 == 2:
            paragraphs.append(BOILERPLATE[(i + 1) % len(BOILERPLATE)])
        articles.append(Article(
            title=HEADLINES[i % len(HEADLINES)] + ("" if i < 4 else f" ({i})"),
            paragraphs=paragraphs, origin=f"outlet-{i}.txt", publisher=f"Outlet {i}",
            published=datetime(2025, 3, 11, 8 + i % 10, 0), language="en",
        ))
    return articles


UNRELATED = Article(
    title="Chile and Argentina open a new mountain border crossing",
    paragraphs=[
        "Chile and Argentina opened a new border crossing high in the Andes on Friday, cutting"
        " travel times for freight between the two countries by several hours.",
        "Ministers from both governments attended a ceremony at the pass and said the road would"
        " stay open for most of the winter thanks to new snow clearing equipment.",
        "Trucking associations on both sides welcomed the opening and asked for longer customs hours.",
    ],
    origin="other.txt", publisher="Outlet 99", published=datetime(2025, 3, 14, 9, 0), language="en",
)
