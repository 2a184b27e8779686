"""Inline 'letterlab: ignorer' markers and the audit baseline (letterlab.suppress)."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from letterlab.report.model import Finding
from letterlab.suppress import BaselineError, apply_markers, load_baseline, marker_spans, new_findings


def finding(rule, text, letter):
    start = letter.index(text)
    return Finding(rule=rule, category="passive", severity="warning", message="m", start=start,
                   end=start + len(text), text=text)


LETTER = ("Kære Anne\n\n# letterlab: ignorer let-at-laese.passiv\nDin ansøgning behandles nu.\n\n"
          "Afgørelsen sendes til dig.\n")


def test_a_marker_switches_the_rule_off_for_the_next_paragraph_only():
    fs = [finding("let-at-laese.passiv", "behandles", LETTER), finding("let-at-laese.passiv", "sendes", LETTER)]
    kept = apply_markers(LETTER, fs)
    assert [f.text for f in kept] == ["sendes"]


def test_other_rules_in_the_paragraph_stay():
    fs = [finding("faelles-skriftsprog.kancellisprog", "behandles", LETTER)]
    assert apply_markers(LETTER, fs) == fs


def test_prefixes_several_ids_and_comment_forms():
    text = "<!-- letterlab: ignorer faelles-skriftsprog, let-at-laese -->\nDin ansøgning behandles nu.\n"
    fs = [finding("let-at-laese.passiv", "behandles", text), finding("faelles-skriftsprog.x", "ansøgning", text)]
    assert apply_markers(text, fs) == []
    [(ms, me, ss, se, ids)] = marker_spans(text)
    assert ids == ("faelles-skriftsprog", "let-at-laese")
    assert text[ss:se].startswith("Din ansøgning")


def test_whole_letter_marker_and_findings_on_the_marker_line():
    text = "letterlab: ignorer-brevet let-at-laese.passiv\n\nDin ansøgning behandles.\n\nDet sendes.\n"
    fs = [finding("let-at-laese.passiv", "behandles", text), finding("let-at-laese.passiv", "sendes", text),
          finding("x.y", "ignorer-brevet", text)]
    assert apply_markers(text, fs) == []


def test_text_without_markers_is_untouched():
    text = "Vi skriver om letterlab: et værktøj.\n\nDin ansøgning behandles."
    fs = [finding("let-at-laese.passiv", "behandles", text)]
    assert apply_markers(text, fs) == fs


@pytest.mark.model
def test_the_core_honours_markers_in_txt_and_md(tmp_path):
    from letterlab.core import analyse
    from letterlab.readers import read_document

    body = "Din ansøgning behandles af kommunen."
    plain = analyse(f"Kære Anne\n\n{body}\n")
    assert any(f.rule == "let-at-laese.passiv" for f in plain.findings)
    txt = tmp_path / "brev.txt"
    txt.write_text(f"Kære Anne\n\n# letterlab: ignorer let-at-laese.passiv\n{body}\n", encoding="utf-8")
    assert not any(f.rule == "let-at-laese.passiv" for f in analyse(read_document(str(txt))).findings)
    md = tmp_path / "brev.md"
    md.write_text(f"Kære Anne\n\n<!-- letterlab: ignorer let-at-laese.passiv -->\n{body}\n", encoding="utf-8")
    assert not any(f.rule == "let-at-laese.passiv" for f in analyse(read_document(str(md))).findings)


def test_baseline_accepts_each_recorded_finding_once(tmp_path):
    text = "Det behandles. Det behandles."
    a = Finding("let-at-laese.passiv", "passive", "warning", "m", 4, 13, "behandles")
    b = Finding("let-at-laese.passiv", "passive", "warning", "m", 19, 28, "behandles")
    c = Finding("x.y", "jargon", "warning", "m", 0, 3, "Det")
    report = {"templates": [{"path": "a/brev.txt", "report": {"findings": [
        {"rule": "let-at-laese.passiv", "text": "Behandles"}]}}]}
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    base = load_baseline(path)
    assert base["a/brev.txt"] == Counter({("let-at-laese.passiv", "behandles"): 1})
    assert new_findings([a, b, c], base["a/brev.txt"]) == [b, c]
    assert text  # the offsets above point into this text


def test_a_bad_baseline_is_a_danish_error(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(BaselineError, match="report.json"):
        load_baseline(bad)
    with pytest.raises(BaselineError, match="kan ikke læse"):
        load_baseline(tmp_path / "mangler.json")


def test_property_ids_from_a_core_properties_part():
    from letterlab.suppress import property_ids

    xml = ('<cp:coreProperties><cp:keywords>skabelon; letterlab: ignorer let-at-laese.passiv, '
           'persondata</cp:keywords></cp:coreProperties>')
    assert property_ids(xml) == ("let-at-laese.passiv", "persondata")
    assert property_ids("<cp:keywords>skabelon</cp:keywords>") == ()


def test_letter_wide_ids_switch_a_rule_off_everywhere():
    fs = [finding("let-at-laese.passiv", "behandles", LETTER), finding("let-at-laese.passiv", "sendes", LETTER),
          finding("x.y", "Kære", LETTER)]
    assert [f.rule for f in apply_markers(LETTER, fs, ("let-at-laese",))] == ["x.y"]


@pytest.mark.model
def test_a_docx_tag_switches_a_rule_off_for_the_whole_letter(tmp_path):
    import docx

    from letterlab.core import analyse
    from letterlab.readers import read_document

    def write(path, tags):
        d = docx.Document()
        for p in ("Kære Anne", "Din ansøgning behandles af kommunen.", "Afgørelsen sendes til dig."):
            d.add_paragraph(p)
        if tags:
            d.core_properties.keywords = tags
        d.save(str(path))
        return read_document(str(path))

    plain = write(tmp_path / "a.docx", None)
    assert plain.ignore == ()
    assert any(f.rule == "let-at-laese.passiv" for f in analyse(plain).findings)
    tagged = write(tmp_path / "b.docx", "skabelon, letterlab: ignorer let-at-laese.passiv")
    assert tagged.ignore == ("let-at-laese.passiv",)
    assert tagged.text == plain.text
    assert not any(f.rule == "let-at-laese.passiv" for f in analyse(tagged).findings)
