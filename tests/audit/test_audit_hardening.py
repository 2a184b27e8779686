"""Hostile folders: links out of the folder, FIFOs, undecodable and bidi file names, a letter that is not text."""
from __future__ import annotations

import json
import os

import pytest

from auditutil import LETTER_02, by_path, load_json

pytestmark = pytest.mark.model


@pytest.fixture
def hostile(tmp_path):
    root = tmp_path / "mappe"
    root.mkdir()
    good = (LETTER_02 / "after.txt").read_text(encoding="utf-8")
    (root / "god.txt").write_text(good, encoding="utf-8")
    secret = tmp_path / "hemmelig.txt"
    secret.write_text("HEMMELIGT-INDHOLD uden for mappen. " + good, encoding="utf-8")
    os.symlink(secret, root / "genvej.txt")
    os.symlink(root / "god.txt", root / "genvej-inde.txt")      # a link inside the folder is fine
    os.mkfifo(root / "roer.txt")
    bad = os.fsencode(str(root)) + b"/navn-\xff\xfe.txt"
    with open(bad, "wb") as fh:
        fh.write(good.encode("utf-8"))
    (root / "faktura\u202etxt.exe.txt").write_text(good, encoding="utf-8")
    return root


def test_hostile_folder_every_file_reported_nothing_outside_read(tmp_path, hostile, audit):
    out = tmp_path / "rapport"
    assert audit(hostile, out) == 0
    rep = load_json(out)
    rows = by_path(rep)
    assert len(rows) == 6
    assert rows["genvej.txt"]["status"] == "error" and rows["genvej.txt"]["error"]["code"] == "outside"
    assert rows["roer.txt"]["status"] == "error" and rows["roer.txt"]["error"]["code"] == "not_regular"
    assert rows["genvej-inde.txt"]["status"] == "analysed"
    assert rows["navn-\ufffd\ufffd.txt"]["status"] == "analysed"
    assert rows["faktura\ufffdtxt.exe.txt"]["status"] == "analysed"
    for name in ("report.html", "report.json", "report.csv"):
        blob = (out / name).read_bytes()
        blob.decode("utf-8")                                   # valid UTF-8
        assert b"HEMMELIGT" not in blob
        assert "\u202e".encode() not in blob
    # the history holds the safe names too, and a second run compares with them
    assert audit(hostile, tmp_path / "r2") == 0
    assert {t["new_since_last_run"] for t in load_json(tmp_path / "r2")["templates"]} == {False}


def test_check_json_on_an_undecodable_name_is_valid_utf8(tmp_path):
    import subprocess
    import sys

    good = (LETTER_02 / "after.txt").read_bytes()
    bad = os.fsencode(str(tmp_path)) + b"/brev-\xff.txt"
    with open(bad, "wb") as fh:
        fh.write(good)
    run = subprocess.run([sys.executable, "-m", "letterlab", "check", bad, "--format", "json"],
                         capture_output=True, timeout=120)
    assert run.returncode in (0, 1), run.stderr[-500:]
    out = json.loads(run.stdout.decode("utf-8"))               # strict: raises on invalid UTF-8
    assert out["reports"][0]["source"].endswith("brev-\ufffd.txt")


def test_check_refuses_a_fifo_with_a_danish_message(tmp_path):
    import subprocess
    import sys

    fifo = tmp_path / "roer.txt"
    os.mkfifo(fifo)
    run = subprocess.run([sys.executable, "-m", "letterlab", "check", str(fifo)], capture_output=True, timeout=60,
                         text=True)
    assert run.returncode == 2
    assert "ikke en almindelig fil" in run.stderr


def test_a_file_over_the_time_limit_gets_a_row_and_the_others_carry_on(tmp_path, audit):
    """Before the worker pool the audit had no time limit: one slow file held its worker for as long as it took."""
    root = tmp_path / "mappe"
    root.mkdir()
    good = (LETTER_02 / "after.txt").read_text(encoding="utf-8")
    for i in range(3):
        (root / f"god-{i}.txt").write_text(good, encoding="utf-8")
    from letterlab.core import MAX_TOKENS, token_estimate

    # as long as the token limit lets in (about 3 s of CPU on a quiet core, far over the 1 s limit)
    slow = (good + "\n\n") * (MAX_TOKENS // token_estimate(good + "\n\n"))
    assert token_estimate(slow) <= MAX_TOKENS
    (root / "langsom.txt").write_text(slow, encoding="utf-8")
    out = tmp_path / "rapport"
    # no cache: the workers load the pipeline before they take work, so the limit is the files' own
    assert audit(root, out, "--jobs", "2", "--time-limit", "1", cache=False) == 0
    rows = by_path(load_json(out))
    assert rows["langsom.txt"]["status"] == "error"
    assert rows["langsom.txt"]["error"]["code"] == "too_slow"
    assert "for lang tid" in rows["langsom.txt"]["error"]["message"]
    assert [rows[f"god-{i}.txt"]["status"] for i in range(3)] == ["analysed"] * 3
    assert "for lang tid" in (out / "report.html").read_text(encoding="utf-8")


def test_report_html_embeds_only_scored_letters_and_at_most_max_embed_characters(tmp_path, audit):
    """#15 item 7: report.html embedded every full text (353 MB for four 27 MB files), scored or not."""
    import re

    from letterlab.audit.html import MAX_EMBED

    root = tmp_path / "mappe"
    root.mkdir()
    good = (LETTER_02 / "after.txt").read_text(encoding="utf-8")
    body = good.split("\n\n")
    long_letter = "\n\n".join(body[:-1] + body[1:-1] * (MAX_EMBED // len(good) + 2))
    long_letter += "\n\nHALESTYKKE\n\n" + body[-1]
    assert len(long_letter) > MAX_EMBED + 1000 and long_letter.index("HALESTYKKE") > MAX_EMBED
    (root / "langt.txt").write_text(long_letter, encoding="utf-8")
    (root / "graesk.txt").write_text("Κύριε Παπαδόπουλε, σας ενημερώνουμε ΞΕΝΟΚΕΙΜΕΝΟ για την αίτησή σας.",
                                     encoding="utf-8")
    out = tmp_path / "rapport"
    assert audit(root, out, "--time-limit", "300") == 0          # a busy machine must not stop the long letter
    rows = by_path(load_json(out))
    assert rows["langt.txt"]["status"] == "analysed" and rows["graesk.txt"]["status"] != "analysed"
    page = (out / "report.html").read_text(encoding="utf-8")
    letters = re.findall(r'<div class="brev">(.*?)</div>', page, re.S)
    assert len(letters) == 1                                   # only the scored letter is shown
    shown = re.sub(r"<[^>]+>", "", letters[0])
    assert len(shown) <= MAX_EMBED + 500 and "HALESTYKKE" not in shown   # escapes may lengthen it a little
    assert "Vi viser kun de første" in page
    assert "ΞΕΝΟΚΕΙΜΕΝΟ" not in page
