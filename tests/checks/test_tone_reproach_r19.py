"""Tone rules, round 19: reproach in shapes the earlier rounds missed. Our own sentences from other areas (renovation,
veje og fortove, dagpleje, skole, tandpleje, byggesag, genbrug, boligstøtte), each next to hard negatives that reuse
the same words where nobody is blamed.

- a sentence that opens with complaints from others received once more about the reader ("Vi har igen fået klager
  over …"), with no wish to hear the reader's side, help or next step in it or the next sentence;
- an ironic sigh at how hard a simple thing seems ("Vi forstår ikke, at det skal være så svært at …");
- the home or family insinuated as the cause of a child's trouble ("… hænger sammen med forholdene derhjemme");
- a count of nothing from the reader with a sigh ("Du har stadig ikke sendt en eneste …");
- the reader's account judged unlikely or not believed, and their reason for not acting "not seen";
- bad faith read into the reader's act ("Vi vil ikke acceptere at blive presset til …", "De har forsøgt at omgå …");
- an ironic reproach to a vague "alle" or "nogle" ("Det er tilsyneladende ikke trængt ind hos alle, at …").
The real pipeline with the learned model switched off, so the rules alone are tested."""
from __future__ import annotations

import pytest

from test_tone_reproach_r17 import _family, letter     # ``tone_findings``: tests/checks/conftest.py

REPROACH = [
    # complaints again
    ("Vi har endnu en gang fået klager fra genboerne over, at din trailer holder på fortovet.",),
    ("Igen har kommunen modtaget klager over støj fra Deres hund om natten.",),
    ("Vi har nu igen fået henvendelser fra flere beboere om, at Deres hund går løs på legepladsen.",),
    # a simple thing made hard
    ("Vi forstår ikke, at det skal være så svært at sortere pap og plast.",),
    ("Det undrer os, at det skulle være så besværligt at melde afbud til tandplejen.",),
    ("Vi forstår ikke, hvorfor det skal være så svært at holde fortovet fri for sne.",),
    # the home as the cause
    ("Det kan ikke udelukkes, at Emils uro i klassen hænger sammen med forholdene derhjemme.",),
    ("Dagplejen vurderer, at Sofies gråd ved afleveringen skyldes jeres opdragelse.",),
    # a count of nothing
    ("Du har desværre ikke søgt et eneste job siden februar.",),
    ("Vi har desværre ikke fået et eneste skema fra jer i hele skoleåret.",),
    # the account judged unlikely, the reason not seen
    ("De har oplyst, at containeren kun stod der i to dage, men det forekommer os ikke sandsynligt, at den skulle "
     "være fjernet så hurtigt.",),
    ("Du har i din mail af 3. april skrevet, at lågen var låst, men det forekommer os ikke sandsynligt, at nøglen "
     "skulle være væk netop den dag.",),
    ("Du skrev, at du havde afleveret nøglen i postkassen.", "Vi tror ikke på, at du har gjort det."),
    ("Du meldte ikke afbud, og vi har svært ved at se, hvorfor du ikke kunne ringe til tandklinikken.",),
    # bad faith read in
    ("Forvaltningen vil ikke acceptere at blive stillet over for færdige kendsgerninger, når De bygger først og "
     "søger bagefter.",),
    ("Vi vil ikke acceptere at blive presset til en hurtigere afgørelse.",),
    ("De har tilsyneladende forsøgt at omgå reglerne ved at dele grunden i to.",),
    # irony to everyone
    ("Det er tilsyneladende ikke trængt ind hos alle, at glas ikke må i containeren til papir.",),
    ("Nogle forældre har åbenbart ikke forstået, at cykler skal stå i stativet.",),
    ("Det er åbenbart ikke alle, der har forstået, at haveaffald ikke må brændes.",),
]

FAIR = [
    # a neutral report with an invitation, the reader as the one who wrote, a professional's news, an apology
    ("Vi har igen fået en henvendelse om parkering på fortovet ved din ejendom, og vi vil gerne høre din side af "
     "sagen.",),
    ("Vi har igen fået klager over støj fra Deres hund.", "Vi vil gerne høre, hvordan De oplever det, så ring gerne "
     "til mig."),
    ("Vi har igen modtaget en henvendelse fra dig om vejbelysningen på Åvej.",),
    ("Vi har igen fået klager over skraldebilens støj på din vej, og det beklager vi.",),
    ("Vi har igen fået mange ansøgninger om plads i Solsikken, og din søn står på ventelisten.",),
    ("Vi har igen fået en besked fra din læge om, at du har brug for mere hjælp til rengøring.",),
    ("Vi har igen modtaget en mail fra jeres skole om Emils nye skema.",),
    # empathy, our own aim, our own service
    ("Det kan være svært at finde rundt i reglerne, så ring gerne til os.",),
    ("Det skal ikke være så besværligt at søge om friplads, og derfor har vi gjort skemaet kortere.",),
    ("Vi forstår godt, at det kan være svært at nå at melde afbud om morgenen.",),
    ("Vi kan ikke forstå, at det skal være så svært at få fat i os, og det beklager vi.",),
    # our own uncertainty about a fact, the home named with help, no cause
    ("Vi kan ikke udelukke, at der kommer en regning for ekstra tømning.",),
    ("Emils uro kan hænge sammen med mange ting, også forholdene derhjemme, og vi vil gerne tale med jer om, hvad der "
     "kan hjælpe ham.",),
    ("Vi har bevilget familiebehandling, fordi Sofies vanskeligheder hænger sammen med forholdene i hjemmet, og "
     "behandleren vil hjælpe jer med hverdagen.",),
    ("Støtten skal hjælpe Liva med uroen både i skolen og i hjemmet.",),
    # a plain reminder, praise, a fact about places, no complaints
    ("Vi har desværre ikke fået dine papirer endnu.",),
    ("Du har ikke haft en eneste fraværsdag siden januar, og det er flot.",),
    ("Der er desværre ikke en eneste ledig plads i børnehaverne lige nu, men vi har skrevet Noah på ventelisten.",),
    ("Vi har stadig ikke fået en eneste klage over din hund, så vi lukker sagen.",),
    # a fact judged unlikely, our difficulty with what we need, a gain not had
    ("Det er ikke sandsynligt, at vejen bliver ryddet før kl. 7, fordi sneen falder hele natten.",),
    ("Du skrev, at du gerne vil flytte i maj. Det forekommer os ikke sandsynligt, at der bliver en lejlighed ledig før "
     "august, så vi skriver dig op til flere afdelinger.",),
    ("De har i Deres mail af 3. april skrevet, at De gerne vil have en plads i august, men det forekommer os ikke "
     "sandsynligt, at der bliver en ledig før oktober.",),
    ("Vi har svært ved at vurdere sagen uden lægens erklæring, så send den gerne.",),
    ("Vi har svært ved at se, hvorfor du ikke kunne få hjælp i weekenden, og vi undersøger det nu.",),
    ("Vi har svært ved at se, hvordan vi kan hjælpe dig, før vi kender din økonomi.",),
    ("Vi forstår godt, at du ikke kunne ringe, da du lå på sygehuset.",),
    # on the reader's side, negated, a third party
    ("Vi vil ikke acceptere, at du bliver presset af udlejer, og vi hjælper dig gerne med at klage.",),
    ("Vi mener ikke, at De har forsøgt at omgå reglerne, og vi har derfor ikke pålagt en afgift.",),
    ("Ring til os, hvis nogen forsøger at presse dig til at betale.",),
    # "åbenbart" about a thing, about ourselves, with what we do about it
    ("Brevet er åbenbart ikke nået frem til dig, så vi sender det igen.",),
    ("Det er åbenbart ikke gået op for os, at I var flyttet, og det beklager vi.",),
    ("Mange har tilsyneladende ikke opdaget, at man nu kan søge digitalt, så vi har lavet en vejledning.",),
    ("Det er åbenbart ikke alle, der har fået brevet om vejarbejdet, så vi sender det igen.",),
]


@pytest.mark.parametrize("paragraphs", REPROACH)
def test_reproach_shape_is_found(tone_findings, paragraphs):
    assert _family(tone_findings(letter(*paragraphs)), "bebrejdelse")


@pytest.mark.parametrize("paragraphs", FAIR)
def test_same_words_without_reproach(tone_findings, paragraphs):
    assert not _family(tone_findings(letter(*paragraphs)), "bebrejdelse")
