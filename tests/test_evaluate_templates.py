"""The template evaluation (letterlab.evaluate_templates) and the template set it measures.

Unit tests score small hand-made reports, in today's JSON shape and in the anatomy
contract's shape (``parts``, ``message``, ``appeal_guide``). The end-to-end test runs the
real ``letterlab check`` on corpora/templates and guards the accuracies: the floors
below are what main reached when the set was made; raise them when the reading of
letters improves (the anatomy work, issue #11).
"""
from __future__ import annotations

import importlib.util
import tomllib

import pytest

from letterlab.evaluate_templates import (
    Result, Template, appeal_verdict, find_spans, genre_of, heading_right, judge, load_set,
    gold_strings, message_verdict, miss_table, nonbody_fragments, read_text, suggestions_with_nonbody,
    summarise,
    _alternatives,
)
from testutil import ROOT

TEMPLATES = ROOT / "corpora" / "templates"

# --- the guards, in one place ------------------------------------------------------------------
# Accuracy floors on corpora/templates after the anatomy merge (the set was tuned against, so not held out).
MIN_ACCURACY = {"heading": 1.0, "message_first": 1.0, "genre": 1.0, "appeal": 0.97}
# TODO(#11 item 5): must be 0. Main makes 24 (its message-first "move" suggestion glues the
# message to the letterhead, recipient and reference blocks above it); lower to 0 after the anatomy merge.
MAX_NONBODY_SUGGESTIONS = 0
# TODO(#11 item 6): the good plain letters should have no errors and at most one warning per letter
# on average; main gives 1 error (a reminder whose message it cannot find) and 1.36 warnings.
MAX_PLAIN_ERRORS = 0
MAX_PLAIN_WARNINGS_PER_LETTER = 1.0

GENRES = {"afgoerelse", "partshoering", "indkaldelse", "kvittering", "anmodning", "orientering",
          "paamindelse", "opkraevning"}
SUBJECT_KINDS = {"message", "topic", "field", "none"}


# --- hand-made reports ---------------------------------------------------------------------------

LETTER = ("Fjordby Kommune\nTorvet 1\n\nSagsnr.: 12-34-5678\n\nDu får ikke en el-scooter\n\nKære Anne\n\n"
          "Vi har sagt nej til din ansøgning.\n\nMed venlig hilsen\n\nBo Holm\nTlf. 96 28 41 17\n")
GOLD = {"subject": "Du får ikke en el-scooter", "subject_kind": "message",
        "letterhead": ["Fjordby Kommune", "Torvet 1"], "reference": ["Sagsnr.: 12-34-5678"],
        "signature": ["Bo Holm", "Tlf. 96 28 41 17"], "message": "Vi har sagt nej til din ansøgning.",
        "message_first": True, "genre": "afgoerelse", "appeal_needed": True, "appeal_present": False}
SUBJ = LETTER.index("Du får ikke")
MSG = LETTER.index("Vi har sagt nej")


def span(text: str) -> tuple[int, int]:
    i = LETTER.index(text)
    return i, i + len(text)


def finding(rule: str, message: str, where: str, suggestions=(), severity="warning") -> dict:
    s, e = span(where)
    return {"rule": rule, "message": message, "start": s, "end": e, "severity": severity,
            "suggestions": list(suggestions)}


def test_heading_no_heading_finding_is_wrong_when_the_letter_has_a_subject_line():
    report = {"findings": [finding("klart-budskab.overskrift", "Brevet har ingen overskrift. Skriv ...",
                                   "Fjordby Kommune")]}
    ok, why = heading_right(report, LETTER, GOLD)
    assert not ok and "ingen overskrift" in why
    t = Template("x.txt", ROOT / "x.txt", GOLD)
    assert judge(t, {**report, "genre": "afgoerelse"}, LETTER).false_no_heading is True
    assert summarise([t], [judge(t, {**report, "genre": "afgoerelse"}, LETTER)])["false_no_heading"] == 1
    assert heading_right({"findings": []}, LETTER, GOLD) == (True, "")


def test_heading_topic_finding_must_sit_on_the_subject_line_and_match_its_kind():
    on_letterhead = {"findings": [finding("klart-budskab.overskrift", "Den nævner kun et emne.", "Fjordby Kommune")]}
    assert heading_right(on_letterhead, LETTER, GOLD)[0] is False
    on_subject = {"findings": [finding("klart-budskab.overskrift", "Den nævner kun et emne.", GOLD["subject"])]}
    assert heading_right(on_subject, LETTER, GOLD)[0] is False          # a message subject called topic-only
    topic_gold = {**GOLD, "subject_kind": "topic"}
    assert heading_right(on_subject, LETTER, topic_gold)[0] is True
    assert heading_right({"findings": []}, LETTER, topic_gold)[0] is False   # topic-only not noticed
    field_gold = {**GOLD, "subject_kind": "field"}
    assert heading_right({"findings": []}, LETTER, field_gold)[0] is True
    assert heading_right(on_subject, LETTER, field_gold)[0] is True


def test_heading_with_parts_checks_the_subject_part():
    s, e = span(GOLD["subject"])
    right = {"findings": [], "parts": [{"kind": "letterhead", "start": 0, "end": 24},
                                      {"kind": "subject", "start": s, "end": e}]}
    assert heading_right(right, LETTER, GOLD)[0] is True
    wrong = {"findings": [], "parts": [{"kind": "subject", "start": 0, "end": 15}]}
    assert heading_right(wrong, LETTER, GOLD)[0] is False
    too_much = {"findings": [], "parts": [{"kind": "subject", "start": 0, "end": e}]}
    assert heading_right(too_much, LETTER, GOLD)[0] is False
    none_gold = {**GOLD, "subject": "", "subject_kind": "none"}
    assert heading_right(right, LETTER, none_gold)[0] is False
    assert heading_right({"findings": [], "parts": []}, LETTER, none_gold)[0] is True


def test_two_line_subject_is_covered_line_by_line():
    text = "AFGØRELSE\n\nDu får ikke hjælp\n\nKære Ole"
    gold = {"subject": ["AFGØRELSE", "Du får ikke hjælp"], "subject_kind": "message"}
    both = {"findings": [], "parts": [{"kind": "subject", "start": 0, "end": 9},
                                      {"kind": "subject", "start": 11, "end": 28}]}
    assert heading_right(both, text, gold)[0] is True
    one = {"findings": [], "parts": [{"kind": "subject", "start": 0, "end": 9}]}
    assert heading_right(one, text, gold)[0] is False


def test_message_verdict_prefers_the_contract_field_and_falls_back_to_scores():
    old = {"scores": {"message_first": False, "message_position": {"sentence": 3, "start": 5, "end": 9}}}
    assert message_verdict(old) == (False, (5, 9))
    new = {**old, "message": {"first": True, "start": 1, "end": 4, "act": "decision"}}
    assert message_verdict(new) == (True, (1, 4))
    assert message_verdict({"scores": {}}) == (None, None)
    assert message_verdict({"message": {"first": None, "start": None, "end": None, "act": None}}) == (None, None)


def test_appeal_verdict_contract_and_fallback():
    assert appeal_verdict({"appeal_guide": {"needed": True, "present": False}, "genre": "orientering"}) == \
        (True, False, True)
    missing = {"genre": "afgoerelse", "scores": {"words": 40},
               "findings": [{"rule": "genre.klagevejledning", "message": "Afgørelsen har ingen klagevejledning. ..."}]}
    assert appeal_verdict(missing) == (True, False, False)
    incomplete = {"genre": "afgoerelse", "scores": {"words": 40},
                  "findings": [{"rule": "genre.klagevejledning", "message": "Klagevejledningen siger ikke, hvem ..."}]}
    assert appeal_verdict(incomplete) == (True, True, False)
    assert appeal_verdict({"genre": "kvittering", "scores": {"words": 40}, "findings": []}) == (False, False, False)
    assert appeal_verdict({"genre": "afgoerelse", "scores": {}, "findings": []}) == (None, None, False)


def test_genre_of_reads_a_string_or_an_object():
    assert genre_of({"genre": "afgoerelse"}) == "afgoerelse"
    assert genre_of({"genre": {"id": "paamindelse"}}) == "paamindelse"
    assert genre_of({}) is None


def test_nonbody_fragments_are_letterhead_pieces_the_body_does_not_hold():
    frags = nonbody_fragments(LETTER, GOLD)
    assert "96 28 41 17" in frags and "12-34-5678" in frags and "Fjordby Kommune" in frags
    body_reuses_name = LETTER.replace("Kære Anne", "Kære Bo Holm")
    assert "Bo Holm" not in nonbody_fragments(body_reuses_name, GOLD)


def test_suggestions_with_nonbody_text_count_moves_over_the_letterhead_not_edits_of_it():
    glued = {"start": 0, "end": MSG + 34, "replacement": "Vi har sagt nej til din ansøgning.\n\nFjordby Kommune\nTorvet 1"}
    clean_move = {"start": SUBJ, "end": MSG + 34, "replacement": "Vi har sagt nej til din ansøgning.\n\nKære Anne"}
    heading = {"start": SUBJ, "end": SUBJ + 25, "replacement": "Du får ikke en el-scooter – sag 12-34-5678"}
    edit_letterhead = {"start": 0, "end": 15, "replacement": "Fjordby Kommune, Borgerservice"}
    report = {"findings": [
        finding("klart-budskab.budskab-foerst", "...", "Vi har sagt nej til din ansøgning.",
                [glued, clean_move, heading]),
        finding("persondata.x", "...", "Fjordby Kommune", [edit_letterhead], severity="info"),
    ]}
    assert suggestions_with_nonbody(report, LETTER, GOLD) == ["klart-budskab.budskab-foerst"] * 2


def test_judge_and_summary_on_a_hand_made_report():
    t = Template("x.txt", ROOT / "x.txt", GOLD, good_plain=True)
    report = {"genre": "afgoerelse", "scores": {"message_first": True, "message_position":
                                                {"sentence": 1, "start": MSG, "end": MSG + 34}},
              "findings": [finding("genre.klagevejledning", "Afgørelsen har ingen klagevejledning.", "Kære Anne",
                                   severity="error")]}
    r = judge(t, report, LETTER)
    assert r.verdicts == {"heading": True, "message_first": True, "message_sentence": True,
                          "genre": True, "appeal": True}
    assert (r.errors, r.warnings, r.nonbody) == (1, 0, 0)
    wrong_genre = judge(t, {**report, "genre": "orientering"}, LETTER)
    assert wrong_genre.verdicts["genre"] is False and wrong_genre.verdicts["appeal"] is False
    failed = judge(t, "letterlab check failed", None)
    assert failed.failed and not any(failed.verdicts.values())
    s = summarise([t, t, t], [r, wrong_genre, failed])
    assert s["genre"] == {"right": 1, "n": 3, "accuracy": 0.333}
    assert s["good_plain"]["n"] == 2 and s["failed"] == ["x.txt"]
    table = miss_table([r, wrong_genre, failed])
    assert "MISS" in table and "reported orientering, gold afgoerelse" in table
    assert "Vi har sagt nej" not in table                    # letter text is never printed


def test_message_sentence_may_be_a_subject_line_that_states_the_message():
    t = Template("x.txt", ROOT / "x.txt", GOLD)
    at_subject = {"genre": "afgoerelse", "findings": [],
                  "message": {"first": True, "start": SUBJ, "end": SUBJ + 25, "act": "decision"}}
    assert judge(t, at_subject, LETTER).verdicts["message_sentence"] is True
    topic = Template("x.txt", ROOT / "x.txt", {**GOLD, "subject_kind": "topic"})
    assert judge(topic, at_subject, LETTER).verdicts["message_sentence"] is False


def test_a_template_that_cannot_be_judged_needs_a_notice_and_no_message_nag():
    t = Template("x.docx", ROOT / "x.docx", {"subject": "", "subject_kind": "none", "judgeable": False})
    quiet = {"findings": [], "notices": [{"code": "reader", "message": "..."}]}
    assert judge(t, quiet, LETTER).verdicts["cannot_judge"] is False
    noticed = {"findings": [], "notices": [{"code": "alternatives", "message": "..."}]}
    assert judge(t, noticed, LETTER).verdicts["cannot_judge"] is True
    nag = {**noticed, "findings": [finding("klart-budskab.budskab-foerst", "Vi kan ikke finde brevets budskab.",
                                           "Kære Anne", severity="error")]}
    assert judge(t, nag, LETTER).verdicts["cannot_judge"] is False
    assert "cannot_judge" not in judge(Template("y.txt", ROOT / "y.txt", GOLD), noticed, LETTER).verdicts


def test_tone_verdict_compares_the_flagged_families_with_the_editors_marks():
    marked = Template("x.txt", ROOT / "x.txt", {**GOLD, "tone": ["trussel"]})
    calm = Template("y.txt", ROOT / "y.txt", {**GOLD, "tone": []})
    threat = finding("anerkendende-tone.trussel", "...", "Vi har sagt nej")
    lecture = finding("anerkendende-tone.belaering", "...", "Kære Anne")
    other = finding("lix.lange-saetninger", "...", "Kære Anne")
    hit = judge(marked, {"findings": [threat, other]}, LETTER)
    assert hit.verdicts["tone"] is True and hit.tone_found == {"trussel"}
    extra = judge(marked, {"findings": [threat, lecture]}, LETTER)
    assert extra.verdicts["tone"] is False and "belaering" in extra.details["tone"]
    alarm = judge(calm, {"findings": [lecture]}, LETTER)
    missed = judge(marked, {"findings": [other]}, LETTER)
    unrated = judge(Template("z.txt", ROOT / "z.txt", GOLD), {"findings": [lecture]}, LETTER)
    assert "tone" not in unrated.verdicts and unrated.tone_gold is None
    s = summarise([marked] * 5, [hit, extra, alarm, missed, unrated])
    assert s["tone"] == {"right": 1, "n": 4, "accuracy": 0.25}
    assert s["tone_families"] == {"letters": 4, "tp": 2, "fp": 2, "fn": 1, "precision": 0.5,
                                  "recall": 0.667, "false_alarm_letters": 1}


def test_a_message_may_have_alternatives():
    assert _alternatives("a") == ["a"] and _alternatives(["a", "b"]) == ["a", "b"]
    assert find_spans("xx a yy b", ["a", "b"]) == [(3, 4), (8, 9)]
    with pytest.raises(ValueError):
        find_spans("abc", ["zz"])


# --- the template set ------------------------------------------------------------------------------

def _build_module():
    spec = importlib.util.spec_from_file_location("templates_build", TEMPLATES / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_set_is_large_enough_and_its_gold_is_complete():
    templates = load_set(TEMPLATES)
    assert len(templates) >= 28
    formats = [t.name.rsplit(".", 1)[1] for t in templates]
    assert formats.count("docx") > len(templates) / 2 and "txt" in formats and "html" in formats
    for t in templates:
        g = t.gold
        assert g.get("subject_kind") in SUBJECT_KINDS, t.name
        assert bool(g.get("subject")) == (g["subject_kind"] != "none"), t.name
        assert g.get("genre", "") in GENRES | {""}, t.name
        assert isinstance(g.get("appeal_needed"), bool) and isinstance(g.get("appeal_present"), bool), t.name
        assert ("message_first" in g) == bool(g.get("message")) or not g.get("genre"), t.name


def test_gold_strings_occur_in_what_the_reader_gives():
    for t in load_set(TEMPLATES):
        text = read_text(t.path)
        for item in gold_strings(t.gold):
            find_spans(text, [item])                      # raises with the missing string


def test_every_docx_opens_with_python_docx():
    import docx

    paths = sorted(TEMPLATES.glob("*.docx"))
    assert paths
    for path in paths:
        d = docx.Document(str(path))
        assert d.paragraphs or d.tables, path.name


def test_build_regenerates_the_committed_files(tmp_path):
    build = _build_module()
    written = build.build_all(out=tmp_path)
    assert {p.name for p in written} == {t.name for t in load_set(TEMPLATES)}
    for path in written:
        assert path.read_bytes() == (TEMPLATES / path.name).read_bytes(), f"{path.name}: run corpora/templates/build.py"


def test_specs_are_valid_toml_with_a_known_format():
    for spec in sorted((TEMPLATES / "src").glob("*.toml")):
        data = tomllib.loads(spec.read_text(encoding="utf-8"))
        assert data["format"] in ("docx", "txt", "html"), spec.name
        assert data.get("title") and data.get("notes"), spec.name


# --- end to end ----------------------------------------------------------------------------------

@pytest.mark.model
def test_accuracy_on_the_template_set():
    from letterlab.evaluate_templates import evaluate

    summary, results = evaluate(TEMPLATES)
    assert summary["failed"] == []
    for verdict, floor in MIN_ACCURACY.items():
        assert summary[verdict]["accuracy"] >= floor, (verdict, summary[verdict], miss_table(results))
    assert summary["nonbody_suggestions"] <= MAX_NONBODY_SUGGESTIONS
    assert summary["good_plain"]["errors"] <= MAX_PLAIN_ERRORS
    assert summary["good_plain"]["warnings_per_letter"] <= MAX_PLAIN_WARNINGS_PER_LETTER
