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


SANCTION_NO_GUIDE = ("Jobcenter Åby\nTorvet 3\n\nVi trækker 2 dage i din uddannelseshjælp\n\nKære Sara\n\nDu får 2 dages "
                     "uddannelseshjælp mindre for april. Det er, fordi du ikke mødte op på Værkstedet den 3. og 4. april."
                     " Fradraget er 1.020 kr. før skat.\n\nDin næste aftale er den 20. april kl. 10 hos mig.\n\n"
                     "Med venlig hilsen\n\nLars Holm\nRådgiver\n")


def test_a_deduction_told_as_less_benefit_needs_an_appeal_guide():
    # "Du får … mindre" opens like a grant; a deduction is a decision against the reader (forvaltningsloven § 25)
    from letterlab import core

    report = core.analyse(SANCTION_NO_GUIDE)
    assert report.genre == "afgoerelse"
    assert "genre.klagevejledning" in {f.rule for f in report.findings}


def test_a_promise_not_to_deduct_is_no_deduction():
    from letterlab import core

    text = ("Du får betalt din buskort\n\nKære Sara\n\nDu får betalt dit buskort til Værkstedet, som du har søgt om. "
            "Vi betaler 450 kr. om måneden fra 1. maj.\n\nRing til os, før dagen begynder, hvis du bliver syg. Så "
            "trækker vi ikke i din uddannelseshjælp.\n\nMed venlig hilsen\n\nLars Holm\nRådgiver\n")
    report = core.analyse(text)
    assert report.genre == "afgoerelse"
    assert not {"genre.klagevejledning", "genre.klagefrist"} & {f.rule for f in report.findings}


def test_a_summons_that_gives_time_and_place_as_a_list_after_the_opening_says_when_and_where():
    from letterlab import core

    text = ("Samtale om dit forløb den 3. juni\n\nKære Ali\n\nVi vil gerne høre, hvordan det går med dit forløb. Derfor "
            "inviterer vi dig til en samtale:\n- Tirsdag den 3. juni kl. 10.00\n- Jobcenter Åby, Torvet 3, lokale 12\n"
            "- Samtalen tager en halv time\n\nDu må gerne tage en bisidder med.\n\nMed venlig hilsen\n\nLars Holm\n")
    report = core.analyse(text)
    assert report.genre == "indkaldelse"
    assert "genre.indkaldelse-tid-sted" not in {f.rule for f in report.findings}


def test_a_list_far_from_the_opening_does_not_say_when_and_where():
    from letterlab import core

    text = ("Kom til samtale\n\nKære Ali\n\nDu skal komme til en samtale om dit forløb i jobcentret. Vi vil tale om, "
            "hvordan det går.\n\nDet skal vi tale om:\n- din praktik\n- dine timer\n\nDu må gerne tage en bisidder med."
            " Passer tiden ikke, så ring til mig.\n\nHusk:\n- Tirsdag den 3. juni kl. 10.00\n- Torvet 3\n\n"
            "Med venlig hilsen\n\nLars Holm\n")
    report = core.analyse(text)
    assert report.genre == "indkaldelse"
    assert "genre.indkaldelse-tid-sted" in {f.rule for f in report.findings}
