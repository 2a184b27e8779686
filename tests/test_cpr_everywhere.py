"""A planted CPR number (in the text, a file name, a table, a header and a comment) is never shown in full.

Every output is checked: check (text and JSON), rewrite --format json (its findings and suggestions; the
rewritten letter itself keeps the number: a rewrite never loses content), the audit's report.json,
report.html, report.csv, cache, history and annotated .docx comments, fresh and rebuilt from the cache.
The web page and API are checked in tests/web/test_web_hardening.py.
"""
from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from pathlib import Path

import docx
import pytest

pytestmark = pytest.mark.model

CPRS = ["120385-4321", "1203854321", "020791-1357", "150660-2468", "311299-9753"]
FULL = re.compile("|".join(CPRS))

LETTER = f"""Kære Anna Hansen (CPR-nr. {CPRS[0]})

Under henvisning til Deres ansøgning af 3. marts skal det oplyses, at ansøgningen vedrørende {CPRS[0]} er blevet behandlet af kommunen, og at der er truffet afgørelse om, at De ikke er berettiget til hjælp, idet Deres indtægt overstiger grænsen, hvilket fremgår af de oplysninger, som er blevet indsendt af Dem i forbindelse med sagen om {CPRS[1]}.

Du får afslag på hjælp til husleje. Beslutningen er truffet af kommunen efter reglerne.

Med venlig hilsen
Kommunen
"""


def letter_docx(path: Path) -> Path:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = f"Sag om borger {CPRS[3]}"
    for block in LETTER.split("\n\n"):
        d.add_paragraph(block)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "CPR-nummer"
    table.cell(0, 1).text = f"Dit CPR-nummer er {CPRS[2]}, og det er blevet registreret af os."
    p = d.paragraphs[1]
    d.add_comment(p.runs, text=f"Tjek {CPRS[4]}", author="Sagsbehandler")
    d.save(path)
    return path


def leaks(blob: str) -> list[str]:
    return FULL.findall(blob)


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "breve"
    root.mkdir()
    (root / f"afslag {CPRS[0]}.txt").write_text(LETTER, encoding="utf-8")
    letter_docx(root / f"brev-{CPRS[1]}.docx")
    return root


def test_check_text_and_json_never_show_a_full_cpr(folder, capsys):
    from letterlab.cli import main

    files = sorted(str(p) for p in folder.iterdir())
    main(["check", *files, "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert len(out["reports"]) == 2
    assert sum(len(r["findings"]) for r in out["reports"]) > 5
    assert leaks(json.dumps(out, ensure_ascii=False)) == []
    main(["check", *files, "--colour", "never"])
    assert leaks(capsys.readouterr().out) == []


def test_rewrite_json_and_the_rewritten_letter_hold_no_full_cpr(folder, capsys):
    from letterlab.cli import main

    main(["rewrite", str(folder / f"afslag {CPRS[0]}.txt"), "--apply", "all", "--format", "json"])
    out = json.loads(capsys.readouterr().out)

    def strip_texts(node):
        if isinstance(node, dict):
            return {k: strip_texts(v) for k, v in node.items() if k not in ("text", "diff") or k == "text"
                    and not isinstance(v, str) or len(str(v)) < 200}
        if isinstance(node, list):
            return [strip_texts(v) for v in node]
        return node

    assert leaks(json.dumps(strip_texts(out), ensure_ascii=False)) == []
    rewritten = json.dumps(out, ensure_ascii=False)
    assert leaks(rewritten) == [] and "{cpr}" in out["text"]     # the rewritten letter holds a merge field (#13)


def test_audit_outputs_cache_and_history_never_hold_a_full_cpr(tmp_path, folder):
    from letterlab.cli import main

    state = tmp_path / "state"
    for run in ("r1", "r2"):          # r2 is rebuilt from the cache
        out = tmp_path / run
        assert main(["audit", str(folder), "--out", str(out), "--progress", "never", "--annotate",
                     "--cache", str(state / "c.sqlite"), "--history", str(state / "h.sqlite")]) == 0
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        assert [t["status"] for t in report["templates"]] == ["analysed", "analysed"]
        assert report["run"]["from_cache"] == (2 if run == "r2" else 0)
        for name in ("report.json", "report.html", "report.csv"):
            assert leaks((out / name).read_text(encoding="utf-8-sig")) == [], (run, name)
        annotated = list((out / "annoteret").rglob("*.docx"))
        assert len(annotated) == 1 and leaks(annotated[0].name) == []
        with zipfile.ZipFile(annotated[0]) as zf:
            comments = zf.read("word/comments.xml").decode("utf-8")
        ours = [c for c in re.findall(r"<w:comment .*?</w:comment>", comments, re.S) if "letterlab" in c]
        assert ours and leaks("".join(ours)) == []
    for db in state.glob("*.sqlite"):
        con = sqlite3.connect(db)
        dump = "\n".join(con.iterdump())
        con.close()
        assert leaks(dump) == [], db.name


def test_history_written_before_masking_is_cleaned(tmp_path):
    from letterlab.audit.history import History

    path = tmp_path / "h.sqlite"
    h = History(path)
    run = h.start_run(f"/sager/{CPRS[0]}", "1", "m", "brev")
    h.add_templates(run, [{"path": f"brev {CPRS[1]}.txt", "sha256": "x", "status": "analysed", "error_code": None,
                           "overall": 80, "lix": 40, "passive_share": 0.1, "jargon_count": 0, "message_first": 1,
                           "words": 100, "findings": 1, "counts": {}}])
    h.db.execute("PRAGMA user_version = 0")          # as an older letterlab left it
    h.db.commit()
    h.close()
    h = History(path)
    dump = "\n".join(h.db.iterdump())
    h.close()
    assert leaks(dump) == [] and "120385-****" in dump


def test_check_error_lines_mask_the_name(tmp_path, capsys):
    from letterlab.cli import main

    bad = tmp_path / f"tom {CPRS[0]}\u202e.txt"
    bad.write_bytes(b"")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Filen er tom" in err and leaks(err) == [] and "\u202e" not in err
