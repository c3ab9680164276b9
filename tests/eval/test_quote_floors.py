"""Quote floors on the shared sets other than news-dev (whose floors are in test_gold_eval.py).

Speakers match as people and bodies (GOLD.md; ``pactwatch.names``). Measured 2026-12-03:
news-dev-2 speaker accuracy 0.677 = 42/62 text-matched quotes (0.500 under the earlier
exact-name rule), text F1 0.939; PolNeAR dev direct quotes P 0.982, R 0.919, speaker accuracy
0.933 = 421/451 (unchanged by the new rule); 2026-12-04: PolNeAR speaker accuracy 0.941 = 427/454
(the cue whose content holds the quote, speech participles). Floors sit three or more items below.
"""

from __future__ import annotations

from tests.conftest import require_shared


def test_news_dev_2_quote_floor():
    from pactwatch.eval.gold_run import evaluate_gold

    labels = require_shared("testdata", "news-dev-2", "labels.jsonl")
    q = evaluate_gold(labels, parts=("quotes",))["summary"]["quotes"]
    assert q["gold"] == 67
    assert q["speaker_accuracy"] >= 0.62, q  # 39/62 = 0.629
    assert q["text_only"]["f1"] >= 0.89, q


def test_polnear_dev_floor():
    from pactwatch.eval.polnear import evaluate_polnear

    result = evaluate_polnear(require_shared("testdata", "quotes", "polnear"))
    assert result["gold_direct_attributions"] > 400
    assert result["precision"] >= 0.97, result["precision"]
    assert result["recall"] >= 0.91, result["recall"]
    assert result["speaker_accuracy"] >= 0.93, result["speaker_accuracy"]  # 424/454 = 0.934
