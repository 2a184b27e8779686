"""The main message in two whole-letter shapes of reviews 19-21 (``letterlab.checks.message``), with hard negatives:

* a reminder of a duty broken more than once that opens with its warning for the next time, and asks nothing else
  of its own: the warning is the message (it was withheld once the letter read as a reminder);
* a request that puts the need as what the case waits for ("For at vi kan behandle din ansøgning, skal vi have en
  kopi af …") is the message, and the deadline given later for sending it ("Send gerne … senest den …") is its
  deadline: no "handling uden frist".

The letters are written for these tests; the real pipeline and the default rules.
"""
from __future__ import annotations

from letterlab.core import analyse

HEAD = "Nordby Kommune\nBorgerservice\nTorvet 3, 4800 Nordby\n\n"
END = "\n\nMed venlig hilsen\n\nLone Friis\nBorgerservice\nNordby Kommune\nTlf. 54 12 30 12"


def _message(nlp, text: str):
    rep = analyse(text, nlp=nlp)
    m = rep.message or {}
    said = rep.text[m["start"]:m["end"]] if m.get("start") is not None else None
    return rep.genre, said, m.get("first")


BIN = ("Din affaldsspand på fortovet\n\nKære Jens Holm\n\n"
       "Står din affaldsspand ude på fortovet igen efter tømningen, vil vi tage den med til genbrugspladsen.\n\n"
       "Spanden har tre gange i oktober stået ude hele ugen, og naboerne har skrevet til os om det.\n\n"
       "Spanden skal stå på din grund, når den er tømt. Tømningen er hver anden tirsdag.")


def test_a_reminder_that_opens_with_its_warning_has_it_as_message(nlp):
    genre, said, first = _message(nlp, HEAD + BIN + END)
    assert genre == "paamindelse"
    assert said and said.startswith("Står din affaldsspand ude på fortovet igen") and first is True


def test_a_reminder_with_a_request_of_its_own_keeps_the_request(nlp):
    text = BIN.replace("Spanden skal stå på din grund, når den er tømt.",
                       "Flyt spanden ind på din grund senest fredag den 6. november 2026.")
    genre, said, _ = _message(nlp, HEAD + text + END)
    assert said and said.startswith("Flyt spanden ind")


REQUEST = ("Din ansøgning om tilskud til briller\n\nKære Maja Holm\n\n"
           "Tak for din ansøgning om tilskud til briller, så du kan få nye glas, inden du starter på dit nye arbejde.\n\n"
           "For at vi kan behandle din ansøgning, skal vi have en kopi af prisoverslaget fra optikeren.\n\n"
           "Tilskuddet gives til dem, der har en formue under grænsen, og prisoverslaget viser, hvad brillerne koster.\n\n"
           "Vær opmærksom på, at vi ikke kan give tilskud, før vi har modtaget prisoverslaget.\n\n"
           "Send gerne prisoverslaget senest den 10. december 2026.")


def test_the_need_a_case_waits_for_is_the_message_and_its_deadline_comes_later(nlp):
    text = HEAD + REQUEST + END
    genre, said, first = _message(nlp, text)
    assert genre == "anmodning"
    assert said and said.startswith("For at vi kan behandle din ansøgning, skal vi have")
    assert [f.text for f in analyse(text, nlp=nlp).findings if f.rule == "klart-budskab.handling-uden-frist"] == []


def test_the_need_with_no_deadline_anywhere_is_still_flagged(nlp):
    text = HEAD + REQUEST.replace("\n\nSend gerne prisoverslaget senest den 10. december 2026.", "") + END
    flagged = [f.text for f in analyse(text, nlp=nlp).findings if f.rule == "klart-budskab.handling-uden-frist"]
    assert any(t.startswith("For at vi kan behandle") for t in flagged)
