"""The cache record: text-free, and a report rebuilt from it reads exactly like the original."""
from __future__ import annotations

import json

from letterlab.audit.cache import Cache, cache_key, from_record, to_record
from letterlab.report.model import Finding, Report

TEXT = "Vedrørende Deres ansøgning\n\nUnder henvisning til Deres ansøgning bevilges støtten. Kontakt «Navn»."


def _report():
    findings = [
        Finding("klart-budskab.forsinket-indledning", "message", "warning",
                'Start med budskabet i stedet for "Under henvisning til".', 28, 48, TEXT[28:48]),
        Finding("let-at-laese.passiv", "passive", "info", "Passiv: Skriv, hvem der gør noget. (s-passiv)",
                76, 84, TEXT[76:84]),
        Finding("borgerrettet.de-form", "address", "warning", "Skriv du i stedet for 'Deres'.", 11, 16, TEXT[11:16]),
    ]
    return Report(text=TEXT, findings=findings, scores={"overall": 40, "lix": 50.0}, source="brev.docx",
                  genre="afgoerelse", profile="brev", model="m", ruleset_version="v1",
                  notices=[{"code": "reader", "message": "Vi har ikke læst fodnoter med."}],
                  sentences=[(28, 85)], blocks=[{"start": 0, "end": 26, "kind": "heading"}], score_weights={"passive": 15.0})


def test_record_holds_no_letter_text_and_restores_exactly():
    rep = _report()
    rec = to_record(rep)
    blob = json.dumps(rec, ensure_ascii=False)
    for words in ("Under henvisning", "bevilges", "Deres", "Vedrørende"):
        assert words not in blob
    back = from_record(json.loads(blob), TEXT, "brev.docx", {"let-at-laese.passiv": "Forklaring"})
    assert [f.message for f in back.findings] == [f.message for f in rep.findings]
    assert [f.text for f in back.findings] == [f.text for f in rep.findings]
    assert back.findings[1].explanation == "Forklaring"
    d1, d2 = rep.to_dict(), back.to_dict()
    for d in (d1, d2):
        for f in d["findings"]:
            f.pop("explanation")
    assert d1 == d2


def test_cache_key_changes_with_everything_that_changes_results():
    base = cache_key("h", "v1", "model", "brev", None)
    assert base == cache_key("h", "v1", "model", "brev", None)
    assert len({base, cache_key("h2", "v1", "model", "brev", None), cache_key("h", "v2", "model", "brev", None),
                cache_key("h", "v1", "other", "brev", None), cache_key("h", "v1", "model", "fagfolk", None),
                cache_key("h", "v1", "model", "brev", "kvittering")}) == 6


def test_cache_store_read_only_reader_and_prune(tmp_path):
    path = tmp_path / "c.sqlite"
    c = Cache(path)
    c.put_many([("k1", "h1", "v1", "m", json.dumps({"a": 1}))])
    ro = Cache(path, readonly=True)
    assert ro.get("k1") == {"a": 1} and ro.get("k2") is None
    ro.close()
    assert c.prune(days=-1) == 1 and len(c) == 0
    c.close()
