"""Admission control in front of the worker pool (#15): a long lane, short letters first and
parsed together, a too-slow letter stopped by its own worker; and the notices that block a score."""
from __future__ import annotations

import threading

import pytest

from letterlab.core import UNSCORED, analyse
from letterlab_web import engine as engine_mod
from letterlab_web.app import SECURITY_HEADERS
from letterlab_web.engine import Engine, EngineFull, EngineTimeout

LETTER = ("Kære Anna\n\nDin ansøgning er blevet behandlet. Vi fremsender hermed afgørelsen.\n\n"
          "Du skal sende os dine lønsedler senest den 1. maj.\n\nMed venlig hilsen\nBo")
OTHER = ("Kære Peter\n\nVi har modtaget din klage. Klagen vil blive behandlet hurtigst muligt.\n\n"
         "Ring til os, hvis du har spørgsmål.\n\nMed venlig hilsen\nKommunen")


def _parallel(fn, args_list):
    out = [None] * len(args_list)

    def one(k, args):
        try:
            out[k] = fn(*args)
        except Exception as exc:  # noqa: BLE001
            out[k] = exc

    threads = [threading.Thread(target=one, args=(k, a)) for k, a in enumerate(args_list)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    return out


@pytest.mark.model
def test_short_letters_parsed_together_get_the_reports_they_get_alone(ruleset, nlp, monkeypatch):
    monkeypatch.setattr(engine_mod, "MAX_BATCH", 8)
    want = {t: analyse(t, ruleset, nlp=nlp).to_dict(include_text=True) for t in (LETTER, OTHER)}
    eng = Engine(ruleset=ruleset, workers=2, time_limit=30)
    try:
        eng.warm_up()
        letters = [LETTER, OTHER] * 8
        got = _parallel(eng.analyse, [(t,) for t in letters])
        assert [g.to_dict(include_text=True) for g in got] == [want[t] for t in letters]
    finally:
        eng.close()


@pytest.mark.model
def test_long_letters_take_their_own_lane_and_a_full_lane_turns_the_next_away(ruleset, monkeypatch):
    """One worker keeps answering short letters while long ones run; too many long ones at once get
    EngineFull at once (not a wait), and a too-slow one is stopped by its worker, which stays."""
    monkeypatch.setattr(engine_mod, "LONG_AFTER", 0.0)
    long_letter = (LETTER + "\n\n") * 400                 # ~100,000 characters: far over a 1-second limit
    eng = Engine(ruleset=ruleset, workers=2, time_limit=1.0)
    try:
        eng.warm_up()
        pids = eng._pool.pids()
        n = 1 + engine_mod.LONG_WAITING + 2               # one running, LONG_WAITING waiting, the rest turned away
        results = {}
        started = threading.Event()

        def longs():
            started.set()
            results["long"] = _parallel(eng.analyse, [(long_letter,)] * n)

        t = threading.Thread(target=longs)
        t.start()
        started.wait()
        short = [eng.analyse(LETTER) for _ in range(3)]   # answered while the long lane is busy
        t.join(300)
        kinds = sorted(type(r).__name__ for r in results["long"])
        assert all(s.findings for s in short)
        assert kinds.count("EngineFull") >= 1
        assert set(kinds) <= {"EngineFull", "EngineTimeout"}
        assert eng._pool.pids() == pids                   # stopped by the worker itself: no new worker
        with pytest.raises(EngineTimeout):
            eng.analyse(long_letter)
        assert eng.analyse(LETTER).findings
    finally:
        eng.close()


def test_a_full_long_lane_is_a_danish_503_with_retry_after(app, api, monkeypatch):
    def full(*a, **kw):
        raise EngineFull()

    monkeypatch.setattr(app.extensions["letterlab"], "analyse", full)
    resp = api("/api/analyse", json={"text": LETTER})
    assert resp.status_code == 503
    assert resp.headers["Retry-After"] == "30"
    assert resp.get_json()["error"]["code"] == "busy_long"
    assert "lange breve" in resp.get_json()["error"]["message"]
    for name in SECURITY_HEADERS:
        assert name in resp.headers


@pytest.mark.model
@pytest.mark.parametrize("text,code", [
    ("Kære Anna Hansen,", "no_body"),
    ("Kære Anna,\n\nMed venlig hilsen\nBo Jensen", "no_body"),
    ("Dear Anna, we have received your application and will reply within a week. Thank you.", "not_danish"),
    ("{navn}\n{adresse}", "placeholders_only"),
])
def test_a_letter_without_a_score_gets_its_notice_not_a_report(api, text, code):
    """The web shows no score where the core gives none (check prints no score either)."""
    resp = api("/api/analyse", json={"text": text})
    assert resp.status_code == 422
    err = resp.get_json()["error"]
    assert err["code"] == code and code in UNSCORED
    compare = api("/api/compare", json={"before": text, "after": LETTER})
    assert compare.status_code == 422
    assert compare.get_json()["error"]["field"] == "before"
