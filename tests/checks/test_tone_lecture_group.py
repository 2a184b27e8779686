"""Tone rules, session 19: a duty or an expectation told as a general rule about a group the reader belongs to
(``_group_rule_stage``), in our own sentences from other areas (renovation, byggesag, parkering, skole, jobcenter,
hjemmepleje, dagtilbud), each next to more hard negatives than positives that use the same words to tell a duty plainly:
with its source, reason, purpose or help, our own or a provider's duty, a right, or friendly advice about a date.

- a group named as the subject of a duty ("Hundeejere har selv ansvaret for at …", "Enhver bygherre er forpligtet
  til at kende …", "<Gruppe> skal …, og det betyder, at man selv …");
- an expectation of a group with what they are to do for themselves ("Det må forventes, at bilister, der …, holder sig
  orienteret om …");
- our "experience" that many of a group want something, set right with a general truth after "men";
- "Det er på tide, at du tager ansvar for …".

The real pipeline with the learned model switched off, so the rules alone are tested."""
from __future__ import annotations

import pytest

from test_tone_lecture_r18c import _on, _run     # ``tone_findings``: tests/checks/conftest.py


@pytest.mark.parametrize("case", [
    'Hundeejere har selv ansvaret for at holde deres hund i snor på stranden.',
    'Grundejere har pligt til at holde fortovet ryddet for sne og is.',
    'Enhver bygherre er forpligtet til at kende reglerne i lokalplanen, før der bygges.',
    'Alle lejere er forpligtede til at holde sig orienteret om reglerne for affaldssortering.',
    'Forældre har ansvaret for at sikre, at deres barn har sovet nok, når det kommer i skole.',
    'Elever på erhvervsuddannelser har selv ansvaret for at møde til tiden hver dag.',
    'Borgere i jobafklaring skal deltage aktivt i forløbet, og det betyder, at man selv søger mindst to job om ugen.',
    'Det må forventes, at bilister, der parkerer i beboerzonen, holder sig orienteret om skiltningen.',
    'Det må forventes, at borgere, der modtager hjemmehjælp, selv sørger for at have rengøringsmidler i hjemmet.',
    'Det er vores erfaring, at mange ældre ønsker at blive boende i eget hjem, men et plejehjem giver ofte en bedre hverdag.',
    'Det er skolens erfaring, at mange forældre ønsker et skoleskift, når der er konflikter, men et skift løser sjældent '
    'problemet.',
    'Det er på tide, at du tager ansvar for dine egne aftaler med jobcentret.',
    'Det er på høje tide, at I tager jeres ansvar som forældre alvorligt.',
])
def test_duty_or_expectation_told_about_group(tone_findings, case):
    assert "belaering" in _on(*_run(tone_findings, case))


@pytest.mark.parametrize("case", [
    'Du har pligt til at oplyse os om ændringer i din indkomst, fordi de kan ændre din boligstøtte.',
    'Som arbejdsgiver skal I indberette lønnen i eIndkomst senest den 10. i måneden.',
    'Ejeren af en hund har ansvaret for, at hunden ikke er til gene for andre, jf. hundelovens § 3.',
    'Alle borgere over 18 år kan stemme ved kommunalvalget den 18. november.',
    'Kommunen har pligt til at tilbyde dig en samtale inden for fire uger.',
    'Det er på tide at søge om nyt pas, hvis du skal rejse til sommer.',
    'Det er på tide, at du søger om fornyelse af dit parkeringskort, fordi det udløber den 1. maj.',
    'Det er på tide, at du bestiller tid til den årlige kontrol hos tandplejen.',
    'Det er på tide, at I tager stilling til, om Emil skal starte i skole efter sommerferien, fordi fristen er den 1. marts.',
    'Det er på tide, at du får taget dit ansvar for dit barn alvorligt, og vi hjælper dig gerne med en plan.',
    'Grundejere har ret til at få fjernet haveaffald gratis to gange om året.',
    'Elever har ret til at få en pause hver anden time.',
    'Enhver borger har ret til at se sine sagsakter.',
    'Udlejere har pligt til at udbedre fugtskader i lejligheden.',
    'Arbejdsgivere har pligt til at betale løn under din sygdom i de første 30 dage.',
    'Sagsbehandlere har pligt til at vejlede dig om dine muligheder.',
    'Pårørende har ikke pligt til at hjælpe med rengøringen.',
    'Grundejere har pligt til at rydde fortovet for sne, så gående kan komme sikkert forbi.',
    'Forældre har ansvaret for at melde deres barn til skolebus, for at chaufføren kan planlægge ruten.',
    'Efter vejloven har grundejere pligt til at holde fortovet ryddet for sne.',
    'Beboere i afdelingen har pligt til at betale huslejen til tiden, jf. lejekontrakten.',
    'Hundeejere har ansvaret for at samle hundens efterladenskaber op, og vi har sat poser op ved alle stier.',
    'Forældre har pligt til at melde deres barn syg inden kl. 8. Det gør I i Aula, og kontoret hjælper gerne.',
    'Lejere har pligt til at give os adgang til lejligheden, når vi skal udskifte vinduerne, og vi varsler altid besøget '
    'mindst 14 dage før.',
    'Borgere på kontanthjælp skal stå til rådighed for arbejde, og det betyder, at du kan få tilbudt et job med kort varsel.',
    (("Du spørger, hvem der skal rydde sneen på stien.",), 'Grundejere har pligt til at rydde fortovet ud for deres grund.'),
    (("Vi har talt med Oliver om turen.",), 'Oliver har selv ansvaret for at pakke sin taske.'),
    'Det forventes, at ansøgere, der har søgt inden fristen, får svar inden fire uger.',
    'Det må forventes, at borgere, der søger om tilskud, selv sørger for at sende kvitteringer med, og vi hjælper gerne '
    'med at finde dem.',
    'Pårørende, der ønsker at hjælpe, er velkomne til at kontakte plejehjemmet.',
    'Det er vores erfaring, at mange forældre har glæde af en samtale med sundhedsplejersken, så du er velkommen til at '
    'ringe.',
    'Det er vores erfaring, at mange ønsker en fast tid, men vi kan desværre ikke love det, fordi ruterne skifter.',
    'Det er vores erfaring, at mange ældre gerne vil blive boende hjemme, men du kan også søge om en plejebolig, hvis du '
    'ønsker det.',
    'Det er vores erfaring, at mange borgere ønsker at tale med en sagsbehandler, men det er ofte hurtigere for dig at '
    'skrive til os på borger.dk.',
    'Erfaringen viser, at mange forældre ønsker en plads i den samme institution som søskende, men vi kan kun love det, '
    'når der er plads.',
])
def test_duty_told_plainly_is_no_lecture(tone_findings, case):
    assert "belaering" not in _on(*_run(tone_findings, case))
