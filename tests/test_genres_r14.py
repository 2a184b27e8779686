"""Genre shapes from the session-14 template review, in letters of our own: a deduction from a benefit, a place
allocated, a home visit; and the same words where they must not decide the genre."""
from __future__ import annotations

import pytest

from letterlab.anatomy import read_anatomy
from letterlab.genres import detect_genre_parts


def genre(text: str) -> str:
    return detect_genre_parts(text, read_anatomy(text).parts)[0]


SANCTION = ("Jobcenter Åby\nTorvet 3\n8000 Åby\n\nVi har trukket 1.250 kr. i din uddannelseshjælp for marts\n\n"
            "Kære Sara\n\nVi har trukket 1.250 kr. i din uddannelseshjælp for marts, fordi du ikke mødte op til dit "
            "forløb på Værkstedet den 3. og 4. marts.\n\nNår du får uddannelseshjælp, skal du deltage i de aktiviteter, "
            "vi aftaler med dig. Vi ringede til dig den 5. marts, men du tog ikke telefonen.\n\nDin næste aftale\n"
            "Dit næste møde med din rådgiver er den 20. marts kl. 10 i jobcentret. Kan du ikke komme, så ring til "
            "mig.\n\nMed venlig hilsen\n\nLars Holm\nRådgiver\n")


def test_a_deduction_from_the_readers_benefit_is_a_decision_even_with_a_next_meeting():
    assert genre(SANCTION) == "afgoerelse"


def test_a_summons_that_warns_of_a_deduction_stays_a_summons():
    text = ("Kom til samtale i jobcentret\n\nKære Ali\n\nDu skal komme til en samtale om dit forløb den 12. april "
            "kl. 9.30 i Jobcenter Åby, Torvet 3.\n\nHvis du ikke kommer og ikke har en rimelig grund, kan vi trække "
            "i din kontanthjælp. Kan du ikke komme, så ring til mig på 70 11 22 33.\n\nMed venlig hilsen\n\nLars Holm\n")
    assert genre(text) == "indkaldelse"


def test_a_place_allocated_is_a_decision():
    text = ("Pladsanvisningen\nRådhuset\n\nPlads i Børnehuset Mælkebøtten\n\nKære Karin og Jens\n\nSofie er tildelt "
            "plads i Børnehuset Mælkebøtten fra den 1. august. Det er den børnehave, I ønskede først.\n\n"
            "Svar os senest den 1. juni, om I tager imod pladsen.\n\nMed venlig hilsen\n\nPladsanvisningen\n")
    assert genre(text) == "afgoerelse"


def test_a_home_visit_is_an_appointment():
    text = ("Vi kommer på besøg den 14. maj\n\nKære Birte\n\nVi kommer på besøg hos dig den 14. maj kl. 13. Vi vil se "
            "på dit badeværelse sammen med dig og tale om, hvilke greb du har brug for.\n\nBesøget tager en halv time."
            " Passer tiden ikke, så ring til mig på 70 11 22 44.\n\nVenlig hilsen\n\nMette Lund\nErgoterapeut\n")
    assert genre(text) == "indkaldelse"


@pytest.mark.parametrize("text", [
    # a payment the reader makes by direct debit: no benefit is cut
    "Ny betaling for madordningen\n\nKære Per\n\nFra 1. maj trækker vi betalingen for din mad via Betalingsservice. "
    "Du skal ikke gøre noget.\n\nMed venlig hilsen\n\nOle\n",
    # a visit reported afterwards is no appointment
    "Tak for besøget\n\nKære Inge\n\nTak fordi vi måtte komme forbi i går. Vi sender dig et referat af det, vi "
    "talte om, i næste uge.\n\nMed venlig hilsen\n\nOle\n",
])
def test_the_same_words_elsewhere_decide_nothing(text):
    assert genre(text) == "orientering"


def test_a_home_visit_says_where_it_is():
    from letterlab import core

    text = ("Vi kommer på besøg den 14. maj\n\nKære Birte\n\nVi kommer på besøg hos dig den 14. maj kl. 13. Vi vil se "
            "på dit badeværelse sammen med dig og tale om, hvilke greb du har brug for.\n\nBesøget tager en halv time."
            " Passer tiden ikke, så ring til mig på 70 11 22 44.\n\nVenlig hilsen\n\nMette Lund\nErgoterapeut\n")
    report = core.analyse(text)
    assert report.genre == "indkaldelse"
    assert not [f for f in report.findings if f.rule == "genre.indkaldelse-tid-sted"]
