"""Rewrites, review 13: the right actor, the letter's own form of address, and the "not changed" list.

* passive -> active names no wrong actor: when the sentence or its paragraph names another party that acts (an
  authority, a professional, a company, a portal), when the case is handed over to another party, when the act is
  one only another authority does (wage deduction, distraint), when a professional treats a body, or when a thing
  is sent on to us, no "vi"/"du" is proposed (no suggestion rather than a wrong one), and nothing of it is safe.
* a letter to "I" (jer, jeres) gets no rewrite that says "du".
* ``letterlab rewrite`` prints "Det har vi ikke ændret:" only over a list with something in it.

Own letters from other services than the review's, with hard negatives; the real model runs end to end.
"""
from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace

import pytest

from letterlab.report.model import Suggestion
from letterlab.rewrite.cli import MSG_LEFT_OUT, not_changed_lines

HEAD = "Fjordby Kommune\nSocial og Sundhed\n\nKære Karen Juhl\n\n"
TAIL = "\n\nMed venlig hilsen\n\nPia Lund\nSocial og Sundhed\n"


@lru_cache(maxsize=None)
def _passive(text: str) -> tuple[tuple[str, str, bool], ...]:
    """(replaced text, replacement, safe) of every passive rewrite letterlab offers on the letter."""
    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline

    r = analyse(text, nlp=load_pipeline())
    return tuple((r.text[s.start:s.end], s.replacement, s.safe)
                 for f in r.findings if "passiv" in f.rule for s in f.suggestions)


def _actors(body: str, who: str) -> list[tuple[str, str, bool]]:
    """The passive rewrites of ``body`` whose new subject is ``who`` ("vi" or "du")."""
    return [x for x in _passive(HEAD + body + TAIL)
            if x[1].lower().startswith(who + " ") or f" {who} " in f" {x[1].lower()} "]


# ---------------------------------------------------------------- 1. another party acts: no "vi", no "du"

@pytest.mark.model
@pytest.mark.parametrize("body", [
    # the case is handed over to another authority, which then acts
    "Vi har overdraget kravet til Gældsstyrelsen. Hvis du ikke betaler, kan der blive foretaget udlæg i din bil.",
    # an act only another authority does, even with no one named
    "Hvis restancen for madordningen ikke bliver betalt, kan der blive foretaget lønindeholdelse.",
    # a professional named in the paragraph, and the act is on a body
    "Tandlægen har undersøgt din søn. Hun skriver, at kindtanden også kan behandles med en plombe.",
    # a professional as the subject in the paragraph ("din læge" is not the reader)
    "Din læge har sendt en henvisning til os. Du vil blive undersøgt i næste måned.",
    # a company named as the one acting in the paragraph
    "Nordby Tømrer ApS har fået opgaven. Vinduerne i stuen bliver udskiftet i uge 12.",
])
def test_no_vi_when_another_party_acts(body):
    assert _actors(body, "vi") == [], _passive(HEAD + body + TAIL)


@pytest.mark.model
@pytest.mark.parametrize("body", [
    # the portal sends it on: the reader does not
    "Du kan søge via Ansøgningsportalen. Ansøgningen bliver sendt videre til os.",
    "Du udfylder skemaet via Selvbetjeningsportalen. Skemaet bliver sendt videre til os, og vi svarer inden 14 dage.",
])
def test_no_du_when_something_is_sent_on_to_us(body):
    assert _actors(body, "du") == [], _passive(HEAD + body + TAIL)


@pytest.mark.model
@pytest.mark.parametrize("body,who", [
    # another party only told or sent a copy: the authority still acts
    ("Vi sender en kopi til din læge. Din ansøgning bliver behandlet i næste uge.", "vi"),
    # another party acts, but in another paragraph
    ("Din læge har sendt os en erklæring. Vi har læst den.\n\nDin ansøgning bliver behandlet i næste uge.", "vi"),
    # an order to the reader stays the reader's, whoever else the paragraph names
    ("Du kan sende klagen via Klageportalen. Klagen skal sendes til os inden fire uger.", "du"),
    # a portal the reader uses is no actor of a complaint
    ("Afgørelsen kan påklages til Ankestyrelsen. Klagen skal indgives via Klageportalen.", "du"),
    # "hun" is the child the letter is about, not someone who acts for us
    ("Ida er på ventelisten, og hun starter i august. Din ansøgning om friplads bliver behandlet i juni.", "vi"),
    # another party only acted on ("vognmanden er orienteret") is no actor
    ("Stien bliver lukket i uge 3, og vognmanden er orienteret. Din ansøgning om en p-plads bliver behandlet "
     "i næste uge.", "vi"),
])
def test_the_authority_or_the_reader_still_acts(body, who):
    assert _actors(body, who), _passive(HEAD + body + TAIL)


@pytest.mark.model
def test_the_authoritys_own_expletive_passive_is_still_safe():
    body = "Der er foretaget en ny beregning af din ydelse for marts."
    assert any(safe and new.startswith("Vi ") for _, new, safe in _passive(HEAD + body + TAIL)), \
        _passive(HEAD + body + TAIL)


# ---------------------------------------------------------------- 2. the letter's own form of address

LETTER_I = ("Fjordby Kommune\nBørn og Unge\n\nKære Sara og Ali Hassan\n\nI har søgt om tilskud til en barnevogn. "
            "Vi mangler jeres lønsedler for marts. {x}\n\nMed venlig hilsen\n\nLars Due\nBørn og Unge\n")
LETTER_DU = LETTER_I.replace("Kære Sara og Ali Hassan", "Kære Sara Hassan").replace(
    "I har søgt", "Du har søgt").replace("jeres", "dine")
DU = {"du", "dig", "din", "dit", "dine"}


@lru_cache(maxsize=None)
def _all(text: str) -> tuple[tuple[str, str, bool], ...]:
    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline

    r = analyse(text, nlp=load_pipeline())
    return tuple((r.text[s.start:s.end], s.replacement, s.safe) for f in r.findings for s in f.suggestions)


@pytest.mark.model
@pytest.mark.parametrize("x", [
    "Eventuelle spørgsmål bedes rettet til undertegnede.",
    "Lønsedlerne kan indsendes via den digitale postkasse.",
    "Henvendelse vedrørende sagen kan rettes til Pladsanvisningen.",
])
def test_a_letter_to_i_gets_no_rewrite_that_says_du(x):
    got = _all(LETTER_I.format(x=x))
    assert not [r for r in got if DU & {w.strip(".,").lower() for w in r[1].split()}], got


@pytest.mark.model
def test_a_letter_to_du_keeps_its_du_rewrites():
    got = _all(LETTER_DU.format(x="Eventuelle spørgsmål bedes rettet til undertegnede."))
    assert any(safe and new.startswith("Du ") for _, new, safe in got), got


@pytest.mark.model
def test_rewrite_of_a_letter_to_i_says_no_du(tmp_path):
    from letterlab.rewrite.run import rewrite_letter
    from letterlab.nlp.pipeline import load_pipeline

    result = rewrite_letter(LETTER_I.format(x="Eventuelle spørgsmål bedes rettet til undertegnede."), mode="all",
                            nlp=load_pipeline())
    words = {w.strip(".,:").lower() for w in result.text.split()}
    assert not DU & words, result.text


# ---------------------------------------------------------------- 3. "Det har vi ikke ændret:" only with items

def _result(offered=(), applied=(), second=()):
    return SimpleNamespace(offered=list(offered), applied=list(applied), second_pass=list(second))


def test_no_lines_when_nothing_was_left_out():
    assert not_changed_lines([], _result()) == []


def test_a_row_without_words_still_says_why_and_a_row_on_several_lines_is_one_line():
    lines = not_changed_lines([{"text": "", "why": "Ret det selv."},
                               {"text": "\n\nMed venlig\nhilsen", "why": "Ret det selv."}], _result())
    assert lines == ["  Ret det selv.", '  "Med venlig hilsen": Ret det selv.']


def test_message_suggestions_not_used_are_counted():
    move = Suggestion(0, 10, "Budskabet", kind="move")
    assert not_changed_lines([], _result(offered=[move])) == ["  " + MSG_LEFT_OUT.format(n=1)]
    assert not_changed_lines([], _result(offered=[move], applied=[move])) == []


@pytest.mark.model
def test_the_heading_is_printed_only_over_items(tmp_path, capsys):
    from letterlab.cli import main

    letter = tmp_path / "brev.txt"
    letter.write_text("Fjordby Kommune\n\nKære Ib\n\nDu får en ny cykel på fredag. Ring til os, hvis du har "
                      "spørgsmål.\n\nMed venlig hilsen\n\nPia Lund\n", encoding="utf-8")
    main(["rewrite", str(letter)])
    out = capsys.readouterr().out
    lines = out.splitlines()
    if "Det har vi ikke ændret:" in lines:
        k = lines.index("Det har vi ikke ændret:")
        assert k + 1 < len(lines) and lines[k + 1].startswith("  ") and lines[k + 1].strip(), out


# ---------------------------------------------------------------- 4. the new words a user reads are plain Danish

@pytest.mark.model
def test_the_new_messages_pass_letterlabs_own_rules(nlp):
    from letterlab.core import analyse
    from letterlab.rewrite import guard

    text = " ".join([guard.MSG_PLURAL, guard.NOTE_LOWER_START, MSG_LEFT_OUT.format(n=2)])
    report = analyse(text, nlp=nlp)
    bad = [(f.rule, f.text) for f in report.findings if f.category in {"passive", "jargon", "address",
                                                                       "nominalisation"}]
    assert not bad, bad
