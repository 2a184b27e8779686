"""Words that are not the writer's word choice: an old word that is part of a person's name ("Thi" in a Vietnamese
name, ``wordlist._name_part``), and a passive verb that is a field's label in the case details ("Betales til: …",
``passive._in_label``). Each next to the same word where the finding stays (blind review 21's good letters)."""
from __future__ import annotations

from letterlab.core import analyse

OLD_WORD = "faelles-skriftsprog.kancellisprog"
PASSIVE = "let-at-laese.passiv"

HEAD = "Vestby Kommune\nTandplejen\nSkolevej 4, 7100 Vestby\n\n"
END = "\n\nMed venlig hilsen\n\nMette Kragh\nTandplejer\nTlf. 76 54 32 10"


def _hits(nlp, text: str, rule: str) -> list[str]:
    return [f.text for f in analyse(text, nlp=nlp).findings if f.rule == rule]


def test_an_old_word_inside_a_persons_name_is_not_officialese(nlp):
    text = HEAD + ("Tran Thi Mai\nBøgevej 12\n7100 Vestby\n\nKære Tran Thi Mai\n\nDin søn har fået en tid hos "
                   "tandplejen tirsdag den 3. marts kl. 10. Ring til os, hvis tiden ikke passer.") + END
    assert "Thi" not in _hits(nlp, text, OLD_WORD)


def test_the_old_word_itself_is_still_officialese(nlp):
    text = HEAD + ("Kære Tran Mai\n\nDin søn har fået en tid hos tandplejen tirsdag den 3. marts kl. 10, thi "
                   "vi undersøger alle børn hvert år. Ring til os, hvis tiden ikke passer.") + END
    assert [w.lower() for w in _hits(nlp, text, OLD_WORD)] == ["thi"]


def test_a_passive_label_in_the_case_details_is_no_passive(nlp):
    text = HEAD + ("Kære Ole Berg\n\nHer er regningen for din søns tandregulering.\n\nBeløb: 800 kr.\n"
                   "Betales til: reg.nr. 4321, kontonr. 0009876543\nSidste dag: 1. april 2027\n\n"
                   "Ring til os, hvis du har spørgsmål.") + END
    assert not [w for w in _hits(nlp, text, PASSIVE) if w.lower().startswith("betales")]


def test_a_passive_sentence_in_the_body_is_still_found(nlp):
    text = HEAD + ("Kære Ole Berg\n\nHer er regningen for din søns tandregulering.\n\nBeløbet betales af "
                   "kommunen, når regningen er godkendt af afdelingen.\n\nRing til os, hvis du har spørgsmål.") + END
    assert [w for w in _hits(nlp, text, PASSIVE) if "betales" in w.lower()]


def test_a_report_of_concern_about_a_child_is_the_laws_word(nlp):
    text = HEAD + ("Kære Ole Berg\n\nSkolen har sendt os en underretning, fordi lærerne er bekymrede for jeres "
                   "datter. Vi vil gerne tale med jer om den. Ring til os, så finder vi en tid.") + END
    assert "underretning" not in [w.lower() for w in _hits(nlp, text, OLD_WORD)]


def test_a_notice_in_officialese_is_still_the_old_word(nlp):
    text = HEAD + ("Kære Ole Berg\n\nDu vil modtage underretning om afgørelsen, når vi har behandlet din ansøgning "
                   "om tilskud. Ring til os, hvis du har spørgsmål.") + END
    assert "underretning" in [w.lower() for w in _hits(nlp, text, OLD_WORD)]
