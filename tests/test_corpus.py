"""The bundled sample letters: golden reports, and every 'after' better than its 'before'.

Golden files guard against regressions. When a change is intended, rewrite
them with ``pytest tests/test_corpus.py --update-golden`` and review the diff.
"""
from __future__ import annotations

import json
import tomllib

import pytest

from letterlab.core import analyse
from testutil import CORPUS, ROOT

GOLDEN = ROOT / "tests" / "golden"
PAIRS = sorted(p for p in CORPUS.iterdir() if (p / "before.txt").exists())
GRADED = ("sentence_length", "passive", "jargon", "nominalisation", "address", "message", "genre", "tone")

pytestmark = pytest.mark.model


def _report(path, nlp, genre=None):
    from letterlab.readers import read_document

    return analyse(read_document(path), nlp=nlp, genre=genre)


def _genre(pair):
    meta = tomllib.loads((pair / "meta.toml").read_text(encoding="utf-8"))
    return meta.get("genre")


def golden_view(report) -> dict:
    s = report.scores
    return {
        "genre": report.genre,
        "scores": {k: s.get(k) for k in ("words", "sentences", "long_words", "lix", "max_sentence_length",
                                          "passive_count", "passive_share", "jargon_count", "message_first",
                                          "overall")},
        "counts": s.get("counts"),
        "findings": [[f.rule, f.severity, f.start, f.end, f.text] for f in report.findings],
    }


def test_at_least_twelve_pairs():
    assert len(PAIRS) >= 12


@pytest.mark.parametrize("pair", PAIRS, ids=[p.name for p in PAIRS])
def test_after_is_better_in_every_category(pair, nlp):
    genre = _genre(pair)
    before = _report(pair / "before.txt", nlp, genre)
    after = _report(pair / "after.txt", nlp, genre)
    b, a = before.scores, after.scores
    assert a["lix"] < b["lix"]
    assert a["overall"] > b["overall"]
    assert a["passive_count"] < b["passive_count"]
    for cat in GRADED:
        if b["counts"][cat]:
            assert a["counts"][cat] < b["counts"][cat], f"{cat}: {b['counts'][cat]} -> {a['counts'][cat]}"
        else:
            assert a["counts"][cat] == 0, f"{cat} got worse"


@pytest.mark.parametrize("path", [p / n for p in PAIRS for n in ("before.txt", "after.txt")],
                         ids=[f"{p.name}-{n[:-4]}" for p in PAIRS for n in ("before.txt", "after.txt")])
def test_golden_report(path, nlp, update_golden):
    view = golden_view(_report(path, nlp, _genre(path.parent)))
    gold = GOLDEN / f"{path.parent.name}-{path.stem}.json"
    if update_golden or not gold.exists():
        if not update_golden:
            pytest.fail(f"no golden file {gold.name}: run pytest --update-golden and review it")
        gold.write_text(json.dumps(view, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert view == json.loads(gold.read_text(encoding="utf-8"))
