"""End to end through ``letterlab audit``: bad input, exit status, nothing written outside --out, cache, history."""
from __future__ import annotations

import json

import pytest

from auditutil import SECRET_SENTENCE, by_path, load_json, snapshot

pytestmark = pytest.mark.model

EXPECTED_ERRORS = {
    "oedelagt.docx": ("corrupt", "Vi kan ikke åbne filen. Den er måske ødelagt. Åbn den i Word, gem den igen, og prøv igen."),
    "kode.docx": ("encrypted", "Filen er beskyttet med adgangskode. Fjern adgangskoden i Word, og prøv igen."),
    "gammel.doc": ("unsupported_doc", "Filen er et gammelt Word-dokument (.doc). Åbn den i Word, gem den som .docx, og prøv igen."),
    "tom.txt": ("empty", "Filen er tom."),
    "bombe.docx": ("zip_bomb", "Vi åbner ikke filen. Den bliver alt for stor, når vi pakker den ud, og den kan være skadelig."),
}


def test_bad_input_every_file_gets_a_row_and_nothing_outside_out_is_written(tmp_path, bad_folder, audit, capsys,
                                                                             _private_home):
    before_src = snapshot(bad_folder)
    before_all = {p for p in snapshot(tmp_path)}
    out = tmp_path / "rapport"

    status = audit(bad_folder, out)

    # Unreadable files do not by themselves change the exit status.
    assert status == 0
    rep = load_json(out)
    rows = by_path(rep)
    assert sorted(rows) == sorted(before_src)
    for name, (code, message) in EXPECTED_ERRORS.items():
        assert rows[name]["status"] == "error", name
        assert rows[name]["error"] == {"code": code, "message": message}
        assert rows[name]["report"] is None
    for name in ("god.docx", "god.txt", "stor.docx", "entitet.html"):
        assert rows[name]["status"] == "analysed", name
        assert rows[name]["report"]["scores"]["overall"] is not None
    assert rep["run"]["errors"] == len(EXPECTED_ERRORS)
    assert rep["run"]["files"] == len(before_src)
    # The external entity was never expanded.
    for f in ("report.json", "report.html", "report.csv"):
        assert "HEMMELIGT-INDHOLD" not in (out / f).read_text(encoding="utf-8-sig")
    err = capsys.readouterr().err
    assert "5 kan ikke læses" in err and "kode.docx: Filen er beskyttet med adgangskode" in err

    # The source folder is untouched; the only new files are in --out and the state folder.
    assert snapshot(bad_folder) == before_src
    new = {p for p in snapshot(tmp_path)} - before_all
    assert new and all(p.startswith(("rapport/", "state/")) for p in new), new
    assert sorted(p.name for p in out.iterdir()) == ["report.csv", "report.html", "report.json"]
    assert not any(_private_home.rglob("*"))


def test_default_cache_and_history_go_to_the_user_folders(tmp_path, good_folder, _private_home):
    from letterlab.cli import main

    out = tmp_path / "rapport"
    assert main(["audit", str(good_folder), "--out", str(out), "--progress", "never"]) == 0
    made = sorted(str(p.relative_to(_private_home)) for p in _private_home.rglob("*.sqlite"))
    assert made == [".cache/letterlab/audit-cache.sqlite", ".local/share/letterlab/audit-history.sqlite"]


def test_cache_and_history_never_hold_letter_text(tmp_path, good_folder, audit):
    assert audit(good_folder, tmp_path / "rapport") == 0
    rep = load_json(tmp_path / "rapport")
    text = json.dumps(rep, ensure_ascii=False)
    assert "Under henvisning til" in text        # the report itself quotes the letter ...
    for needle in (SECRET_SENTENCE, "Under henvisning til", "oppebærer", "Ydelsescenteret"):
        for f in audit.state.iterdir():           # ... but the cache and history files never do
            blob = f.read_bytes()
            assert needle.encode("utf-8") not in blob, (needle, f.name)
            assert needle.encode("utf-16-le") not in blob, (needle, f.name)


def test_second_run_uses_the_cache_and_gives_the_same_reports(tmp_path, good_folder, audit, monkeypatch):
    assert audit(good_folder, tmp_path / "r1") == 0
    first = load_json(tmp_path / "r1")
    assert not any(t["from_cache"] for t in first["templates"])

    import letterlab.core

    def no_analysis(*a, **k):
        raise AssertionError("the second run analysed a file again")

    monkeypatch.setattr(letterlab.core, "analyse_many", no_analysis)
    assert audit(good_folder, tmp_path / "r2") == 0
    second = load_json(tmp_path / "r2")
    assert all(t["from_cache"] for t in second["templates"])
    assert [t["report"] for t in first["templates"]] == [t["report"] for t in second["templates"]]
    assert second["run"]["from_cache"] == len(second["templates"])


def test_changed_file_is_analysed_again(tmp_path, good_folder, audit):
    assert audit(good_folder, tmp_path / "r1") == 0
    txt = good_folder / "hjaelpemidler" / "scooter.txt"
    txt.write_text(txt.read_text(encoding="utf-8") + "\n\nDu kan ringe til os.\n", encoding="utf-8")
    assert audit(good_folder, tmp_path / "r2") == 0
    cached = {t["path"]: t["from_cache"] for t in load_json(tmp_path / "r2")["templates"]}
    assert cached.pop("hjaelpemidler/scooter.txt") is False
    assert all(cached.values())


def test_no_cache_analyses_everything_and_stores_nothing(tmp_path, good_folder, audit):
    assert audit(good_folder, tmp_path / "r1", cache=False) == 0
    assert audit(good_folder, tmp_path / "r2", cache=False) == 0
    assert not any(t["from_cache"] for t in load_json(tmp_path / "r2")["templates"])
    assert not audit.cache.exists()


def test_history_shows_change_and_trend(tmp_path, good_folder, audit):
    assert audit(good_folder, tmp_path / "r1") == 0
    first = by_path(load_json(tmp_path / "r1"))
    assert all(t["change_since_last_run"] is None for t in first.values())
    html1 = (tmp_path / "r1" / "report.html").read_text(encoding="utf-8")
    assert "Det er første gang, vi tjekker mappen." in html1

    # The officialese letter is rewritten in plain Danish, and a new template arrives.
    txt = good_folder / "hjaelpemidler" / "scooter.txt"
    txt.write_text((good_folder / "hjaelpemidler" / "scooter-ny.md").read_text(encoding="utf-8"), encoding="utf-8")
    (good_folder / "ny.txt").write_text("Du får svar\n\nVi har fået din ansøgning. Du får svar senest den 1. maj.\n",
                                        encoding="utf-8")
    assert audit(good_folder, tmp_path / "r2") == 0
    assert audit(good_folder, tmp_path / "r3") == 0
    rep2 = load_json(tmp_path / "r2")
    rows = by_path(rep2)
    assert rows["hjaelpemidler/scooter.txt"]["change_since_last_run"] > 20
    assert rows["ny.txt"]["new_since_last_run"] is True
    assert rows["ydelser/husleje-foer.docx"]["change_since_last_run"] == 0
    trend = load_json(tmp_path / "r3")["summary"]["trend"]
    assert len(trend) == 3
    assert trend[1]["mean_score"] > trend[0]["mean_score"]
    html2 = (tmp_path / "r2" / "report.html").read_text(encoding="utf-8")
    assert "Siden sidst har 1 skabeloner fået en bedre score, og 0 har fået en dårligere score. 1 er nye." in html2
    assert 'aria-label="Gennemsnitlig score ved hver kørsel"' in html2
    csv_text = (tmp_path / "r2" / "report.csv").read_text(encoding="utf-8-sig")
    line = next(l for l in csv_text.splitlines() if l.startswith("hjaelpemidler/scooter.txt;"))
    assert line.split(";")[3].startswith("+")
    assert next(l for l in csv_text.splitlines() if l.startswith("ny.txt;")).split(";")[3] == "ny"


def test_no_history_writes_no_history(tmp_path, good_folder, audit):
    assert audit(good_folder, tmp_path / "r1", history=False) == 0
    assert not audit.history.exists()
    html = (tmp_path / "r1" / "report.html").read_text(encoding="utf-8")
    assert "Du har slået historikken fra." in html


def test_exit_status(tmp_path, good_folder, bad_folder, audit, capsys):
    out = tmp_path / "r"
    assert audit(good_folder, out, "--fail-under", "0") == 0
    assert audit(good_folder, out, "--fail-under", "90") == 1      # the officialese letters score far lower
    assert "under 90" in capsys.readouterr().err
    assert audit(good_folder, out, "--fail-on", "error") == 1
    after_only = tmp_path / "kun-efter"
    after_only.mkdir()
    (after_only / "brev.md").write_text((good_folder / "hjaelpemidler" / "scooter-ny.md").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    assert audit(after_only, out, "--fail-under", "50") == 0
    for severity in ("error", "warning", "info"):
        status = audit(after_only, out, "--fail-on", severity)
        worst = {t["report"]["scores"]["worst_severity"] for t in load_json(out)["templates"]}
        rank = ["info", "warning", "error"]
        expected = any(w and rank.index(w) >= rank.index(severity) for w in worst)
        assert status == (1 if expected else 0), (severity, worst)
    from letterlab.ruleset import default_ruleset

    all_off = [a for p in sorted({r.id.split(".")[0] for r in default_ruleset().rules}) for a in ("--disable", p)]
    assert audit(after_only, out, "--fail-on", "info", *all_off) == 0
    # Unreadable files alone never fail the run.
    assert audit(bad_folder, out, "--exclude", "god.*", "--exclude", "stor.docx", "--exclude", "entitet.html") == 0
    # Could not run: 2.
    assert audit(tmp_path / "findes-ikke", out) == 2
    assert "findes ikke" in capsys.readouterr().err
    empty = tmp_path / "tom-mappe"
    empty.mkdir()
    assert audit(empty, out) == 2
    assert "Vi fandt ingen breve" in capsys.readouterr().err
    broken = tmp_path / "regler"
    broken.mkdir()
    (broken / "fejl.toml").write_text('[[rule]]\nid = "min.regel"\nkind = "findes-ikke"\n', encoding="utf-8")
    assert audit(good_folder, out, "--rules", str(broken)) == 2
    assert audit(good_folder, good_folder) == 2                     # the report may not go into the folder itself
    with pytest.raises(SystemExit) as exc:
        audit(good_folder, out, "--csv-sep", "|")
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        audit(good_folder, out, "--fail-under", "mange")
    assert exc.value.code == 2


def test_out_inside_the_audited_folder_is_skipped(tmp_path, good_folder, audit):
    out = good_folder / "rapport"
    before = snapshot(good_folder)
    assert audit(good_folder, out) == 0
    assert audit(good_folder, out) == 0      # the first run's report.html is not audited as a letter
    assert len(load_json(out)["templates"]) == 4
    after = {k: v for k, v in snapshot(good_folder).items() if not k.startswith("rapport/")}
    assert after == before


def test_pool_gives_the_same_result_as_one_process(tmp_path, good_folder, audit):
    for i in range(3):   # enough files for two chunks
        (good_folder / f"kopi{i}").mkdir()
        for p in (good_folder / "hjaelpemidler").iterdir():
            (good_folder / f"kopi{i}" / p.name).write_bytes(p.read_bytes())
    assert audit(good_folder, tmp_path / "r1", "--jobs", "1", cache=False, history=False) == 0
    assert audit(good_folder, tmp_path / "r2", "--jobs", "2") == 0
    one, two = load_json(tmp_path / "r1"), load_json(tmp_path / "r2")
    assert two["run"]["jobs"] == 2
    if one["run"]["ruleset_version"] != two["run"]["ruleset_version"]:
        pytest.skip("the rule files changed between the two runs")
    assert [t["report"] for t in one["templates"]] == [t["report"] for t in two["templates"]]
    assert audit(good_folder, tmp_path / "r3", "--jobs", "2") == 0
    three = load_json(tmp_path / "r3")
    assert all(t["from_cache"] for t in three["templates"])
    assert [t["report"] for t in three["templates"]] == [t["report"] for t in two["templates"]]


def test_model_that_cannot_load_is_exit_2(tmp_path, good_folder, audit, capsys):
    assert audit(good_folder, tmp_path / "r", "--model", str(tmp_path / "ingen-model")) == 2
    assert "Vi kan ikke finde modellen" in capsys.readouterr().err


def test_progress_bar_only_when_asked_or_on_a_terminal(tmp_path, good_folder, audit, capsys):
    assert audit(good_folder, tmp_path / "r") == 0          # stderr is not a terminal here
    assert "Tjekker breve" not in capsys.readouterr().err
    from letterlab.cli import main

    assert main(["audit", str(good_folder), "--out", str(tmp_path / "r"), "--progress", "always",
                 "--cache", str(audit.cache), "--no-history"]) == 0
    err = capsys.readouterr().err
    assert "Tjekker breve" in err and "4/4" in err


def test_too_large_file_gets_a_row_without_being_read(tmp_path, good_folder, audit, monkeypatch):
    import letterlab.readers.api

    monkeypatch.setattr(letterlab.readers.api, "DEFAULT_MAX_BYTES", 1000)
    assert audit(good_folder, tmp_path / "r", "--jobs", "1") == 0
    rows = {t["path"]: t for t in load_json(tmp_path / "r")["templates"]}
    big = rows["ydelser/husleje-foer.docx"]
    assert big["status"] == "error" and big["error"]["code"] == "too_large"
    assert big["error"]["message"] == "Filen er for stor. Den må højst fylde 1 kB."


def test_a_letter_that_breaks_the_analysis_gets_an_error_row(tmp_path, good_folder, audit, monkeypatch):
    import letterlab.core

    real = letterlab.core._analyse_doc

    def fragile(doc, document, *a, **k):
        if "NemKonto" in document.text:
            raise RuntimeError("boom")
        return real(doc, document, *a, **k)

    monkeypatch.setattr(letterlab.core, "_analyse_doc", fragile)
    assert audit(good_folder, tmp_path / "r", cache=False) == 0
    rows = {t["path"]: t for t in load_json(tmp_path / "r")["templates"]}
    broken = [p for p, t in rows.items() if t["status"] == "error"]
    assert broken and all(rows[p]["error"]["code"] == "crash" for p in broken)
    assert any(t["status"] == "analysed" for t in rows.values())
