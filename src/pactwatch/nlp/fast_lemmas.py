"""The model's rule lemmatizer with its answers remembered across documents, applied by array.

spaCy's lemmatizer visits every token from Python and sets ``token.lemma_`` one at a time; its
rules depend only on a token's text, part of speech and morphology, so the lemma of a
(text, POS, morphology) triple is computed once by the model's own lemmatizer and afterwards read
from a table and written with ``Doc.from_array``. Equality with the stock component is tested.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.tokens import Doc


class FastLemmatizer:
    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self.overwrite = bool(getattr(lemmatizer, "overwrite", False))
        self.known: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma hash

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = self.known.get(key)
            if found is None:
                found = self.known[key] = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)  # type: ignore[arg-type]  # spaCy's stub wants thinc's Ints2d; any numpy array is read
        return doc
