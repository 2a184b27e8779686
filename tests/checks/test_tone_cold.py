"""The broad tone shapes (``tone_cold``): each shape in a cold letter of our own; the shapes that count only in a cold
letter left alone in a friendly one, the narrow forms that stand alone found there too, with the wider words beside
them left alone; hard negatives in the cold letter (a reason, a legal basis, our own duty, help next). The real
pipeline with the learned model switched off."""
from __future__ import annotations

import pytest

from letterlab.checks import tone_cold

HEAD = "Vestø Kommune\nTeknik og Miljø\nHavnevej 4, 5900 Vestø\n\n"
END = "\n\nMed venlig hilsen\n\nLene Dahl\nSagsbehandler\nTlf. 63 21 40 00"
# two sentences the tone rules flag on their own: a cold threat and shouting
COLD = ("Betales gebyret ikke, vil beløbet blive sendt til inkasso uden yderligere varsel.",
        "Beholderen SKAL stå ved skel på tømmedagen!!")
ONE_COLD = COLD[:1]
FRIENDLY = ("Tak for din henvendelse om affaldsordningen.",
            "Ring gerne til mig, hvis du har spørgsmål, så finder vi en løsning sammen.")


def letter(middle: str, frame=COLD) -> str:
    return HEAD + "Kære Bo Lund\n\n" + "\n\n".join([frame[0], middle, *frame[1:]]) + END


def _family(found, family: str, words: str) -> list:
    return [f for f in found if f[0] == family and words.lower() in f[1].lower()]


# shapes whose words are often fair in a friendly letter: they count only in a cold one
GATED = [
    ("belaering", "Man bør altid tømme sin postkasse for breve fra kommunen.", "man bør"),
    ("belaering", "Det er almindelig kendt, at man skal melde flytning.", "det er almindelig kendt, at"),
    ("belaering", "Det er bilejerens ansvar at flytte bilen på fejedagen.", "bilejerens ansvar"),
    ("belaering", "Vi må kunne forvente, at lejere har læst husordenen.", "vi må kunne forvente, at"),
    ("kold-afvisning", "Oplysningen om dit arbejde om natten er uden betydning.", "er uden betydning"),
    ("kommando", "Tømmeplanen skal overholdes.", "skal overholdes"),
    ("kommando", "Du må ikke stille haveaffald ved siden af containeren.", "du må ikke"),
    ("kommando", "Send samtlige kvitteringer for tømningerne i 2025.", "samtlige"),
    ("bebrejdelse", "Vi går ud fra, at du ikke har sorteret dit affald i år.", "vi går ud fra, at du"),
    ("kold-afvisning", "Din forklaring kan ikke føre til et andet resultat.", "kan ikke føre til et andet resultat"),
    ("kold-afvisning", "Der er ingen grund til at se anderledes på sagen.", "ingen grund til at se anderledes"),
    ("kommando", "Beholderen skal til enhver tid være tilgængelig.", "til enhver tid"),
    ("bebrejdelse", "Vi har svært ved at se, hvorfor det skulle være så vanskeligt.", "svært ved at se, hvorfor"),
]
# shapes (or their narrow forms) that lecture or reproach the reader in any letter: they need no cold letter
ALONE = [
    ("belaering", "Som lejer bør man vide, hvornår der er storskrald.", "bør man"),
    ("belaering", "Man burde kende tømmeplanen efter så mange år.", "man burde"),
    ("belaering", "En ansvarlig hundeejer holder sin hund i snor.", "en ansvarlig hundeejer holder"),
    ("belaering", "Det er alles ansvar at holde stierne rene.", "det er alles ansvar"),
    ("kommando", "Du skal fremover stille sækken ud aftenen før.", "du skal fremover"),
    ("bebrejdelse", "Det havde været en fordel, hvis du havde læst vejledningen.", "det havde været en fordel"),
    ("bebrejdelse", "Vi må gå ud fra, at du ikke har læst tømmeplanen.", "vi må gå ud fra, at du"),
    ("kold-afvisning", "Dine bemærkninger om lugten fra containeren ændrer ikke på afgørelsen.", "ændrer ikke på"),
    ("kold-afvisning", "At du har haft to beholdere i mange år, ændrer ikke på reglerne.", "ændrer ikke på"),
    ("kold-afvisning", "Jeres indsigelser har ikke givet anledning til ændringer i tømmeplanen.", "har ikke givet anledning til"),
]
SHAPES = GATED + ALONE


@pytest.mark.parametrize("family,sentence,words", SHAPES)
def test_a_broad_shape_counts_in_a_cold_letter(tone_findings, family, sentence, words):
    assert _family(tone_findings(letter(sentence)), family, words)


@pytest.mark.parametrize("family,sentence,words", GATED)
def test_the_same_sentence_in_a_friendly_letter_is_left_alone(tone_findings, family, sentence, words):
    assert not _family(tone_findings(letter(sentence, FRIENDLY)), family, words)


@pytest.mark.parametrize("family,sentence,words", ALONE)
def test_a_shape_that_stands_alone_counts_in_a_friendly_letter(tone_findings, family, sentence, words):
    assert _family(tone_findings(letter(sentence, FRIENDLY)), family, words)


@pytest.mark.parametrize("family,sentence,words", GATED[:6])
def test_one_other_cold_sentence_is_not_enough(tone_findings, family, sentence, words):
    assert not _family(tone_findings(letter(sentence, ONE_COLD)), family, words)


@pytest.mark.parametrize("family,sentence", [
    # the same words, wider than the narrow forms: a third party's duty, our assumption without "må", a duty
    # without "eget", a known fact, a condition after "vi må gå ud fra"
    ("belaering", "Det er udlejers ansvar at reparere taget på skuret."),
    ("bebrejdelse", "Vi går ud fra, at du stadig bor på Lindevej 4."),
    ("bebrejdelse", "Det er dit ansvar at give os besked, hvis du flytter."),
    ("belaering", "Det er kendt, at haveaffald kan tiltrække rotter."),
    ("bebrejdelse", "Vi må gå ud fra, at du ikke ønsker pladsen, hvis vi ikke hører fra dig inden den 1. maj."),
    # our assumption in the reader's favour, advice, a fact everyone knows, a question told back
    ("bebrejdelse", "Vi må gå ud fra, at du har travlt med flytningen, så vi henter sækkene hos dig."),
    ("bebrejdelse", "Vi må gå ud fra, at du ikke har set tømmeplanen, så vi sender den med dette brev."),
    ("bebrejdelse", "Vi må gå ud fra, at du ikke har modtaget regningen for marts."),
    ("belaering", "Man bør skylle glas og flasker, før de kommer i containeren."),
    ("belaering", "Det er almindeligt kendt, at haveaffald kan blive til kompost."),
    ("bebrejdelse", "Du spurgte, om det havde været en fordel, hvis du havde bestilt tømningen i marts."),
    ("belaering", "Mange spørger os, om man bør vide, hvornår der er storskrald."),
    ("belaering", "Du spurgte, om det er alles ansvar at holde stien ren."),
    # the reader's points with a reason, something in the reader's favour, our own figures left out
    ("kold-afvisning", "Dine bemærkninger ændrer ikke på afgørelsen, fordi gebyret er det samme for alle husstande."),
    ("kold-afvisning", "Dine oplysninger om den nye adresse ændrer ikke på din ret til en ekstra beholder."),
    ("kold-afvisning", "Din flytning ændrer ikke på afgørelsen, så du beholder din rabat."),
    ("kold-afvisning", "Den løn, du fik i januar, indgår ikke i beregningen af gebyret."),
    ("kold-afvisning", "Dine bemærkninger om stien har givet anledning til en ændring af tømmeplanen."),
    # "fremover" with the news of a change in the sentence or the one before
    ("kommando", "Fra den 1. april skal du fremover stille sækken ud mandag aften."),
    ("kommando", "Vi har lavet en ny tømmeplan for dit område. Du skal fremover stille sækken ud mandag aften."),
])
def test_the_friendly_letter_keeps_the_wider_words(tone_findings, family, sentence):
    found = tone_findings(letter(sentence, FRIENDLY))
    assert not [f for f in found if f[0] == family and f[1].lower() in sentence.lower()], found


@pytest.mark.parametrize("family,sentence", [
    # our own duty, or the law's with its basis
    ("belaering", "Det er kommunens ansvar at tømme containerne på genbrugspladsen."),
    ("belaering", "Efter regulativets § 7 er det grundejerens pligt at holde adgangsvejen fri."),
    ("belaering", "Det er Vestø Renovations ansvar at tømme beholderen, og det gør vi hver anden uge."),
    # a reason in the sentence or the next one, help next
    ("kommando", "Du må ikke stille haveaffald ved siden af containeren, fordi det tiltrækker rotter."),
    ("kommando", "Tømmeplanen skal overholdes. Det er fordi bilen kun kører i området om mandagen."),
    ("kommando", "Du skal fremover stille sækken ud aftenen før. Ring til os, hvis det er svært for dig."),
    ("kold-afvisning", "Dit ønske om en ekstra tømning ændrer ikke på gebyret, fordi gebyret er fast for alle."),
    # a general statement about how a scheme works, not the reader's point set aside
    ("kold-afvisning", "Et lån til gebyret dækker kun fremtidige tømninger og ændrer ikke ved, at denne regning skal betales."),
    ("kold-afvisning", "En klage ændrer ikke ved, at gebyret skal betales til tiden."),
    # a question, a hypothesis
    ("kommando", "Hvis du ikke må bære tunge ting, kan du få hjælp til at stille beholderen ud."),
    ("belaering", "Er det grundejerens ansvar at rydde sne på stien?"),
    # the reader's own right
    ("kommando", "Du må gerne stille to sække ud i december."),
])
def test_hard_negatives_in_a_cold_letter(tone_findings, family, sentence):
    found = tone_findings(letter(sentence))
    middle = sentence.split(". ")[0].lower()
    assert not [f for f in found if f[0] == family and f[1].lower() in middle], found


QUIET = ("Vi har behandlet din ansøgning om en ekstra beholder til haveaffald.",
         "Vestø Renovation henter haveaffald hver anden fredag fra april til oktober.")


def test_three_shapes_hold_each_other_up_in_a_letter_with_no_other_finding(tone_findings):
    shapes = ["Din forklaring kan ikke føre til et andet resultat.",
              "Vi har svært ved at se, hvorfor det skulle være så vanskeligt.",
              "Det er bilejerens ansvar at flytte bilen på fejedagen."]
    found = tone_findings(letter(" ".join(shapes), QUIET))
    assert _family(found, "kold-afvisning", "kan ikke føre til")
    assert _family(found, "bebrejdelse", "svært ved at se")
    assert _family(found, "belaering", "bilejerens ansvar")
    two = tone_findings(letter(" ".join(shapes[:2]), QUIET))
    assert not [f for f in two if f[0] in ("kold-afvisning", "bebrejdelse", "belaering")], two


def test_the_gate_counts_other_sentences():
    assert not tone_cold.cold_enough({10, 50}, 10)
    assert tone_cold.cold_enough({10, 50, 90}, 10)
    assert tone_cold.cold_enough({50, 90}, 10)


def test_every_shape_has_advice_that_ends_a_sentence():
    for family, shapes in tone_cold.SHAPES.items():
        assert family in tone_cold.COUNTED_FAMILIES
        for name, rx, advice in shapes:
            assert advice.endswith("."), name


@pytest.mark.parametrize("sentence", [
    "Det er bilejerens ansvar at flytte bilen på fejedagen, og det må konstateres, at du ikke har gjort det.",
    "Det er hundeejerens ansvar at samle op, og du har ikke levet op til det ansvar.",
])
def test_a_sentence_another_family_flagged_gets_no_second_family(tone_findings, sentence):
    found = tone_findings(letter(sentence))
    assert [f for f in found if f[0] == "bebrejdelse" and f[1] in sentence]
    assert not [f for f in found if f[0] == "belaering" and f[1] in sentence], found
