"""Tone rules, session 23 (blind reviews 21-25's misses of kold-afvisning and kommando, in shapes of our own from other
areas): the reader's own point reported and set aside with no reason, our refusal to weigh the reader's reasons, the
talk or the case shut flat, the decision told as final, our part or our time denied, a bar on applying again; a bare
no to a way of handing in, a channel allowed only, and both or all the readers summoned bare. Each next to hard
negatives where the same words come with a reason, help, a way on, a delay or good news. The real pipeline with the
learned model switched off, so the rules alone are tested."""
from __future__ import annotations

import pytest


HEAD = "Nordby Kommune\nBorgerservice\nTorvet 3, 4900 Nordby\n\n"
END = "\n\nMed venlig hilsen\n\nKaren Holm\nSagsbehandler\nTlf. 44 55 66 77"


def letter(*paragraphs: str) -> str:
    return HEAD + "Kære Ole Berg\n\n" + "\n\n".join(paragraphs) + END


def _on(found, family: str, words: str) -> list:
    return [f for f in found if f[0] == family and words.lower() in f[1].lower()]


def _families(found) -> set:
    return {f[0] for f in found}


@pytest.mark.parametrize("text,words", [
    # the reader's point reported, then set aside after "men"
    (letter("Vi har behandlet din ansøgning om tilskud til høreapparat. Du skriver i ansøgningen, at du ikke kan høre "
            "dørklokken, men det er ikke noget, vi kan tage hensyn til."), "ikke noget, vi kan tage hensyn til"),
    (letter("Tak for jeres høringssvar om den nye cykelsti. I skriver, at stien vil tage lys fra jeres have, men det er "
            "nu engang sådan, at stien skal ligge langs vejen."), "det er nu engang sådan"),
    (letter("Vi har læst dine bemærkninger om madservicen, men de ændrer ikke på vores vurdering. Madservicen fortsætter "
            "som hidtil."), "de ændrer ikke"),
    (letter("At I gerne vil have jeres søn i samme klasse som naboens dreng, er forståeligt, men det er ikke skolens "
            "opgave at tage hensyn til venskaber."), "det er ikke skolens opgave"),
    (letter("De skriver, at De ikke kan nå bussen om morgenen, men kommunen kan ikke forholde sig til, hvordan den "
            "enkelte tilrettelægger sin dag."), "kan ikke forholde sig til"),
    # our refusal to weigh the reader's reasons; a no told over the reader's own wish
    (letter("Du har søgt om fritagelse for betaling til SFO i juli. Vi kan ikke tage hensyn til, hvad I måtte have af "
            "planer for sommeren."), "vi kan ikke tage hensyn til"),
    (letter("Samtalen om din plan kan ikke holdes hjemme hos dig, selv om du har ønsket det."), "selv om du har ønsket"),
    # the reader's point told, then set aside by a bare back-reference
    (letter("Vi har behandlet din klage over parkeringsafgiften. Du har i klagen skrevet, at skiltet var dækket af sne. "
            "Disse forhold er ikke relevante for sagen."), "disse forhold er ikke relevante"),
    (letter("De har i telefonen forklaret, at De kun bruger garagen til opbevaring. Forvaltningen lægger ikke vægt på "
            "denne forklaring."), "lægger ikke vægt på denne forklaring"),
    # the reader's own wish left out of the weighing
    (letter("Vi har vurderet din ansøgning om ledsager. Dit ønske om at have den samme ledsager hver gang er ikke "
            "noget, der indgår i vurderingen."), "indgår"),
    (letter("Tak for din mail om affaldsordningen. Vi har læst dine argumenter for en mindre beholder, men de ændrer "
            "ikke på kommunens beslutning."), "ændrer ikke på kommunens beslutning"),
])
def test_the_readers_point_set_aside_bare_is_a_cold_refusal(tone_findings, text, words):
    assert _on(tone_findings(text), "kold-afvisning", words)


@pytest.mark.parametrize("text", [
    # a reason after "men", or the reason a refusal gives ("ændrer ikke på, at …")
    letter("Vi har behandlet din ansøgning om tilskud til høreapparat. Du skriver i ansøgningen, at du ikke kan høre "
           "dørklokken, men det kan vi ikke tage hensyn til, fordi tilskuddet kun gælder høretab over 30 dB."),
    letter("Tak for jeres høringssvar. I skriver, at stien vil tage lys fra jeres have, men stien skal ligge langs vejen "
           "efter reglerne i vejloven. Ring til mig, hvis I vil se tegningerne."),
    letter("Vi har læst dine bemærkninger om madservicen, men de ændrer ikke på, at maden skal bestilles en uge før."),
    letter("Vi har læst jeres klage, men afgørelsen er truffet efter folkeskolelovens § 26, fordi afstanden er under "
           "7 km."),
    # understanding and help, an offer after "men", our own part done
    letter("Vi har læst din klage over prisen, men vi forstår godt, at det er en stor udgift for dig. Vi vil gerne finde "
           "en betalingsordning sammen med dig."),
    letter("Du skriver, at du ikke kan nå bussen om morgenen, men vi kan tilbyde dig en senere tid kl. 10."),
    letter("Du skriver, at du har været syg, men det har vi allerede taget højde for, og vi har forlænget fristen til "
           "den 1. juni."),
    # our weighing with its reason, or a yes to weigh it
    letter("Vi kan ikke tage hensyn til, om du har ferie, fordi prøven er samme dag for alle elever."),
    letter("Vi kan godt tage hensyn til, at du arbejder om aftenen, når vi lægger tiderne."),
    letter("Samtalen kan ikke holdes hjemme hos dig, selv om du har ønsket det, fordi der skal være en tolk til stede, "
           "og tolken kan kun komme på jobcentret."),
    # the reader's point answered, good news, a fact that counts for the reader
    letter("De har i telefonen forklaret, at De kun bruger garagen til opbevaring. Forvaltningen lægger ikke vægt på "
           "denne forklaring, fordi der holder en bil i garagen på alle vores billeder."),
    letter("Du har i klagen skrevet, at skiltet var dækket af sne. Det er rigtigt, og derfor annullerer vi afgiften."),
    letter("Du har skrevet, at du har fået nyt arbejde. Det har ingen betydning for din boligstøtte i år."),
    letter("Din indtægt som studerende indgår ikke i beregningen af boligstøtten, så du får fuld støtte."),
])
def test_the_readers_point_answered_is_no_cold_refusal(tone_findings, text):
    assert "kold-afvisning" not in _families(tone_findings(text))


@pytest.mark.parametrize("text,words", [
    (letter("Vi har modtaget din klage over vinterbekæmpelsen. Forvaltningen tager ikke stilling til klager over "
            "snerydning på private fællesveje."), "tager ikke stilling til"),
    (letter("Bemærk, at skolen ikke tager stilling til, hvem af jer der skal betale for turen."), "stilling til"),
    (letter("Du har ringet til os flere gange om hegnet. Vi vil ikke gå ind i en diskussion om, hvor skellet ligger."),
     "gå ind i en diskussion"),
    (letter("Vi har set på sagen om træet ved jeres carport. Kommunen har ikke tænkt sig at fælde træet."),
     "har ikke tænkt sig at"),
    (letter("Vi har målt vandtrykket hos dig én gang. Kommunen foretager ikke yderligere målinger."),
     "foretager ikke yderligere"),
    (letter("Vi har modtaget din ansøgning om et nyt køleskab. Et nyt køleskab kan ikke komme på tale."),
     "kan ikke komme på tale"),
    (letter("Tak for din mail om legepladsen. Vi har læst den, men beslutningen er truffet og ændres ikke. "
            "Legepladsen bliver fjernet i marts."), "ændres ikke"),
    (letter("Din søn har været syg i tre uger. Hans klasselærer har ikke tid til at gennemgå de opgaver, han har "
            "misset."), "har ikke tid til"),
    (letter("Du har spurgt, om vi kan hjælpe med at bære kasser ved flytningen. Det er ikke hjemmeplejens opgave at "
            "hjælpe med flytning."), "ikke hjemmeplejens opgave"),
    (letter("Du får afslag på tilskud til tandbehandling. Du kan ikke søge igen, før der er gået seks måneder."),
     "kan ikke søge igen"),
])
def test_a_door_shut_or_our_part_denied_bare_is_a_cold_refusal(tone_findings, text, words):
    assert _on(tone_findings(text), "kold-afvisning", words)


@pytest.mark.parametrize("text", [
    # a later step or who does it, a delay, someone else's act
    letter("Vi tager ikke stilling til din ret til pension i dette brev. Det gør vi, når vi har fået lægens erklæring."),
    letter("Ankestyrelsen tager stilling til din klage inden for tre måneder."),
    letter("Vi har ikke taget stilling til din ansøgning endnu, fordi vi mangler din lønseddel."),
    letter("Vi tager ikke stilling til skatten. Det er Skattestyrelsen, der vurderer den, og du kan ringe til dem på "
           "72 22 18 18."),
    # a burden spared is good news
    letter("Vi har ikke tænkt os at opkræve gebyret igen."),
    letter("Kommunen har ikke tænkt sig at lukke skolen i Nørreby."),
    # a time, a way on next, a benefit unchanged
    letter("Afgørelsen ændres ikke, mens vi behandler din klage."),
    letter("Beslutningen er truffet af byrådet og kan ikke ændres af forvaltningen. Du kan skrive til byrådet, hvis du "
           "vil gøre politikerne opmærksom på din sag."),
    letter("Din ydelse ændres ikke. Du får det samme beløb som før."),
    # the reader's part lifted, another party named, "ikke kun", a way on, an apology, the reader's own time
    letter("Det er ikke din opgave at finde en ny plads til Emil. Det gør vi."),
    letter("Det er ikke kommunens opgave at rydde sne på private fællesveje. Det er grundejerforeningens opgave, og du "
           "kan kontakte formanden."),
    letter("Det er ikke kun kommunens ansvar, at børnene trives, men vi gør meget for det."),
    letter("Hans klasselærer har ikke tid til at give ham ekstra timer, men skolens lektiecafé er åben hver tirsdag, "
           "og der kan han få hjælp."),
    letter("Vi beklager, at vi ikke havde tid til at tale med dig, da du ringede."),
    letter("Hvis du ikke har tid til at komme, så ring til os."),
    # a bar with its reason or exception, a step of ours, a yes
    letter("Du kan ikke søge igen, før vi har afgjort din klage."),
    letter("Du kan søge igen om et år, hvis du stadig har brug for hjælp."),
    letter("Du kan ikke søge igen før den 1. januar, fordi puljen for i år er brugt op."),
    letter("Du kan ikke søge om tilskud igen i år, medmindre din indtægt falder."),
    letter("Vi har målt vandtrykket hos dig to gange, og det var i orden begge gange. Derfor foretager kommunen ikke "
           "yderligere målinger."),
    letter("Et nyt køleskab kan ikke komme på tale, fordi dit gamle kan repareres. Vi sender en montør i næste uge."),
    # our job denied for the reader's own conduct or child, or the others' lapse: a reproach, not a refusal
    letter("Det er ikke børnehavens opgave at lære Sofie at tage tøj på."),
    letter("Hjemmeplejen har ikke tid til at vente på borgere, der ikke er hjemme."),
    letter("Det er ikke forvaltningens ansvar, at De har glemt at forny parkeringskortet."),
    # the same words used fairly
    letter("Vi kan ikke behandle din ansøgning, før vi har fået din lønseddel."),
    letter("Det er ikke nødvendigt at sende papirerne igen."),
])
def test_a_door_with_a_way_on_or_a_reason_is_no_cold_refusal(tone_findings, text):
    assert "kold-afvisning" not in _families(tone_findings(text))


@pytest.mark.parametrize("text,words", [
    (letter("Vi har brug for din lønseddel for marts. Vi tager ikke imod kopier på papir."), "tager ikke imod kopier"),
    (letter("I indkaldes til samtale om Sofies skolestart mandag den 3. marts kl. 9 på Nordby Skole. I skal begge være "
            "til stede.", "På mødet taler vi om, hvordan Sofie har det i børnehaven."), "i skal begge være til stede"),
    (letter("Restancen er på 2.400 kr. Eventuelle henvendelser om beløbet bedes ske skriftligt."), "bedes ske"),
    (letter("Vi har sendt dig et forslag til ny vejbelysning. Indsigelser bedes udelukkende sendt skriftligt til "
            "teknik@nordby.dk."), "udelukkende sendt"),
])
def test_a_bare_channel_rule_or_summons_of_all_is_a_command(tone_findings, text, words):
    assert _on(tone_findings(text), "kommando", words)


@pytest.mark.parametrize("text", [
    letter("Vi tager ikke imod kontanter, men du kan betale med kort eller MobilePay."),
    letter("Vi tager ikke imod kopier på papir. Du kan i stedet sende dem i Digital Post."),
    letter("Vi tager ikke gebyr for at sende dig en ny kopi."),
    letter("I skal begge være til stede, fordi vi skal have underskrift fra jer begge."),
    letter("I skal begge møde op. Så kan vi høre, hvordan I hver især oplever Sofies dag."),
    letter("I skal ikke begge møde op. Det er nok, at en af jer kommer."),
    letter("Eventuelle henvendelser om beløbet bedes ske til Karen Holm på tlf. 44 55 66 77."),
    letter("Indsigelser bedes udelukkende sendt skriftligt, så vi kan dokumentere dem i sagen."),
])
def test_a_channel_rule_with_a_way_or_a_summons_with_its_why_is_no_command(tone_findings, text):
    assert "kommando" not in _families(tone_findings(text))
