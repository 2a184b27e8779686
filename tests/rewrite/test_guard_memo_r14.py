"""The guard's memos of pure functions of a text (facts, agreement, broken patterns): the same verdicts with
the memos warm, cold and full."""
from __future__ import annotations

import random

from letterlab.facts import extract_facts
from letterlab.rewrite import guard
from letterlab.rewrite.guard import check_suggestion
from testutil import sug

TEXT = ("Kære Anna Jensen\n\nDu skal betale 1.250 kr. senest den 1. maj 2026, jf. § 12 i lov om social service. "
        "Vi har vedlagt nærværende brev til dig. Du kan ikke få hjælpen fra Ydelsesteamet. Ring på 12 34 56 78.")
EDITS = [("nærværende", "denne"), ("senest den 1. maj 2026", "snarest"), ("1.250 kr.", "1.520 kr."),
         ("kan ikke få", "kan få"), ("Anna Jensen", "Anna"), ("jf. § 12", "efter § 12"), ("Ring", "Ring til os"),
         ("Vi har vedlagt", "Vi sender"), ("lov om social service", "serviceloven"), ("til dig", "til Dem")]
MEMOS = ("_WORDS_MEMO", "_LOWER_MEMO", "_FACTS_MEMO", "_AGREEMENT_MEMO", "_BAD_MEMO")


def _clear():
    for name in MEMOS:
        getattr(guard, name).clear()


def _verdicts():
    return [check_suggestion(TEXT, sug(TEXT, old, new)) for old, new in EDITS]


def test_verdicts_are_the_same_with_cold_and_warm_memos():
    _clear()
    cold = _verdicts()
    warm = _verdicts()
    assert warm == cold
    assert any(v.reject for _, v in cold) and any(not v.reject for _, v in cold)


def test_window_facts_are_extract_facts_without_the_whole_letter_kinds():
    rnd = random.Random(14)
    words = TEXT.split()
    for _ in range(200):
        a = rnd.randrange(len(words))
        text = " ".join(words[a:a + rnd.randint(1, 12)])
        assert guard._window_facts(text) == extract_facts(text, letter=False)
        assert guard._window_facts(text) is guard._window_facts(text)     # read once, then shared


def test_a_full_memo_is_emptied_and_still_answers():
    _clear()
    for k in range(guard._WORDS_MEMO_MAX + 5):
        assert guard._memoised(guard._BAD_MEMO, guard._bad_patterns, f"tekst {k}") == 0
    assert len(guard._BAD_MEMO) <= guard._WORDS_MEMO_MAX
    assert _verdicts() == (_clear() or _verdicts())
