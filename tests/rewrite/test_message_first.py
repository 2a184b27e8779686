"""Message first: the heading that states the message, and the move of the message to the top."""
from __future__ import annotations

import pytest

from letterlab.readers import read_text
from letterlab.report.model import Finding, Report
from letterlab.rewrite.apply import apply_suggestions
from letterlab.rewrite.common import keeps_content
from letterlab.rewrite.message_first import heading_for, message_first_suggestions


@pytest.mark.parametrize("sentence,heading", [
    ("Du får boligstøtte fra den 1. maj.", "Du får boligstøtte fra den 1. maj"),
    ("Vi kan oplyse, at De bevilges særlig støtte i henhold til lov om aktiv socialpolitik § 34.", "Du får særlig støtte"),
    ("Det skal meddeles, at De delvist bevilges dækning af merudgifter med virkning fra den 1. oktober.",
     "Du får delvist dækning af merudgifter"),
    ("Pladsanvisningen skal meddele, at Ida tilbydes plads i Børnehuset Mælkebøtten, Engvej 8.",
     "Ida kan få plads i Børnehuset Mælkebøtten"),
    ("De anmodes om at indbetale beløbet via vedlagte indbetalingskort senest den 5. januar 2027.",
     "Indbetal beløbet senest den 5. januar 2027"),
    ("Hermed meddeles byggetilladelse i henhold til byggelovens § 16.", "Du får byggetilladelse"),
    ("Der indføres en ny affaldsordning med virkning fra den 1. januar 2027.", "Ny affaldsordning fra 1. januar 2027"),
])
def test_heading_for(sentence, heading):
    assert heading_for(sentence) == heading


def test_heading_for_a_refusal_names_what_was_asked_for():
    letter = "Vi har fået din ansøgning af 14. august 2026 om bevilling af en el-scooter som hjælpemiddel."
    assert heading_for("Deres ansøgning kan ikke imødekommes.", letter) == "Du får ikke en el-scooter"


def test_heading_for_a_refusal_in_the_grant_words_keeps_its_negation():
    # the grant pattern ("De … bevilges X") also matches a refusal; the heading must not turn it into a grant
    assert heading_for("Vi må meddele, at De desværre ikke kan bevilges tilskud til briller.") == \
        "Du får ikke tilskud til briller"
    assert heading_for("Desværre kan De ikke bevilges hjælp til tandbehandling.") == "Du får ikke hjælp til tandbehandling"
    assert heading_for("De bevilges tilskud til briller.") == "Du får tilskud til briller"


def test_heading_for_gives_up_rather_than_guess():
    assert heading_for("Vi har set på sagen igen i dag sammen med din læge og din arbejdsgiver.") is None
    assert heading_for("Deres ansøgning kan ikke imødekommes.") is None      # no idea what was asked for
    assert heading_for("De bevilges hjælp til Deres xyzqw.") is None          # "Deres" + unknown gender


LETTER = """Vedrørende Deres ansøgning

Kære Anne Jensen

Vi har fået din ansøgning den 3. marts. Vi har talt med din læge.

Du får boligstøtte fra den 1. maj. Pengene kommer på din NemKonto.

Med venlig hilsen

Mette Lund
"""


def _report(first: bool, heading_finding: bool = True) -> Report:
    document = read_text(LETTER)
    ms = LETTER.index("Du får boligstøtte")
    me = LETTER.index("1. maj.") + len("1. maj.")
    findings = []
    if heading_finding:
        findings.append(Finding("klart-budskab.overskrift", "message", "info", "m", 0, 26, LETTER[:26]))
    return Report(text=LETTER, findings=findings, scores={"message_first": first,
                                                        "message_position": {"sentence": 4, "start": ms, "end": me}},
                  blocks=[{"start": b.start, "end": b.end, "kind": b.kind} for b in document.blocks])


def test_heading_that_says_it_all_replaces_the_move():
    """The heading states the whole message sentence: moving the sentence up too would say it twice."""
    sugg = message_first_suggestions(_report(first=False))
    assert {s.kind for s in sugg} == {"heading"}
    assert all(not s.safe for s in sugg)
    for s in sugg:
        assert keeps_content(LETTER[s.start:s.end], s.replacement)
    out = apply_suggestions(LETTER, sugg)
    assert out.startswith("Du får boligstøtte fra den 1. maj\n\nKære Anne Jensen\n\n"
                          "Vi har fået din ansøgning den 3. marts.")
    assert out.count("Du får boligstøtte fra den 1. maj") == 2     # the heading, and the sentence where it was


LONG_LETTER = LETTER.replace("Du får boligstøtte fra den 1. maj.",
                             "Du får boligstøtte fra den 1. maj, fordi din husleje er høj i forhold til din indtægt.")


def test_move_and_heading_when_the_sentence_says_more():
    ms = LONG_LETTER.index("Du får boligstøtte")
    me = LONG_LETTER.index("indtægt.") + len("indtægt.")
    document = read_text(LONG_LETTER)
    report = Report(text=LONG_LETTER, findings=[], scores={"message_first": False,
                                                         "message_position": {"sentence": 4, "start": ms, "end": me}},
                    blocks=[{"start": b.start, "end": b.end, "kind": b.kind} for b in document.blocks])
    sugg = message_first_suggestions(report)
    assert {s.kind for s in sugg} == {"move", "heading"}
    out = apply_suggestions(LONG_LETTER, sugg)
    assert out.startswith("Du får boligstøtte fra den 1. maj\n\nKære Anne Jensen\n\n"
                          "Du får boligstøtte fra den 1. maj, fordi din husleje er høj")


def test_no_move_when_the_message_is_already_first():
    sugg = message_first_suggestions(_report(first=True))
    assert [s.kind for s in sugg] == ["heading"]


def test_nothing_without_a_message():
    rep = _report(first=False)
    rep.scores["message_position"] = None
    assert message_first_suggestions(rep) == []


def test_heading_with_a_number_is_kept_below_the_new_one():
    text = LETTER.replace("Vedrørende Deres ansøgning", "Vedrørende Deres ansøgning efter § 34")
    rep = _report(first=True)
    shift = len(" efter § 34")
    pos = rep.scores["message_position"]
    rep = Report(text=text, findings=rep.findings, blocks=[{"start": b.start, "end": b.end, "kind": b.kind}
                                                           for b in read_text(text).blocks],
                 scores={"message_first": True,
                         "message_position": {**pos, "start": pos["start"] + shift, "end": pos["end"] + shift}})
    (s,) = message_first_suggestions(rep)
    assert s.start == s.end == 0
    assert apply_suggestions(text, [s]).startswith("Du får boligstøtte fra den 1. maj\n\nVedrørende Deres ansøgning efter § 34")


def test_heading_states_the_deadline_once():
    # "snarest og senest den 20. april 2026" gave "Send erklæringen snarest og senest den 20. april 2026 senest ..."
    assert heading_for("De anmodes om at fremsende erklæringen snarest og senest den 20. april 2026.") == \
        "Send erklæringen senest den 20. april 2026"


def test_move_and_heading_from_plain_offsets_is_what_the_report_gives():
    from letterlab.rewrite.message_first import _zones, move_and_heading

    rep = _report(first=False)
    pos = rep.scores["message_position"]
    assert move_and_heading(LETTER, _zones(rep), pos["start"], pos["end"], message_first=False) == \
        message_first_suggestions(rep)


def test_a_contact_offer_is_no_message_to_move():
    rep = _report(first=False)
    text = LETTER.replace("Du får boligstøtte fra den 1. maj.", "Ring til os, hvis du har spørgsmål.")
    ms = text.index("Ring til os")
    rep = Report(text=text, findings=[], scores={"message_first": False,
                                                 "message_position": {"sentence": 4, "start": ms, "end": ms + 34}},
                 blocks=[{"start": b.start, "end": b.end, "kind": b.kind} for b in read_text(text).blocks])
    assert message_first_suggestions(rep) == []


# --- never from the letterhead, signature or appeal guide (issue #11, #13 item 7) -------------------

from letterlab.anatomy import read_anatomy  # noqa: E402
from letterlab.rewrite.message_first import move_and_heading  # noqa: E402
from letterlab.structure import zones_of  # noqa: E402

TEMPLATE = """Lindby Kommune
Social og Sundhed
Torvegade 9, 5900 Lindby
Tlf. 63 40 20 00
sundhed@lindby.dk

Sagsnr.: 27.24.00-G01-88-26
Sagsbehandler: Rikke Dahl

Afgørelse vedrørende ansøgning om el-kørestol

Kære {navn}

Vi fik din ansøgning den 3. februar. Vores terapeut besøgte dig den 1. marts og så, hvordan du kommer rundt.

Vi har bevilget dig en el-kørestol, som vi leverer i uge 16.

Med venlig hilsen
Rikke Dahl
Tlf. 63 40 22 81

Klagevejledning
Du kan klage til Ankestyrelsen. Det koster ikke noget at klage.
"""


def _suggestions(sentence_start: str, sentence_end: str):
    ms = TEMPLATE.index(sentence_start)
    me = TEMPLATE.index(sentence_end, ms) + len(sentence_end)
    zones = zones_of(read_anatomy(TEMPLATE))
    return move_and_heading(TEMPLATE, zones, ms, me, message_first=False, heading_finding=True)


def test_heading_and_move_use_only_the_message_sentence():
    sugg = _suggestions("Vi har bevilget dig", "uge 16.")
    heading = next(s for s in sugg if s.kind == "heading")
    assert heading.replacement.startswith("Du får en el-kørestol")
    for s in sugg:
        for line in ("Lindby Kommune", "Torvegade", "63 40", "@", "Sagsnr", "Rikke Dahl", "Ankestyrelsen"):
            assert line not in s.replacement, (s.kind, line)
    move = next(s for s in sugg if s.kind == "move")
    assert TEMPLATE[move.start:].startswith("Vi fik din ansøgning")


def test_no_suggestion_from_the_appeal_guide_or_the_letterhead():
    assert _suggestions("Det koster ikke", "at klage.") == []
    assert _suggestions("Du kan klage til", "Ankestyrelsen.") == []
    assert _suggestions("Lindby Kommune", "Social og Sundhed") == []


def test_heading_for_decisions_with_reader_object_amount_and_date():
    assert heading_for("Vi har bevilget dig en el-kørestol, fordi du ikke kan gå langt.") == "Du får en el-kørestol"
    assert heading_for("Du skal betale 2.400 kr. tilbage senest den 1. juni 2026, fordi du har fået for meget.") == \
        "Du skal betale 2.400 kr. tilbage senest den 1. juni 2026"
