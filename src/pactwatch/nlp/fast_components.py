"""Equivalent stand-ins for two of the model's components, swapped in when the model loads.

Both wrap the model's own component (its patterns, its lemma rules) and give token-for-token
the same annotations (``tests/nlp/test_fast_components.py``); they only avoid per-token Python
work. The stock model is still what the benchmarks compare against.
"""

from __future__ import annotations

from spacy.language import Language

from pactwatch.nlp.fast_attributes import FastAttributeRuler
from pactwatch.nlp.fast_lemmas import FastLemmatizer

# stock component name -> the name our stand-in is registered under
STAND_INS = {"attribute_ruler": "pactwatch_attribute_ruler", "lemmatizer": "pactwatch_lemmatizer"}


@Language.factory("pactwatch_attribute_ruler")
def make_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


@Language.factory("pactwatch_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    return FastLemmatizer(nlp.get_pipe("lemmatizer"))


def use_fast_components(nlp: Language) -> Language:
    """Put each stand-in where its stock component was (a model without one is left as it is)."""
    for stock, stand_in in STAND_INS.items():
        if stock in nlp.pipe_names:
            nlp.add_pipe(stand_in, after=stock)
            nlp.remove_pipe(stock)
    return nlp
