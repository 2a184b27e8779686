"""Tone rules, round 18c: subtle lecturing and moralising (blind review 19's misses), in our own sentences from other
areas (hjemmepleje, genoptræning, renovation, biblioteket, boligafdelinger, dagtilbud, jobcenter), each family next to
more hard negatives than positives that reuse the same words as information, a right, our own promise or duty, help,
or a shared fact.

- belaering: a limit the reader is reminded they know ("… er som bekendt ikke omfattet"); the reader's conduct told as
  what is expected ("Det forudsættes, at De …", "Det må forventes, at pårørende selv …"); "Man kan ikke forvente, at
  kommunen …"; "Vi må gå ud fra, at De kender …"; "ansøgers eget ansvar"; a moral rule ("Man kan ikke både … og selv
  bestemme …"); the norms of the land ("I Danmark forventer vi …"); the reader's abilities presumed as a reason
  ("…, da du … må forventes at kunne …"); what a service "bør" be used for.
- bebrejdelse: "vi undrer os over, at … overhovedet …"; bad will read into the reader's conduct ("manglende vilje");
  "… mere alvorligt" and "ikke første gang, vi skriver til dig om …"; the others who manage ("som alle andre …
  tilsyneladende kan"); the reader's conduct unkind to others ("ærgerligt for de andre …", "ikke rimeligt over for
  chaufføren" after a lapse); "ikke et godt indtryk"; "så vi må formode, at De kender …" after a count of the times.

Editor's decisions on the negatives: "Som bekendt fra vores møde aftalte vi …" names a fact we share, with us as the
actor, so it is no lecture; "Vi undrer os over, at vi ikke har hørt fra dig. Er du syg, så ring …" is concern with a
way on, no reproach; "De fleste får svar inden 14 dage" informs. The real pipeline with the learned model switched
off, so the rules alone are tested."""
from __future__ import annotations

import pytest

from test_tone_reproach_r17 import letter     # ``tone_findings``: tests/checks/conftest.py


def _on(found, target: str) -> list[str]:
    """The tone families marked inside ``target``."""
    return [fam for fam, text in found if text and text.lower() in target.lower()]


def _run(tone_findings, case) -> tuple[list, str]:
    """A case is the target sentence alone, or (the paragraphs before it, the target)."""
    before, target = ((), case) if isinstance(case, str) else case
    return tone_findings(letter(*before, target)), target


@pytest.mark.parametrize("case", [
    'Tandbehandling er som bekendt ikke dækket af helbredstillægget.',
    'Som bekendt er det kun børn med bopæl i kommunen, der kan få plads i klubben.',
    'Det forudsættes, at du selv holder øje med, hvornår dit kort udløber.',
    'Det forventes, at I sørger for, at Mathias har idrætstøj med hver tirsdag.',
    'Det må forventes, at pårørende selv tager sig af den daglige kontakt med beboeren.',
    'Man kan ikke forvente, at hjemmeplejen altid kommer på det tidspunkt, der passer én bedst.',
    'Man kan ikke forvente, at kommunen betaler for alle udgifter til en flytning.',
    'Vi må gå ud fra, at De er bekendt med reglerne for leje af salen, da de står i lejekontrakten.',
    'Vi må gå ud fra, at du kender reglerne for sortering, da de står på låget af beholderen.',
    'Det er ansøgers eget ansvar at sørge for, at ansøgningen er fuldt udfyldt.',
    'Det er lejers eget ansvar at holde afløbet fri for hår og fedt.',
    'Man kan ikke både få hjælp til rengøring og samtidig nægte at lukke hjælperen ind.',
    'Man kan ikke både bo i en almen bolig og selv bestemme, hvornår man vil betale huslejen.',
    'Her i landet er det almindeligt, at man melder afbud, hvis man ikke kan komme.',
    'I Danmark forventer vi, at forældre sørger for, at børnene kommer i skole hver dag.',
    'Genoptræningen er afsluttet, fordi du efter tolv uger må forventes at kunne gå på trapper selv.',
    'De må efter et halvt år med rollatoren forventes at kunne klare indkøbene selv.',
    'Akuttelefonen er ikke et sted, man bør ringe til med almindelige spørgsmål om medicin.',
    'Borgerservice er ikke et sted, hvor man bør tage sine private uenigheder med naboen op.',
    'Det er borgerens eget ansvar at holde sine kontaktoplysninger opdaterede i Mit Overblik.',
    'Som bekendt må der ikke grilles på altanerne i boligafdelingen.',
    "Vi bevilger ikke ledsager til kurset, da du efter to år i klubben må forventes at kunne forstå reglerne selv.",
])
def test_subtle_lecture(tone_findings, case):
    assert "belaering" in _on(*_run(tone_findings, case))


@pytest.mark.parametrize("case", [
    'Skemaet er ikke udfyldt, og vi undrer os over, at du overhovedet har sendt det ind.',
    'Vi kan kun se det som manglende vilje til at samarbejde med hjemmeplejen.',
    'Dit fravær fra holdet er efter vores vurdering udtryk for manglende vilje til at komme videre.',
    'Det er ikke første gang, vi skriver til dig om hunden, og vi forventer, at du tager reglerne mere alvorligt fremover.',
    'Vi forventer, at du fremover tager aftalerne med fysioterapeuten mere alvorligt.',
    'Det er en regel, som alle andre forældre i dagplejen tilsyneladende kan overholde.',
    'Alle de andre haveejere i foreningen kan åbenbart godt finde ud af at klippe hækken.',
    'Det er ærgerligt for de andre på holdet, at du ofte kommer for sent.',
    (("I har flere gange ikke været klar, når bussen kom.",),
     "Det er ikke rimeligt over for chaufføren, som også skal nå de næste ture."),
    'Vi har bemærket, at du ofte kommer for sent til holdtræningen, hvilket ikke giver et godt indtryk.',
    'Det er fjerde gang i år, at De søger om dispensation til træfældning, så vi må formode, at De kender reglerne.',
    'Du har søgt om det samme tilskud tre gange før, så vi må gå ud fra, at du kender betingelserne.',
    'Vi kan ikke se fraværet som andet end manglende interesse for forløbet.',
    'Det er ikke rimeligt over for de andre forældre, at I sender Ida syg i skole.',
])
def test_subtle_reproach(tone_findings, case):
    assert "bebrejdelse" in _on(*_run(tone_findings, case))


@pytest.mark.parametrize("case", [
    'Som bekendt fra vores møde aftalte vi, at vi kommer på hjemmebesøg igen i maj.',
    'Som du ved, flytter Borgerservice til rådhuset i maj.',
    'Som bekendt holder biblioteket lukket i påsken, men du kan aflevere bøger i postkassen ved døren.',
    'Vi forventer at kunne give dig svar inden den 1. juni.',
    'Det forventes, at du får svar inden fire uger.',
    'Det forventes, at I kan flytte ind i boligen den 1. maj.',
    'Det forudsættes, at du har boet i kommunen i to år, for at du kan få tilskuddet.',
    'Man kan søge om tilskud til briller hos Borgerservice.',
    'Man kan forvente, at kommunen svarer inden fire uger.',
    'Du kan ikke forvente svar før efter sommerferien, fordi vi har mange sager lige nu, og det beklager vi.',
    'Det er vores ansvar at sørge for, at du får den hjælp, du har ret til.',
    'Det er udlejers ansvar at udbedre fugtskaden i lejligheden.',
    'Det er kommunens eget ansvar at rydde sne på cykelstierne.',
    'Du skal forvente, at behandlingen tager 4 uger.',
    'Det er første gang, vi skriver til dig om dit barns skolestart.',
    'Vi undrer os over, at vi ikke har hørt fra dig. Er du syg, så ring til os på 44 55 66 77.',
    'De fleste får svar inden 14 dage.',
    'Alle andre i opgangen har fået det samme brev om vandafbrydelsen.',
    'Man kan ikke både få folkepension og førtidspension på samme tid.',
    'Du kan ikke både få boligstøtte og boligydelse for den samme bolig.',
    'I Danmark har alle børn ret til en plads i et dagtilbud.',
    'Her i kommunen forventer vi at kunne tilbyde plads inden for tre måneder.',
    'Sagsbehandlingen må forventes at tage omkring otte uger.',
    'Du må forvente at få svar inden fire uger.',
    'Vi går ud fra, at du har fået vores brev af 3. marts, men ring endelig, hvis ikke.',
    'Vi må gå ud fra, at du ikke har fået vores brev, så vi sender det igen.',
    'Vi ser det ikke som manglende vilje, at du har været syg i perioden.',
    'Fraværet skyldes ikke manglende vilje, men din sygdom, og det tager vi hensyn til.',
    'Vi tager din klage meget alvorligt og vender tilbage inden to uger.',
    'Det er ikke rimeligt over for dig, at du har ventet så længe, og det beklager vi.',
    'Det er ikke rimeligt over for de andre på ventelisten at give dig en plads før dem, og derfor er du nummer 12 på listen.',
    'Vi håber, at besøget giver dig et godt indtryk af skolen.',
    'Det er ærgerligt, at du ikke kunne komme til mødet, men vi finder gerne en ny tid.',
    'Det er ikke første gang, vi skriver til dig om tilskuddet, og vi er glade for at kunne bevilge det igen.',
    'Skadestuen er ikke det rigtige sted, hvis du har brug for en ny recept, så ring til din egen læge.',
    'Det er svært at se, hvornår din sag er færdig, fordi vi venter på svar fra lægen.',
    'Som De ved, er Kim Jensen ikke længere Deres kontaktperson, og Anne Lund har overtaget sagen.',
    'De fleste forældre vælger at bruge Aula til at melde afbud, men du kan også ringe.',
    'Vi undrer os over, at du ikke har fået brevet, og sender det igen i dag.',
    'Vi må gå ud fra, at du kender adressen, men ring gerne, hvis du er i tvivl om vejen.',
    'Som bekendt har vi fået nye åbningstider, og Borgerservice har nu også åbent om torsdagen.',
    'Som du ved, er det kun muligt at bestille pas ved personligt fremmøde, så vi har reserveret en tid til dig.',
    'Det forventes, at renoveringen af svømmehallen er færdig til sommer.',
    'Det forventes, at du holder fri fra arbejdet på operationsdagen, og lægen skriver en erklæring til din arbejdsgiver.',
    'Vi forventer, at du tager din medicin som aftalt, og sygeplejersken kommer forbi hver morgen.',
    'Man kan ikke forvente, at vejret holder, så tag regntøj med på turen.',
    'Det er byggeherrens ansvar at sørge for skilte ved byggepladsen.',
    'Det er vores eget ansvar at sende brevet til den rigtige adresse, og det beklager vi.',
    'Man kan ikke både være tilmeldt som ledig og modtage SU i samme periode.',
    'I Danmark er det lægen, der skriver sygemeldingen, og du kan bede din læge om den.',
    'Her i landet er skolestart i august, og dit barn kan begynde i 0. klasse den 11. august.',
    'Du må forventes at kunne vende tilbage til arbejdet efter seks uger, skriver din læge.',
    'Vi undrer os over, at brevet er kommet frem så sent, og vi undersøger, hvad der er sket.',
    'Manglende interesse for at deltage betyder ikke, at du mister din plads på holdet.',
    'Tag hjemmetræningen alvorligt, for den hjælper dig hurtigere i gang.',
    'Det er første gang, at du søger om tilskud til briller, og du skal derfor sende en recept med.',
    'De andre beboere i opgangen kan også få en ny nøgle i Borgerservice.',
    'Det er synd for dig, at du har ventet så længe, og vi har sat din sag forrest.',
    'Det er uheldigt for de andre brugere af hallen, at taget er utæt, og vi reparerer det i uge 12.',
    'Det giver et godt indtryk, at du altid har holdt dine aftaler med jobcentret.',
    'Det er tredje gang, du får bevilget ferie med ledsager, så vi går ud fra, at du kender fremgangsmåden, men ring endelig, hvis du vil have hjælp.',
    'Vi må gå ud fra, at De ved, hvor mødet holdes, fordi De var med sidst, men vi sender et kort igen.',
    'Det forudsættes, at du er tilmeldt som arbejdssøgende for at kunne få kontanthjælp.',
    'Tilbuddet er ikke beregnet til børn under tre år, men du kan søge om en plads i vuggestuen.',
    'De øvrige ansøgere kan sagtens få svar samme dag, hvis de søger digitalt, og det kan du også.',
])
def test_same_words_without_lecture_or_reproach(tone_findings, case):
    found = _on(*_run(tone_findings, case))
    assert "belaering" not in found and "bebrejdelse" not in found
