"""Time against input size for the shapes that used to blow up, each doubled three times.

- quotes: a text of one paragraph with N unclosed quotation marks ('The minister said "we will
  act ...'), read (the paragraph split at the limit) and annotated;
- paragraph: one paragraph of N sentences, read (split at the paragraph limit) and annotated;
- attributes: an HTML page whose one tag has N attributes, read through the HTML reader.

For each shape it prints the seconds per size and the ratio to the size before: about 2.0 when
linear, 4.0 when quadratic (the quote shape was about 8: cubic). Run: python bench/pathological.py
"""

from __future__ import annotations

import argparse
import time

from pactwatch.ingest import ReadOptions
from pactwatch.ingest.reader import _text_article, article_from_html
from pactwatch.nlp.pipeline import Annotator
from pactwatch.nlp.watchdog import annotate_guarded
from pactwatch.records import Article

SENTENCE = "The two delegations met in the harbour city on Monday and agreed to review the quota. "


def quotes_shape(annotator: Annotator, n: int) -> float:
    """A text file of one paragraph with n unclosed quotation marks, read and annotated."""
    text = " ".join(f'The minister said "we will act on point {i} soon' for i in range(n))
    start = time.perf_counter()
    article = _text_article("Quotes\n\n" + text + "\n", "bench", ReadOptions())
    assert isinstance(article, Article)
    annotate_guarded(annotator, [article], 0)
    return time.perf_counter() - start


def paragraph_shape(annotator: Annotator, n: int) -> float:
    start = time.perf_counter()
    article = _text_article("A headline\n\n" + SENTENCE * n + "\n", "bench", ReadOptions())
    assert isinstance(article, Article)
    annotate_guarded(annotator, [article], 0)
    return time.perf_counter() - start


def attributes_shape(annotator: Annotator, n: int) -> float:
    tag = "<div " + " ".join(f'a{i}="{i}"' for i in range(n)) + ">"
    html = f"<html><body>{tag}<p>{SENTENCE * 4}</p></div></body></html>"
    start = time.perf_counter()
    article_from_html(html, "bench")
    return time.perf_counter() - start


SHAPES = {"quotes": (quotes_shape, 200), "paragraph": (paragraph_shape, 250), "attributes": (attributes_shape, 25_000)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--doublings", type=int, default=3)
    parser.add_argument("--shape", choices=sorted(SHAPES), action="append")
    args = parser.parse_args()
    annotator = Annotator()
    annotator.annotate(Article(title="warm", paragraphs=[SENTENCE], origin="warm", language="en"))
    for name in args.shape or SHAPES:
        shape, base = SHAPES[name]
        previous = None
        for k in range(args.doublings + 1):
            n = base * 2 ** k
            seconds = shape(annotator, n)
            ratio = f"{seconds / previous:5.2f}x" if previous else "     -"
            print(f"{name:10} n={n:>8,}  {seconds:8.3f} s  {ratio}", flush=True)
            previous = seconds


if __name__ == "__main__":
    main()
