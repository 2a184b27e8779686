"""A decision letter that carries out its own sanction respectfully (blind review 15): the reason, an
acknowledgement and the way to avoid it next time. The effect of the decision ("Pengene bliver trukket i din
udbetaling den 30. april") is no threat, and the omission given as the decision's reason is no reproach. The same
sanction told coldly stays flagged."""
from __future__ import annotations

import pytest

from letterlab import core

pytestmark = pytest.mark.model

GUIDE = ("\n\nKlagevejledning\nHvis du er uenig i afgørelsen, kan du klage. Send klagen til os senest 4 uger efter, "
         "at du har fået brevet.\n")

RESPECTFUL = [
    "Vi trækker 2 dage i din uddannelseshjælp\n\nKære Sara\n\nDu får 2 dages uddannelseshjælp mindre for april. Det er, "
    "fordi du ikke mødte op på Værkstedet den 3. og 4. april, og vi ikke hørte fra dig. Fradraget er 1.020 kr. før "
    "skat. Pengene bliver trukket i din udbetaling den 30. april.\n\nVi forstår godt, at man kan glemme en aftale. "
    "Efter reglerne er det dog ikke en rimelig grund til at blive væk.\n\nSådan undgår du fradrag en anden gang\n"
    "- Skriv dine aftaler i kalenderen på din telefon.\n- Ring til os, før dagen begynder, hvis du bliver syg.\n\n"
    "Din næste aftale er den 20. april kl. 10 hos mig.\n\nMed venlig hilsen\n\nLars Holm\nRådgiver" + GUIDE,
    "Vi nedsætter din kontanthjælp for juni\n\nKære Peter\n\nDin kontanthjælp for juni bliver 1.200 kr. mindre. Det er, "
    "fordi du ikke kom til dit forløb hos Jobværkstedet i tre dage i maj. Beløbet bliver trukket i din udbetaling den "
    "30. juni.\n\nVi ved, at det kan være svært at komme i gang igen. Derfor vil vi gerne tale med dig om, hvad der kan "
    "hjælpe.\n\nRing til mig på 70 11 22 33, så finder vi en tid.\n\nMed venlig hilsen\n\nMette Lund\nJobkonsulent"
    + GUIDE,
]


@pytest.mark.parametrize("text", RESPECTFUL)
def test_a_respectful_sanction_letter_gets_no_tone_finding(text):
    report = core.analyse(text)
    assert [(f.rule, text[f.start:f.end]) for f in report.findings if f.rule.startswith("anerkendende-tone.")] == []


def test_the_same_sanction_told_coldly_is_still_flagged():
    text = ("Fradrag i kontanthjælp\n\nKære Peter\n\nDa De er udeblevet fra Jobværkstedet, vil der blive foretaget "
            "fradrag i Deres kontanthjælp. Beløbet vil blive trukket i Deres udbetaling uden yderligere varsel.\n\n"
            "Med venlig hilsen\n\nJobcentret" + GUIDE)
    report = core.analyse(text)
    assert {f.rule for f in report.findings} & {"anerkendende-tone.trussel", "anerkendende-tone.raekkefoelge"}


def test_a_refusal_that_may_come_of_a_missing_paper_is_no_refusal():
    # a request with its consequence told respectfully: what may happen, then a way out
    text = ("Vi mangler din lønseddel\n\nKære Ole\n\nTak for din ansøgning om friplads. Vi mangler din lønseddel for "
            "marts. Send den senest den 1. maj.\n\nHvis vi ikke har lønsedlen senest den 1. maj, kan vi ikke beregne "
            "dit tilskud. Så må vi afgøre sagen ud fra de oplysninger, vi har, og det kan betyde, at du får afslag. "
            "Ring til mig, hvis du har brug for mere tid.\n\nMed venlig hilsen\n\nAnne Berg\n")
    report = core.analyse(text)
    assert [(f.rule, text[f.start:f.end]) for f in report.findings if f.rule.startswith("anerkendende-tone.")] == []
