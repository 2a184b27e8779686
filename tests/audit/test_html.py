"""report.html: self-contained, every piece of letter text and every file name escaped, plain Danish UI."""
from __future__ import annotations

import re

import pytest

from auditutil import LETTER_01, docx_letter, load_json

XSS = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'


@pytest.mark.model
def test_letter_text_and_file_names_are_escaped(tmp_path, audit):
    root = tmp_path / "xss"
    root.mkdir()
    body = (LETTER_01 / "before.txt").read_text(encoding="utf-8")
    # A file name cannot hold "/", so a folder "<script>alert(1)<" with a file "script>.txt" in it
    # gives the relative path "<script>alert(1)</script>.txt".
    (root / "<script>alert(1)<").mkdir()
    (root / "<script>alert(1)<" / "script>.txt").write_text(body.replace("Klagevejledning", f"Klagevejledning {XSS} {IMG}"), encoding="utf-8")
    docx_letter(root / '"><svg onload=alert(3)>.docx', f"Du får svar {XSS}\n\n" + body)
    out = tmp_path / "rapport"
    assert audit(root, out) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    assert XSS not in html and IMG not in html and "<svg onload" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script") == 1           # only the page's own sorting script
    paths = [t["path"] for t in load_json(out)["templates"]]
    assert paths == ['"><svg onload=alert(3)>.docx', f"{XSS}.txt"]
    assert "<img" not in html


@pytest.mark.model
def test_page_is_self_contained_and_has_the_parts(tmp_path, good_folder, audit):
    out = tmp_path / "rapport"
    assert audit(good_folder, out) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    assert '<html lang="da">' in html
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', html)
    assert "<link" not in html and "@import" not in html
    assert html.count('<table class="sorterbar">') == 1
    for col in ("Samlet score", "LIX", "Passiv", "Kancellisprog", "Budskab først"):
        assert f'<button type="button">{col}</button>' in html
    for label in ("Antal skabeloner for hver LIX", "Antal fund for hvert emne"):
        assert f'aria-label="{label}"' in html
    assert html.count('<details class="skabelon"') == 4
    assert "<mark " in html and "Det har vi fundet" in html


def test_ui_text_passes_letterlabs_own_rules(nlp, ruleset):
    from letterlab.audit import html
    from letterlab.core import analyse

    texts = [html.INTRO, html.HELP_LIX, html.HELP_NO_HISTORY, html.HELP_HISTORY_OFF, html.NO_JARGON,
             html.trend_text(3, 1, 2), html.HELP_SECTIONS, html.CHANGE_FIRST, html.CHANGE_OFF, html.CHANGE_HELP,
             "Vi kunne ikke læse filen.", "Vi har ikke fundet noget at rette.",
             "Vis brevet med markeringer.", "Det har vi fundet."]
    rep = analyse("\n\n".join(texts), ruleset, nlp=nlp, genre="orientering")
    serious = [(f.rule, f.text) for f in rep.findings if f.severity != "info" and f.category not in ("message", "genre")]
    assert serious == []
    assert rep.scores["lix"] <= 40


def test_highlight_escapes_and_nests():
    from letterlab.audit.html import _highlighted
    from letterlab.report.model import Finding, Report

    text = "Hej <b>du</b>. Det besluttes & gives."
    a = text.index("besluttes")
    fs = [Finding("r.a", "passive", "warning", 'Passiv "<i>"', a, a + 9, "besluttes"),
          Finding("r.b", "sentence_length", "info", "Lang", 15, len(text), text[15:])]
    out = _highlighted(Report(text=text, findings=fs, scores={}))
    assert "&lt;b&gt;du&lt;/b&gt;" in out and "&amp;" in out
    assert 'class="k-passive s-warning" title="Passiv &quot;&lt;i&gt;&quot;">besluttes</mark>' in out


@pytest.mark.model
def test_sections_fold_filter_and_link_back(tmp_path, good_folder, audit):
    out = tmp_path / "rapport"
    assert audit(good_folder, out) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.count('<a href="#oversigt">Til oversigten</a>') == 4
    assert 'id="filter-navn"' in html and 'id="filter-alvor"' in html
    assert "#718096" not in html                       # 4.0:1 on white: too pale for text
    # the first run says why "Ændring" is empty
    assert "første gang" in html
    assert audit(good_folder, tmp_path / "r2") == 0
    html2 = (tmp_path / "r2" / "report.html").read_text(encoding="utf-8")
    assert "første gang" not in html2 and "Ændring viser" in html2
    # findings inside a section come worst first, with the shared Danish words
    checked = 0
    for sec in re.findall(r'<details class="skabelon".*?<p class="tilbage">', html, re.S):
        blocks = re.findall(r'<div class="regel.*?</div>', sec, re.S)
        rank = {"error": 0, "warning": 1, "info": 2}
        firsts = [rank[re.search(r'<span class="s s-(\w+)">', b).group(1)] for b in blocks]
        assert firsts == sorted(firsts)
        for b in blocks:
            inner = [rank[x] for x in re.findall(r'<span class="s s-(\w+)">', b)]
            assert inner == sorted(inner)
        checked += len(blocks) > 1
    assert checked
    assert "advarsel" in html.lower() and ">Advarsel<" in html


def test_an_excerpt_cut_after_ten_digits_masks_what_now_reads_as_a_cpr_number():
    from letterlab.audit.html import EXCERPT, _excerpt

    # "120385-43212026" is one long number, no CPR number; cut after "4321" it would read as one
    prefix = "Tag imod pladsen senest den 1. december " + "x" * (EXCERPT - 1 - 11 - 40)
    text = prefix + "120385-43212026 og ring til os."
    assert text.index("120385") + 11 == EXCERPT - 1
    shown = _excerpt(text)
    assert "120385-4321" not in shown and shown.endswith("120385-****…")
    # a short text is shown whole, as it is
    assert _excerpt("Du får 120385-43212026 kr.") == "Du får 120385-43212026 kr."
