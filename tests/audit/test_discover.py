"""File discovery: recursion, globs, stable order, what is left out."""
from __future__ import annotations

from letterlab.audit.discover import discover, matches


def _tree(root, names):
    for n in names:
        p = root / n
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")


def test_recursive_sorted_and_only_letter_files(tmp_path):
    _tree(tmp_path, ["b.docx", "A/z.txt", "A/a.md", "c.HTML", "d.htm", "e.odt", "gammel.doc", "noter.toml",
                     "billede.png", ".skjult.docx", ".git/x.txt", "~$brev.docx", "B/C/dyb.docx"])
    rels = [f.rel for f in discover(tmp_path)]
    assert rels == ["A/a.md", "A/z.txt", "b.docx", "B/C/dyb.docx", "c.HTML", "d.htm", "e.odt", "gammel.doc"]
    assert discover(tmp_path) == discover(tmp_path)


def test_include_and_exclude_globs(tmp_path):
    _tree(tmp_path, ["ydelser/a.docx", "ydelser/arkiv/gl.docx", "ydelser/b.txt", "byg/c.docx", "byg/kladde-d.docx"])
    assert [f.rel for f in discover(tmp_path, include=["*.docx"])] == [
        "byg/c.docx", "byg/kladde-d.docx", "ydelser/a.docx", "ydelser/arkiv/gl.docx"]
    assert [f.rel for f in discover(tmp_path, include=["ydelser/*"])] == ["ydelser/a.docx", "ydelser/b.txt"]
    assert [f.rel for f in discover(tmp_path, include=["ydelser/**/*.docx"])] == ["ydelser/a.docx", "ydelser/arkiv/gl.docx"]
    assert [f.rel for f in discover(tmp_path, exclude=["arkiv", "kladde-*"])] == [
        "byg/c.docx", "ydelser/a.docx", "ydelser/b.txt"]
    assert [f.rel for f in discover(tmp_path, include=["*.docx"], exclude=["byg/**"])] == [
        "ydelser/a.docx", "ydelser/arkiv/gl.docx"]


def test_skip_folder(tmp_path):
    _tree(tmp_path, ["a.txt", "rapport/report.html"])
    assert [f.rel for f in discover(tmp_path, skip=[tmp_path / "rapport"])] == ["a.txt"]


def test_glob_matching():
    assert matches("a/b/c.docx", ["**/*.docx"])
    assert matches("c.docx", ["**/*.docx"])
    assert not matches("a/c.docx", ["a/*.txt"])
    assert matches("a/[x]y.txt", ["a/[[]x]y.txt"])
    assert not matches("ab/c.txt", ["a?/d*"])
