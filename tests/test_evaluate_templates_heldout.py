"""The held-out and development template sets (corpora/templates-heldout1..9, -dev3, -dev4): gold and accuracy guards.

Two Danish editors each wrote 20 templates blind (see each set's README.md). First contact gave
- heldout1: heading 17/20, message-first 17/18, genre 14/19, appeal 19/20, message sentence 14/18,
  1.25 warnings per good plain letter;
- heldout2 (reading at 06f2a0c): heading 16/20, message-first 16/19, genre 16/19, appeal 18/20,
  message sentence 14/19, 0.8 warnings per good plain letter.
- heldout3 (main abafba8): heading 17/20, message-first 14/19, genre 15/19, appeal 18/20,
  message sentence 11/19, 1.17 warnings per good plain letter; its guards are these first-contact figures.
- templates-dev4 is not blind either: the reading4 helper wrote it in shapes the other sets under-represent.
- templates-dev3 is not blind: the reading3 helper wrote it to exercise the general causes it found on the
  odd half of heldout3 (see its README.md).
The guards of sets 1 and 2 are what the `reading` branch reached after fixing the general causes; keep them,
never raise them above what is reached, and do not tune against these letters' wording (a new blind
set judges that).
"""
from __future__ import annotations

import importlib.util
import tomllib

import pytest

from letterlab.evaluate_templates import find_spans, gold_strings, load_set, miss_table, read_text
from testutil import ROOT

BUILD = ROOT / "corpora" / "templates" / "build.py"

# --- the guards, in one place: what the reading branch reached on each set ------------------------
GUARDS = {
    "templates-heldout1": {
        "min_accuracy": {"heading": 1.0, "message_first": 1.0, "genre": 1.0, "appeal": 1.0,
                         "message_sentence": 1.0, "cannot_judge": 1.0},
        "max_plain_warnings_per_letter": 0.0,
    },
    "templates-heldout2": {
        "min_accuracy": {"heading": 1.0, "message_first": 1.0, "genre": 1.0, "appeal": 1.0,
                         "message_sentence": 0.94, "cannot_judge": 1.0},
        "max_plain_warnings_per_letter": 0.6,
    },
    # Set 3 (third editor): first contact on main abafba8 was heading 0.85, message-first 0.74, genre 0.79,
    # appeal 0.9, message sentence 0.58, 1.17 warnings; these are the figures after session 6 (see its README:
    # the even half was blind to the reading3 branch, and then read by the coordinator).
    # after reading4 (heldout3 02, 12 and 20 read; 12's genre gold, "opkraevning" for a "2. rykker", is left as a
    # judgement call: letterlab calls a rykker a paamindelse, as genres.py defines it)
    "templates-heldout3": {
        "min_accuracy": {"heading": 1.0, "message_first": 1.0, "genre": 0.94, "appeal": 1.0,
                         "message_sentence": 1.0, "cannot_judge": 1.0},
        "max_plain_warnings_per_letter": 0.34,
    },
    # The reading3 helper's own development set (24 templates, not blind): written in the shapes of the general
    # causes found on heldout3's odd half; first contact on main b3b3f14 was heading 22/24, message-first 12/22,
    # genre 16/22, appeal 22/24, message sentence 10/22, 0.73 warnings per good plain letter (2 errors).
    "templates-dev3": {
        "size": 24,
        "min_accuracy": {"heading": 1.0, "message_first": 1.0, "genre": 1.0, "appeal": 1.0,
                         "message_sentence": 1.0, "cannot_judge": 1.0},
        "max_plain_warnings_per_letter": 0.15,
    },
    # The reading4 helper's development set (20 templates in shapes the other sets under-represent, not blind):
    # first contact on b68b0b2 was heading 16/20 (17/20 after a gold artefact was fixed), message-first 16/19,
    # genre 18/19, appeal 17/20, message sentence 16/19, cannot judge 0/1, 0.86 warnings and 6 errors on 14 good
    # plain letters. The warnings left are sentence-level (passive, kancellisprog), none about the whole letter.
    # Set 4 (fourth editor, blind): first contact on main b68b0b2 was heading 18/20, message-first 14/18, genre
    # 17/18, appeal 19/20, message sentence 13/18, 1.0 warnings per good plain letter; unchanged after the session-7
    # branches; these are the figures after the coordinator's general fixes (see its README: no longer blind).
    # session 8: 19/20, 18/18, 18/18, 20/20, 16/18 and 0.0 warnings after the coordinator's general fixes
    "templates-heldout4": {
        "min_accuracy": {"heading": 0.95, "message_first": 1.0, "genre": 1.0, "appeal": 1.0,
                         "message_sentence": 0.88, "cannot_judge": 1.0},
        "max_plain_warnings_per_letter": 0.0,
    },
    # Set 5 (fifth editor, blind): first contact on main 17d3fd8 was heading 20/20, message-first 17/18, genre
    # 14/18, appeal 18/20, message sentence 14/18, 1.5 warnings per good plain letter; with the coordinator's fixes
    # made before the set was seen (e-mail header lines, "er afslået", a law-only reason) 20, 18, 15, 19, 15 of the
    # same; the good letters' warnings were then read (0.0 after; see its README: no longer blind).
    # the rest of the set was then read too: 100 % on every verdict (see the README)
    "templates-heldout5": {
        "min_accuracy": {"heading": 1.0, "message_first": 1.0, "genre": 1.0, "appeal": 1.0,
                         "message_sentence": 1.0, "cannot_judge": 1.0},
        "max_plain_warnings_per_letter": 0.0,
    },
    # Set 6 (sixth editor, blind): first contact on main 1887f69 was heading 19/20, message-first 15/18, genre 15/18,
    # appeal 19/20, message sentence 15/18, tone 16/20 and 1.2 warnings per good plain letter (10 letters). Read in
    # session 9 (no longer blind): 20/20, 18/18, 18/18, 20/20, 18/18, tone 17/20, 0.1 warnings after general fixes
    "templates-heldout6": {
        "min_accuracy": {"heading": 1.0, "message_first": 1.0, "genre": 1.0, "appeal": 1.0,
                         "message_sentence": 1.0, "cannot_judge": 1.0},
        "max_plain_warnings_per_letter": 0.1,
    },
    # Set 7 (seventh editor, blind): first contact on main 6de0d17 (session 10) was heading 18/20, message-first
    # 19/20, genre 13/20, appeal 20/20, message sentence 18/20, tone 14/20, 1.0 warnings per good plain letter.
    # Read in session 10 (no longer blind): 20, 20, 17, 20, 20, tone 15/20, 0.5 warnings after general fixes; the
    # three genres left are judgement calls the set's README names (a rykker, a pass to collect, a repayment to come)
    "templates-heldout7": {
        "min_accuracy": {"heading": 1.0, "message_first": 1.0, "genre": 0.85, "appeal": 1.0,
                         "message_sentence": 1.0},     # every template can be judged: no cannot_judge figure
        "max_plain_warnings_per_letter": 0.5,
    },
    # Set 8 (eighth editor, blind): first contact on main 250d637 (session 11) was heading 20/20, message-first
    # 18/20, genre 19/20, appeal 20/20, message sentence 15/20, tone 19/20, 0.1 warnings per good plain letter.
    # Read in session 11 (no longer blind): 20, 19, 19, 20, 18, tone 19/20, 0.1 warnings after general fixes; the
    # receipt that asks for a drawing (20) is a judgement call against corpora/letters/07, a notice's council
    # decision or its delivery of bins (16) another (see the set's README)
    "templates-heldout8": {
        "min_accuracy": {"heading": 1.0, "message_first": 0.95, "genre": 0.95, "appeal": 1.0,
                         "message_sentence": 0.9},
        "max_plain_warnings_per_letter": 0.1,
    },
    # Set 9 (ninth editor, blind, session 14): first contact on main 7372c82 was heading 18/20, message-first 17/19,
    # genre 14/19, appeal 19/20, message sentence 15/19, cannot judge 1/1, tone 18/20, 1 error and 0.43 warnings per
    # good plain letter. Read in session 14 (no longer blind): 19, 18, 17, 20, 16, 1/1, tone 18/20, 0.0 warnings after
    # general fixes. Its one plain-letter error is a judgement call: the sanction letter (07) names no legal rule, which
    # forvaltningsloven § 24 requires of a decision against the reader; the editor called the letter good as it is.
    "templates-heldout9": {
        "min_accuracy": {"heading": 0.95, "message_first": 0.94, "genre": 0.89, "appeal": 1.0,
                         "message_sentence": 0.84, "cannot_judge": 1.0},
        "max_plain_warnings_per_letter": 0.0,
        "max_plain_errors": 1,
    },
    "templates-dev4": {
        "min_accuracy": {"heading": 1.0, "message_first": 1.0, "genre": 1.0, "appeal": 1.0,
                         "message_sentence": 1.0, "cannot_judge": 1.0},
        "max_plain_warnings_per_letter": 0.3,
    },
}
MAX_NONBODY_SUGGESTIONS = 0
MAX_PLAIN_ERRORS = 0

GENRES = {"afgoerelse", "partshoering", "indkaldelse", "kvittering", "anmodning", "orientering",
          "paamindelse", "opkraevning"}
SUBJECT_KINDS = {"message", "topic", "field", "none"}

SETS = sorted(GUARDS)


@pytest.fixture(params=SETS)
def heldout(request):
    return ROOT / "corpora" / request.param


def test_set_has_its_gold_and_readme(heldout):
    templates = load_set(heldout)
    assert len(templates) == GUARDS[heldout.name].get("size", 20)
    assert (heldout / "README.md").is_file()
    for t in templates:
        g = t.gold
        assert t.path.is_file(), t.name
        assert g.get("subject_kind") in SUBJECT_KINDS, t.name
        assert bool(g.get("subject")) == (g["subject_kind"] != "none"), t.name
        assert g.get("genre", "") in GENRES | {""}, t.name
        assert isinstance(g.get("appeal_needed"), bool) and isinstance(g.get("appeal_present"), bool), t.name


def test_gold_strings_occur_in_what_the_reader_gives(heldout):
    for t in load_set(heldout):
        text = read_text(t.path)
        for item in gold_strings(t.gold):
            find_spans(text, [item])                      # raises with the missing string


def test_built_files_come_from_the_specs(heldout, tmp_path):
    spec = importlib.util.spec_from_file_location("templates_build", BUILD)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    written = build.build_all(out=tmp_path, src=heldout / "src")
    assert {p.name for p in written} == {t.name for t in load_set(heldout)}
    for path in written:
        assert path.read_bytes() == (heldout / path.name).read_bytes(), path.name


def test_specs_are_valid_toml_with_a_known_format(heldout):
    for spec in sorted((heldout / "src").glob("*.toml")):
        data = tomllib.loads(spec.read_text(encoding="utf-8"))
        assert data["format"] in ("docx", "txt", "html"), spec.name


@pytest.mark.model
def test_accuracy_on_the_heldout_set(heldout):
    from letterlab.evaluate_templates import evaluate

    guards = GUARDS[heldout.name]
    summary, results = evaluate(heldout)
    assert summary["failed"] == []
    for verdict, floor in guards["min_accuracy"].items():
        assert summary[verdict]["accuracy"] >= floor, (verdict, summary[verdict], miss_table(results))
    assert summary["nonbody_suggestions"] <= guards.get("max_nonbody_suggestions", MAX_NONBODY_SUGGESTIONS)
    assert summary["good_plain"]["errors"] <= guards.get("max_plain_errors", MAX_PLAIN_ERRORS)
    assert summary["good_plain"]["warnings_per_letter"] <= guards["max_plain_warnings_per_letter"]
