"""--annotate: a Word comment on every finding, anchored on exactly the finding's words."""
from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from auditutil import LETTER_01, load_json, snapshot

pytestmark = pytest.mark.model


def commented_texts(path) -> dict[int, str]:
    """Comment id -> the text of the runs between its commentRangeStart and commentRangeEnd."""
    d = docx.Document(str(path))
    open_ids: set[int] = set()
    texts: dict[int, list[str]] = {}
    body = d.element.body
    for el in body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t"), qn("w:tab"), qn("w:p")):
        if el.tag == qn("w:commentRangeStart"):
            cid = int(el.get(qn("w:id")))
            open_ids.add(cid)
            texts.setdefault(cid, [])
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(el.get(qn("w:id"))))
        elif el.tag == qn("w:p"):
            for cid in open_ids:
                if texts[cid]:
                    texts[cid].append("\n\n")
        else:
            for cid in open_ids:
                texts[cid].append(el.text if el.tag == qn("w:t") else "\t")
    return {cid: "".join(parts).strip() for cid, parts in texts.items()}


def _norm(s: str) -> str:
    return " ".join(s.split())


def _tricky_docx(path):
    """A letter whose runs split words in awkward places, with a list, a table and a merge field."""
    d = docx.Document()
    d.add_heading("Vedrørende Deres ansøgning om særlig støtte", 1)
    p = d.add_paragraph()
    for piece, bold in (("Under hen", False), ("visning til ", True), ("Deres ansøgning af 3. oktober 2026 ", False),
                        ("skal undertegnede hermed meddele, at De ", False), ("bevilges", True),
                        (" særlig støtte i henhold til lov om aktiv socialpolitik § 34, stk. 1.", False)):
        p.add_run(piece).bold = bold
    body = (LETTER_01 / "before.txt").read_text(encoding="utf-8").split("\n\n")
    for block in body[3:6]:
        d.add_paragraph(block)
    d.add_paragraph("De skal sende kontoudtog, som skal være modtaget af kommunen.", style="List Bullet")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Sagsnummer"
    t.cell(0, 1).text = "Udbetalingen foretages af Ydelsescenteret, og beløbet overføres til Deres NemKonto."
    for block in body[6:]:
        d.add_paragraph(block)
    d.save(path)


def test_annotated_copy_has_a_comment_on_the_words_of_every_finding(tmp_path, audit):
    root = tmp_path / "breve"
    root.mkdir()
    _tricky_docx(root / "brev.docx")
    (root / "noter.txt").write_text("Du får svar\n\nVi har fået din ansøgning.", encoding="utf-8")
    before = snapshot(root)
    out = tmp_path / "rapport"
    assert audit(root, out, "--annotate") == 0
    assert snapshot(root) == before
    assert sorted(p.name for p in (out / "annoteret").rglob("*")) == ["brev.docx"]   # only .docx get a copy

    entry = next(t for t in load_json(out)["templates"] if t["path"] == "brev.docx")
    findings = entry["report"]["findings"]
    assert len(findings) > 10
    assert entry["comments_added"] == len(findings)

    annotated = docx.Document(str(out / "annoteret" / "brev.docx"))
    comments = list(annotated.comments)
    assert len(comments) == len(findings)
    assert all(c.author == "letterlab" and c.initials == "LL" for c in comments)
    covered = commented_texts(out / "annoteret" / "brev.docx")
    by_id = {c.comment_id: c for c in comments}
    pairs = sorted(((c.text.split("\n")[0], covered[cid]) for cid, c in by_id.items()))
    expected = sorted((f["message"], f["text"]) for f in findings)
    assert len(pairs) == len(expected)
    for (msg, got), (want_msg, want_text) in zip(pairs, expected):
        assert msg.endswith(want_msg)
        assert _norm(got) == _norm(want_text.replace("• ", "")), (want_msg, got, want_text)

    opening = next(f for f in findings if f["rule"] == "klart-budskab.forsinket-indledning")
    assert opening["text"] == "Under henvisning til"
    assert ("Under henvisning til" in covered.values())

    # The annotated copy still reads as the same letter.
    from letterlab.readers import read_document

    assert read_document(out / "annoteret" / "brev.docx").text == read_document(root / "brev.docx").text


def test_split_run_keeps_formatting_and_text():
    from letterlab.audit.annotate import _run_length, _split_run

    d = docx.Document()
    p = d.add_paragraph()
    r = p.add_run("Hej\tmed dig")
    r.bold = True
    right = _split_run(r._r, 6)
    assert (_run_length(r._r), _run_length(right)) == (6, 5)
    assert p.text == "Hej\tmed dig"
    assert [run.text for run in p.runs] == ["Hej\tme", "d dig"]
    assert all(run.bold for run in p.runs)


def test_comments_are_short_and_explain_each_rule_once(tmp_path, audit):
    root = tmp_path / "breve"
    root.mkdir()
    _tricky_docx(root / "brev.docx")
    out = tmp_path / "rapport"
    assert audit(root, out, "--annotate") == 0
    entry = next(t for t in load_json(out)["templates"] if t["path"] == "brev.docx")
    rules = [f["rule"] for f in entry["report"]["findings"]]
    repeated = {r for r in rules if rules.count(r) > 1}
    assert repeated, "the test letter should have a rule with more than one finding"
    comments = list(docx.Document(str(out / "annoteret" / "brev.docx")).comments)
    explained = [c for c in comments if "Hvorfor?" in c.text]
    assert len(explained) <= len(set(rules))
    assert sum(1 for c in comments if "Se forklaringen" in c.text) >= len(rules) - len(set(rules))
    # the explanation is written once per rule, so no two comments carry the same long text
    long = [c.text for c in comments if len(c.text) > 200]
    assert len(long) == len(set(long))


def test_annotate_without_docx_says_so_and_leaves_no_empty_folder(tmp_path, audit, capsys):
    root = tmp_path / "breve"
    root.mkdir()
    (root / "brev.txt").write_text("Kære Anne\n\nDin ansøgning behandles af kommunen.\n", encoding="utf-8")
    out = tmp_path / "rapport"
    assert audit(root, out, "--annotate") == 0
    err = capsys.readouterr().err
    assert ".docx" in err and "ingen" in err
    assert not (out / "annoteret").exists()
