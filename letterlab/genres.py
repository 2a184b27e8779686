"""Guess the letter's genre from words that mark it; the user can always override the guess.

Genres: ``afgoerelse`` (decision), ``partshoering`` (hearing before a
decision, forvaltningsloven § 19), ``indkaldelse`` (summons to a meeting),
``kvittering`` (receipt), ``anmodning`` (request for documents or payment) and
``opkraevning`` (a payment demand or invoice), ``paamindelse`` (a reminder or
"rykker" about something not yet done or paid) and ``orientering``
(information; the fallback). A notice of an order still to come ("Varsel om
påbud", "Kommunen varsler hermed påbud ...") is a hearing. An injunction (påbud), a fine (bøde), a
reduction or stop of a benefit and a repayment demand are decisions
(``afgoerelse``), whatever the letter calls itself; so is an offer of a place
or a home ("Vi kan tilbyde jer en plads i ..."), which allocates it. An order to put right what an inspection found, on pain of enforcement (the work done
at the reader's cost, a closure, the police), is a decision even when it asks politely and never says "påbud"
(``_order_to_remedy``); a wish turned down on the side of a letter that names no decision, application or appeal does
not make it one (``wish_text``). The subject line's label is read after its field name ("Emne: Indkaldelse ...").

What will happen once a decision is made ("Du må først bygge, når du har fået
tilladelsen", "Du får en regning, når vi har truffet afgørelsen") tells of a
decision to come, so a receipt that says it is no decision (``PROSPECTIVE``).

A reminder the letter says will come if the reader does not pay ("Hvis beløbet ikke er betalt, sender vi først en
påmindelse") is a next step of a bill, not this letter (``factual_text``). A duty broken more than once, with a
warning for the next time ("Det er tredje gang …", "Står spanden ude igen, vil vi …"), is a reminder of the duty
(``_repeated_breach_warned``). A first paragraph that only thanks the reader is an intro however long
(``opening_parts``), and the need a case waits for ("For at vi kan behandle …, skal vi have …") is a request.

``detect_genre`` reads the whole text; ``detect_genre_parts`` reads only the
parts a letter writer writes (``letterlab.anatomy``): subject, body, lists,
key-value lines and the appeal guide, not the letterhead, reference lines or
signature, so "Sagsbehandler" or an agency's name never decides the genre.
"""
from __future__ import annotations

import re
from letterlab import rxcache

from .checks.base import doc_text
from .checks.message import UPHELD_SUBJECT
from .prefilter import Rx

GENRES = {
    "afgoerelse": "Afgørelse",
    "partshoering": "Partshøring",
    "indkaldelse": "Indkaldelse",
    "kvittering": "Kvittering",
    "anmodning": "Anmodning",
    "opkraevning": "Opkrævning",
    "paamindelse": "Påmindelse",
    "orientering": "Orientering",
}

# A notice of an order (påbud, forbud) the municipality has not yet given
VARSEL = (r"\bvarsel om (et |en )?(\w+ )?(påbud|forbud|pålæg)\b|\bvarsle[rs]? (hermed |derfor |nu )?(om )?(et |en )?"
          r"(\w+ )?(påbud|forbud|pålæg)\b|\b(påbud|forbud|pålæg)(det)? (bliver |vil blive )?varsle[st]\b")

# The reader's benefits (in a deduction: "Vi trækker 500 kr. i din kontanthjælp"; in a cut: "Dine sygedagpenge stopper")
BENEFIT_DEDUCTED = (r"(kontanthjælp\w*|uddannelseshjælp\w*|ydelse\w*|dagpenge\w*|sygedagpenge\w*|boligstøtte\w*|"
                    r"integrationsydelse\w*|selvforsørgelsesydelse\w*|ledighedsydelse\w*|overgangsydelse\w*|hjælpen)")
BENEFIT = (r"(kontanthjælp\w*|uddannelseshjælp\w*|[\w-]*ydelse\w*|[\w-]*dagpenge\w*|boligstøtte\w*|[\w-]*pension\w*|"
           r"[\w-]*tilskud\w*|friplads\w*|hjælp|hjemmehjælp\w*|rengøring\w*|[\w-]*støtte\w*|bevilling\w*|"
           r"[\w-]*tillæg\w*|ledsagelse\w*|kørsel\w*)")

# Regular expressions over the lower-cased text, each with a weight.
MARKERS: dict[str, list[tuple[str, float]]] = {
    "afgoerelse": [
        (r"\bafgørelse(n|r|rne)?\b", 2), (r"\bafslag\b", 2), (r"\bbevilge[rt]?\b|\bbevilling\b|\bbevilges\b", 2),
        (r"\bklagevejledning\b", 2), (r"\bdu (får|kan få) ikke\b", 1.5), (r"\bdu får\b", 0.5),
        (r"\bgive[rt]? (dig )?afslag\b", 2), (r"\bimødekomme[st]?\b", 1), (r"\bkan klage\b", 1),
        (r"\bhar (vi )?besluttet\b|\bbeslutning\b", 1),
        (r"\b\w*tilladelse(n)?\b", 1.5), (r"\bpåklage[rs]?\b", 1.5),
        (r"\bkan (du )?ikke få\b|\bfår du ikke\b", 1.5), (r"\b(sagt|siger) (ja|nej)\b", 2),
        (r"\bgodkend(t|er|es)\b", 1.5),
        # a verdict on the reader's application, whichever way it goes
        (r"\b(godkend|bevilg|imødekomm|afvis|afslå)\w* (\w+ )?(din|dit|dine|deres|jeres) (ansøgning|anmodning)\b|"
         r"\b((din|dit|dine|deres|jeres) (ansøgning|anmodning)(en)?|ansøgningen|anmodningen)( [^.\n]{0,80}?)? "
         r"(er|bliver|kan) (\w+ )?(ikke )?"
         r"(godkendt|bevilget|imødekommet|imødekommes|afvist|afslået)\b", 2.5),
        (r"\bpåbud(det|dene)?\b|\bpåbyde[rs]?\b", 3), (r"\bbøde(n|forelæg\w*)?\b", 2.5),
        (r"\bskal (\w+ ){0,3}(betale|tilbagebetale) (.{0,50} )?tilbage\b|\btilbagebetal\w*", 1.5),
        (r"\bvi (har )?(stoppet|standset|nedsat|sat (\w+ ){0,4}(ned|på pause))\b|\bstopper (din|dit|dine)\b", 2),
        # a reduction of the reader's help told as a change: "Din kontanthjælp bliver sat ned", "… kr. mindre i …"
        (r"\b(din|dit|dine|deres|jeres) ([\w-]+ ){1,2}(bliver|er blevet|skal) (sat ned|nedsat)\b|"
         r"\b(kr\.?|kroner) mindre (i|om)\b", 2),
        # ... or told in the passive or the present: "Deres kontanthjælp nedsættes med 1.250 kr.", "Dine sygedagpenge
        # stopper den 31. maj" (a benefit, not "Din bus stopper ved skolen")
        (r"\b(din|dit|dine|deres|jeres) ([\w-]+ ){0,2}" + BENEFIT + r" (\w+ )?(nedsættes|sættes ned|standses|stoppes|"
         r"stopper|ophører|bortfalder)\b", 2),
        # the answer to the reader's complaint: "De får delvis medhold", "Derfor fastholder vi afgiften", "Afgiften er
        # fastholdt", "Vi annullerer afgiften"; not what an appeal guide says may happen ("Hvis vi fastholder
        # afgørelsen, sender vi klagen videre", "Fastholder vi afgørelsen, ...")
        # (an earlier answer told as history, "I marts fik du medhold i din klage", is no decision of this letter)
        (r"(?<!fik )(?<!fik du )(?<!fik de )(?<!fik i )(?<!gav )\b(fuldt|fuld|delvis|delvist|ikke) medhold\b|"
         r"(?<!hvis )(?<!hvis du )(?<!hvis de )(?<!hvis i )\b(får|fået|giver|gives|givet) (\w+ ){0,2}medhold\b", 3),
        (r"(?<!hvis )(?<!når )\b(vi|kommunen) (har )?(fastholder|fastholdt)\b|(?<=\w )fastholder (vi|kommunen)\b|"
         r"\b(er|bliver|blevet) fastholdt\b|"
         r"(?:^|[.!?]\s+|\n)(?:[-•*–]\s*)?" + UPHELD_SUBJECT + r"fastholdes\b", 2),
        (r"(?<!hvis )(?<!når )\bvi (annullerer|har annulleret)\b|\b(er|bliver|blevet) annulleret\b", 1.5),
        (r"\b(gives|ydes|bevilges|imødekommes) (\w+ )?delvi(s|st)\b", 2),
        # a deduction from the reader's benefit is a decision (a sanction): "Vi trækker 500 kr. i din kontanthjælp",
        # "Du får trukket én dag i dine sygedagpenge", "et fradrag i jeres boligstøtte"
        (r"\b(trækker|(?<!blive )trukket|fradrag)\b[^!?\n]{0,40}\b" + BENEFIT_DEDUCTED + r"\b", 2.5),
        # a place allocated to the reader or the reader's child: "Emma er tildelt plads i Solsikken", "Du får tildelt …"
        (r"\b(er|bliver|blevet|får|fået) tildelt\b|\btildeles (\w+ )?(en |et )?[\w-]*plads\b", 2.5),
        (r"\b(som )?du (har )?(søgt|søgte|ansøgt|ansøgte) om\b", 2),
        # a grant: the municipality pays for the reader ("Kommunen betaler ...", "Vi betaler ...")
        (r"\b(kommunen|vi) (betaler|dækker|giver dig)\b", 1.5),
        (r"\bhar truffet (en )?afgørelse\b", 1), (r"\bophører\b", 1),
        # a reassessment of the reader's help ends in a decision: "Revisitation af praktisk hjælp", "Vi har vurderet
        # din hjælp igen, og ... får du rengøring hver tredje uge i stedet for hver anden uge"
        (r"\brevisitation\w*|\b(vurderet|set på) (din|dit|dine|jeres|deres) ([\w-]+ ){0,2}igen\b", 1.5),
        (r"\bfår (du|de|i) (\w+ ){0,6}(hver|kun|mindre|færre)\b[^.\n]{0,60}\bi stedet for\b", 2),
        (r"\bhar besluttet at (give|bevilge|betale|dække|stoppe|standse|nedsætte|tildele)\b", 1.5),
        # access to documents is a decision, whichever way it goes: "Du får aktindsigt i alle dokumenterne"
        (r"\b(du|de|i) (får|gives|kan få|kan ikke få|får ikke) (\w+ ){0,2}aktindsigt\b", 2.5),
        # a refusal in the passive: "De kan ikke bevilges friplads", "..., at De ikke kan bevilges ..."
        (r"\b(kan (\w+ )?ikke|ikke kan) (\w+ )?(bevilges|godkendes|imødekommes|tildeles|ydes)\b", 1.5),
        # a grant of a benefit to the reader or the reader's child: "Emil får gratis befordring til skole"
        (r"\bfår (\w+ )?(gratis )?(befordring|skolekørsel|kørsel til|friplads|fripladstilskud|søskendetilskud)\b", 1.5),
        (r"\bvi har (nu )?vurderet,? at\b", 1),
        # an offer of a place or a home: "Vi kan tilbyde jer en plads i Vuggestuen ..., svar senest ...", "Vi kan nu
        # tilbyde Dem en plejebolig", "Tilbud om vuggestueplads". The allocation of a place is an administrative
        # decision, and the decision's rules fit it: a plain offer has no refusal words, so it needs no reasons, rules or
        # appeal guide (forvaltningsloven §§ 22, 25: the reader gets what was asked for), while an offer of another
        # place than the one asked for ("anvises i stedet plads i ...") does. Read as a request (anmodning) its message
        # would have to be the answer asked for, not the offer that opens the letter.
        (r"\b(vi|kommunen|jeg) kan (nu |hermed |derfor |gerne )?tilbyde (\S+ ){1,2}(en |et )?([\w-]+ )?[\w-]*(plads|bolig)\b", 3),
        (r"\btilbud om (en |et )?([\w-]+ )?[\w-]*(plads|bolig)\w*", 2),
        # a place found for the reader or the child is allocated: "Vi har fundet en plads til Ella i Dagplejen Bien",
        # "Vi har nu fundet en ledig plejebolig til Dem" (not a thing's place: "en plads til din cykel i kælderen")
        (r"\b(vi|kommunen|jeg) har (nu )?fundet (en |et )?(\w+ )?[\w-]*(plads|bolig) til (dig|dem|jer|hende|ham|\w+ (i|på|hos))\b", 3),
        # a grant told as what the reader has got: "Du har fået fritidspas til Malou", "I har fået bevilget ...",
        # "De har fået tilskud til ..." (not a question, "Har du fået ...?")
        (r"\b(du|de|i) har (nu )?fået (\w+ ){0,2}(bevilget|tildelt|godkendt)\b|"
         r"\b(du|de|i) har (nu )?fået (et |en )?[\w-]*(fritidspas|friplads|tilskud|bevilling)\b", 2),
        # the reader's own request or application handled, whichever way it went: "Vi har behandlet din anmodning om
        # ..., og ..." (a receipt says it will: "Vi behandler din ansøgning")
        (r"\bhar (nu )?behandlet (din|dit|dine|deres|jeres) ([\w-]+ )?(anmodning|ansøgning|klage|ønske)\w*\b", 2),
        # a refusal in the passive: "der iværksættes ikke en udredning", "der bevilges ikke ..."
        (r"\b(iværksættes|igangsættes|bevilges|tildeles|ydes) (derfor |desværre )?ikke\b", 1.5),
        # the same offer in the passive, or with the child's name between ("De tilbydes hermed plejebolig på ...",
        # "Vi er glade for at kunne tilbyde Dem en bolig", "Vi kan tilbyde jeres datter, Alma, en plads ...")
        (r"\btilbydes (hermed |nu |derfor )?(\w+ ){0,2}(en |et )?([\w-]+ )?[\w-]*(plads|bolig)\b|"
         r"\b(at|kan) (nu |hermed |gerne )?kunne tilbyde (\S+ ){1,2}(en |et )?([\w-]+ )?[\w-]*(plads|bolig)\b|"
         r"\b(vi|kommunen|jeg) kan (nu |hermed |derfor |gerne )?tilbyde (\S+ ){3}(en |et )([\w-]+ )?[\w-]*(plads|bolig)\b", 3),
        # the same verdicts to readers addressed as "I" (parents, owners, a household): "I får ikke plads i ...",
        # "det, I har søgt om", "Vi giver jer afslag"
        (r"\bi (får|kan få) ikke\b", 1.5), (r"\bi får\b", 0.5), (r"\bkan i ikke få\b|\bfår i ikke\b", 1.5),
        (r"\bgive[rt]? jer afslag\b", 2), (r"\b(som )?i (har )?(søgt|søgte|ansøgt|ansøgte) om\b", 2),
    ],
    "partshoering": [
        (r"\bpartshøring\b", 4), (r"\bbemærkninger\b", 1.5), (r"\bkommentere\b|\bkommentarer\b", 1),
        (r"\bforvaltningslovens? § ?19\b", 3), (r"\binden vi træffer (en )?afgørelse\b", 2),
        (r"\bsige din mening\b|\bhøre din mening\b", 2), (r"\bpåtænker\b|\boverveje[r]?\b", 1),
        (r"\bhøre,? hvad du mener\b", 2), (r"\budtale (dig|dem|jer)\b", 2),
        (r"\b(før|inden) (vi (beslutter|træffer)|der træffes (en )?afgørelse)\b", 2),
        # a decision announced, not made: "Vi forventer at give dig afslag ...", "Vi påtænker at stoppe ..."
        (r"\b(vi|kommunen|jeg) (forventer|påtænker|overvejer|regner med|agter) (\w+ )?at (\w+ )?(give|træffe|stoppe|"
         r"standse|nedsætte|ændre|afslå|afvise|tilbagekalde|kræve|ophæve|fratage|lukke)\b", 2),
        # a notice of an order still to come, with a chance to answer first: "Varsel om påbud", "Kommunen varsler
        # hermed påbud om ...", "vi vil gerne høre Deres side af sagen"
        (VARSEL, 4), (r"\bhøre (din|deres|jeres) (side|version|forklaring)\b", 2),
    ],
    "indkaldelse": [
        # not a meeting already held: "Tak for vores møde den 26. november", "efter samtalen"
        (r"\bindkald(else|es|er)\b", 3),
        (r"(?<!tak for )(?<!tak for vores )(?<!tak for det )(?<!efter )(?<!efter vores )\bmøde(t)?\b", 1),
        (r"(?<!tak for )(?<!tak for vores )(?<!tak for den )(?<!efter )(?<!efter vores )\bsamtale\b", 1.5),
        # a home visit is an appointment too: "Jeg kommer på besøg hos dig den 4. maj kl. 10", "Vi besøger jer …"
        (r"\b(vi|jeg) (kommer|vil gerne komme) (gerne )?på (et )?besøg\b|\b(vi|jeg) besøger (dig|jer|dem)\b", 2),
        # a meeting of a kind: "opfølgningsmøde", "statussamtale" (not "fremmøde")
        (r"\b\w+(?<!frem)(?<!frem-)s?(møde|samtale)(t|n)?\b", 1),
        (r"\b((vi|jeg) (skal|vil) (gerne )?|(skal|vil) (vi|jeg) (gerne )?)(holde|have) (et |en )?[\w-]*(møde|samtale)\b", 2),
        # a clock time, not a range of opening hours ("Mandag-fredag kl. 10-15")
        # a time of an appointment, not a span or a limit of the day ("fra kl. 7.00 til kl. 17.00", "inden kl. 7")
        (r"(?<!\binden )(?<!\bfør )(?<!\befter )(?<!\bsenest )(?<!\btil )(?<!\bmellem )"
         r"\bkl\. ?(\d{1,2}([.:]\d{2})?\b(?!\s*[-–]\s*\d)(?!\s+(til|og) kl\b)|«|\{|\[|<<)", 1),
        (r"\bmød(e)? op\b|\bmøde op\b", 2), (r"\badresse\b", 0.5),
        # an invitation or summons in any words: "Vi inviterer dig til ...", "Du er indkaldt til ..."
        (r"\b(vi|jeg) (vil gerne )?invitere[r]? (dig|jer|dem|\S+) til\b", 3),
        (r"\b(vi|jeg) vil gerne (se|tale med|mødes med) (dig|jer|dem|\S+)( \S+)? til\b", 2),
        (r"\b(du|de|i) er (hermed )?(indkaldt|inviteret|indbudt) til\b", 3),
        (r"(^|\n|[.!?] )kom til\b", 2), (r"\bhar (fået )?(en )?tid (hos|til|i)\b", 2),
        (r"\bskal (\w+ ){0,2}(til|i|på) (en |et |dit |din |sit |sin )?[\w-]*(samtale|møde|undersøgelse|tandlæge|læge|"
         r"tjek|kontrol|praktik|kursus|vaccination|screening)\b", 2),
        # an appointment's own lines and its way out: "Tid: mandag den 4. maj kl. 10", "Sted: …", "Kan du ikke komme, …"
        (r"(^|\n)\s*(tid|tidspunkt|mødetid)\s*:", 1), (r"(^|\n)\s*(sted|mødested)\s*:", 1.5),
        (r"\bkan (du|de|i) ikke (komme|møde op|deltage)\b", 1.5),
    ],
    "kvittering": [
        # (not the receipt a bill or a decision promises: "Når beløbet er betalt, sender vi Dem en kvittering")
        (r"(?<!sender dig en )(?<!sender dem en )(?<!sender jer en )(?<!vi dig en )(?<!vi dem en )(?<!vi jer en )"
         r"(?<!får du en )(?<!får de en )(?<!får i en )\bkvittering\b", 3),
        (r"\bhar ((?!ikke\b|endnu\b)\S+ ){0,5}modtaget\b|\bmodtaget (din|jeres|deres)\b", 2), (r"\bsagsbehandlingstid\b", 1.5),
        # (not the need a case waits for: "For at vi kan behandle jeres ansøgning, skal vi have …")
        (r"(?<!for at vi kan )(?<!for at kommunen kan )\bbehandle[rs]? (din|deres|jeres) (ansøgning|sag)\b", 1),
        (r"\btak for (din|deres|jeres) ansøgning\b", 2), (r"\bsagsbehandling(stid|en)?\b", 1.5),
        (r"\bbekræfte\w* (hermed )?modtagelsen\b", 3), (r"\b(vi|jeg) har (nu )?registreret (din|dit|dine|deres|jeres)\b", 2),
        (r"\b(vi|jeg) har (nu )?fået (din|dit|dine|deres|jeres) [\w-]*(ansøgning|anmodning|mail|brev|henvendelse|klage|anmeldelse|"
         r"indberetning|tilmelding|bestilling|booking)\b", 2.5),
        (r"\btak for (din|dit|deres|jeres) [\w-]*(mail|e-mail|henvendelse|brev|anmodning|klage|besked|skema|spørgsmål|anmeldelse|"
         r"indberetning)\b", 1.5),
        # thanks for an order or a booking confirms it ("Tak for din bestilling. Vi henter dit storskrald mandag …");
        # thanks for a mail or a question often opens an answer
        (r"\btak for (din|dit|deres|jeres) [\w-]*(tilmelding|bestilling|booking|reservation)\b", 2.5),
        # the receipt's promise: when the reader hears from us, and that a case is opened
        (r"\b(som )?(vi|jeg) (fik|modtog) (den|d\.|i går|i dag)\b", 1.5),
        (r"\bdu (får (et )?svar|hører|kan regne med at få (et )?svar)( fra (os|mig))?( igen| nu)? (senest|inden|i løbet af|om)\b",
         1.5),
        (r"\b(vi|jeg) har (nu )?oprettet (en )?sag\b", 1.5),
    ],
    "anmodning": [
        (r"\banmod(er|es)\b", 2), (r"(?<!din )(?<!deres )(?<!jeres )\banmodning\b", 1.5), (r"\bsende os\b|\bindsende\b|\bfremsende\b", 1),
        (r"\bsenest\b", 0.5), (r"\bdokumentation\b", 1),
        # "Vi beder dig tjekke ...", "Vi vil gerne bede dig om ...", "De bedes ..."
        (r"\b(vi|jeg|kommunen) (beder|vil (gerne )?bede) (dig|jer|dem|de|om)\b", 2.5), (r"\b(du|de|i) bedes\b", 2),
        (r"\b(beder|vil) (vi|jeg|kommunen) (gerne )?(bede )?(dig|jer|dem|de|om)\b", 2.5),
        (r"\budfyld\w*\b", 1.5), (r"\bsend os\b", 1), (r"\bvi skal have\b", 1),
        # what the case waits for, put as its condition: "For at vi kan behandle din ansøgning, skal vi have en kopi af
        # …", "For at kommunen kan vurdere sagen, har vi brug for …"
        (r"\bfor at (vi|kommunen|jeg) kan (\w+ ){0,2}(behandle|færdigbehandle|vurdere|tage stilling|afgøre|beregne)\b"
         r"[^.!?\n]{0,80}?\b(skal|har|mangler) (vi|kommunen|jeg) (\w+ )?(have|bruge|brug for|modtage|se)\b", 2.5),
        (r"\bdu skal (\w+ )?(sende|udfylde|indsende)\b", 1.5),
        # a request with a deadline, in any words: "Skriv ... ind senest ...", "Du skal ... senest ..."
        (r"(^|\n|[.!?] )\s*(skriv|send|indsend|upload|indberet|udfyld|tilmeld|meld|aflever|vælg|søg)\b[^.\n]{0,80}"
         r"\bsenest\b", 2),
        (r"\bdu skal (\w+ ){0,3}\w+e\b[^.\n]{0,80}\bsenest\b", 1),
        # the same duty put on the readers as a group: "skal alle foreninger … senest den 31. marts indberette …"
        (r"\bskal\b[^!?\n]{0,80}?\b(senest|inden)\b[^!?\n]{0,40}?\b(indberette|indsende|sende|fremsende|aflevere|"
         r"udfylde|melde|returnere)\b", 2),
        # officialese requests: "... skal derfor anmode om", "De bedes venligst fremsende", "... bedes indsendt",
        # "skal være forvaltningen i hænde senest ..."
        (r"\b(skal|må|vil) (\w+ ){0,2}anmode\b", 2),
        (r"\bbedes (de |du |i )?(venligst |hermed )?(\w+ )?(sendt|fremsendt|indsendt|udfyldt|sende|fremsende|indsende|"
         r"udfylde)\b", 2),
        (r"\bi hænde\b", 1.5),
        # a plain request as a question or a need: "Vil du sende os ...?", "Vi har brug for en kopi af ..."
        (r"(^|\n|[.!?] )\s*(vil|kan) (du|de|i) (\w+ ){0,2}(sende|indsende|udfylde|aflevere)\b", 2),
        (r"\b((vi|jeg) har|har (vi|jeg)) brug for (at få )?(en |et )?(nyt |ny |nye )?(kopi|oplysning\w*|dokumentation|"
         r"papirer|lønsedler|underskrift|foto|billede|attest|erklæring)\b", 1.5),
        # the reader's case waits for the reader: "Vi kan ikke færdigbehandle din ansøgning endnu", "Vi kan ikke
        # behandle jeres sag, før ..." (not a refusal with its reason: "..., fordi du ikke bor i kommunen")
        (r"\bkan (\w+ )?ikke (færdigbehandle|behandle (din|dit|deres|jeres) (\w+ )?(ansøgning|sag|anmodning)\w*,? "
         r"(endnu|før|uden))\b", 2),
        # a request as what is missing: "Før vi kan behandle din ansøgning, mangler vi disse oplysninger fra dig"
        (r"\b((vi|jeg|kommunen) mangler|mangler (vi|jeg|kommunen)) (\w+ ){0,2}(oplysning\w*|dokument\w*|papirer|bilag|"
         r"dokumentation|lønsedler|underskrift\w*|kopi\w*)\b", 2.5),
        # something of the reader's that is missing: "Vi mangler din lejekontrakt", "vi mangler jeres årsopgørelse"
        (r"\b(vi|jeg|kommunen) mangler (stadig )?(din|dit|dine|jeres|deres) [\w-]+", 2),
    ],
    "opkraevning": [
        (r"\bopkrævning\w*", 3), (r"(?<!kommunen betaler )(?<!vi betaler )\bregning(en)?\b", 2.5), (r"\bopkræve[rst]?\b", 1.5), (r"\bfaktura\w*", 2.5), (r"\bbetalingsfrist\w*|\bforfald\w*", 2),
        (r"\bindbetalingskort\w*", 2), (r"\bbetalingsservice\b", 1), (r"\breg\.?\s?nr\b|\bkonto(nr|nummer)\b", 1),
        (r"(?<!kommunen )(?<!vi )\bbetal(e|er)?\b", 0.5), (r"\bdu skal (\w+ )?(betale|indbetale)\b", 1),
    ],
    "paamindelse": [
        (r"\bpåmindelse\w*|^\s*(\d\. )?rykker\b|\brykker (for|om|vedrørende)\b", 4), (r"\brykker\w*", 0.5), (r"\brestance\w*|\bskylder\b|\bmangler at betale\b", 2.5),
        (r"\bvi har endnu ikke (\w+ ){0,2}(modtaget|fået|set)\b", 4), (r"\bvi har ikke (\w+ ){0,2}(modtaget|fået|set)\b", 2.5),
        (r"\bhusk\b", 1), (r"\b(vi )?minde[rs]? (dig|jer|dem) om\b|\bminde[rs]? om,? at\b", 4),
        (r"\bhar (du|i|de) (\w+ )?husket at\b", 4),
        (r"\bhar (endnu )?ikke (betalt|svaret|sendt|indsendt|udfyldt)\b", 2.5), (r"\bigen\b", 0.5),
        # it refers back to an earlier request that is still not met ("... men vi har ikke fået den endnu")
        (r"\bikke (\w+ ){1,3}endnu\b", 1.5),
        (r"\b(stadig|fortsat) ikke (\w+ ){0,2}(modtaget|fået|set|betalt|svaret|sendt|indsendt)\b", 4),
        (r"\bmangler (stadig|fortsat|endnu)\b", 2.5),
        # overdue: "to bøger, som skulle have været afleveret den 25. november"
        (r"\bskulle have været (afleveret|betalt|indbetalt|sendt|indsendt|returneret|fornyet|udfyldt)\b", 4),
        (r"\b(vi|jeg) (skrev|har skrevet) til (dig|jer|dem) (den|d\.|i|for)\b.{0,60}\b(bad|har bedt) (dig|jer|dem|om)\b", 2.5),
        # something of the reader's runs out and must be renewed: "Din beboerlicens udløber … forny den senest …"
        (r"\budløber\b", 1.5),
        (r"\bforny(e|er)? (\w+ ){0,2}(licens|tilladelse|pas|kort|abonnement|aftale|bevilling|parkeringstilladelse)\w*", 2.5),
    ],
}
# A sentence that announces a decision still to come ("Før vi træffer afgørelse ...", "Vi forventer at give dig
# afslag ...", "... vil kommunen træffe afgørelse på det foreliggende grundlag, hvilket kan medføre afslag") is a
# hearing's or a request's, not a decision: its decision words do not count for ``afgoerelse``.
PROSPECTIVE = [
    r"\b(før|inden) (vi|kommunen|jeg|forvaltningen) (\w+ )?(træffer|beslutter|afgør|tager stilling)\b",
    r"\b(vi|kommunen|jeg|forvaltningen) (forventer|påtænker|overvejer|regner med|agter|har tænkt os|har tænkt mig) "
    r"(\w+ )?at\b",
    r"\b(vil|kan|skal) (vi|kommunen|jeg|forvaltningen) (\w+ )?(træffe|tage) (en |vores |den endelige )?"
    r"(afgørelse|beslutning|stilling)\b",
    r"\b(vi|kommunen|jeg|forvaltningen) (vil|kan|skal) (\w+ )?(træffe|tage) (en |vores |den endelige )?"
    r"(afgørelse|beslutning|stilling)\b",
    r"\b(træffer|afgør) (vi|kommunen|jeg|forvaltningen) (\w+ )?(afgørelse|sagen)\b",
    r"\b(kan|vil) (\w+ )?(medføre|føre til|betyde)\b",
    r"\b(har )?(endnu )?ikke (\w+ )?(truffet|taget) (\w+ )?(afgørelse|beslutning|stilling)\b",
    r"\bpå det foreliggende grundlag\b",
    # a notice of an order to come: "Kommunen varsler hermed påbud ...", "Ophører generne ikke, vil kommunen udstede
    # påbud", "Hvis ..., behøver vi ikke udstede et påbud"
    VARSEL, r"\b(vil|skal|kan) (vi|kommunen|jeg|forvaltningen) (\w+ )?udstede\b",
    r"\b(vi|kommunen|jeg|forvaltningen) (vil|skal|kan) (\w+ )?udstede\b", r"\bbehøver (vi|kommunen) ikke (at )?udstede\b",
    # an order the letter only says may come: "Kommunen kan give påbud, hvis fortovet ikke bliver ryddet" (a general
    # information letter about a duty), "… kan vi påbyde Dem at …"
    r"\b(vi|kommunen|jeg|forvaltningen) (vil|skal|kan|kunne|må) (\w+ )?(give|meddele|sende) (\w+ )?(et )?påbud\b",
    r"\b(vil|skal|kan|kunne|må) (vi|kommunen|jeg|forvaltningen) (\w+ )?(give|meddele|sende) (\w+ )?(et )?påbud\b",
    r"\b(vi|kommunen|jeg|forvaltningen) (vil|skal|kan|kunne|må) (\w+ )?påbyde\b",
    r"\b(vil|skal|kan|kunne|må) (vi|kommunen|jeg|forvaltningen) (\w+ )?påbyde\b",
    # what happens once a decision is made, in a receipt or an answer about the case: "Du får en regning, når vi
    # har truffet afgørelsen", "Du må først begynde at bygge, når du har fået byggetilladelsen", "Du kan forvente
    # en afgørelse senest ..."
    r"\bnår (vi|kommunen|jeg|du|de|i) (har )?(truffet|træffer|fået|får|modtaget|modtager) (\w+ )?(en |et |vores |din |"
    r"deres |jeres )?(afgørelse\w*|[\w-]*tilladelse\w*|svar)\b",
    r"\b(du|de|i) (får|har|modtager|kan forvente|kan regne med at få) (\w+ )?(en |et |vores )?(afgørelse\w*|svar)"
    r" (senest|inden|i løbet af|om|efter)\b",
    # a conditional threat: "Såfremt dokumentationen ikke modtages, vil der ikke kunne bevilges ..."
    r"\b(hvis|såfremt)\b[^.!?\n]{0,100}\bikke\b[^.!?\n]{0,100}\bvil\b",
    r"\bvil\b[^.!?\n]{0,100}\b(hvis|såfremt)\b[^.!?\n]{0,100}\bikke\b",
]
_PROSPECTIVE = rxcache.compile("|".join(f"(?:{rx})" for rx in PROSPECTIVE))
# whether ``_PROSPECTIVE`` matches, found quicker: an alternative runs only where its literals are in the text
_PROSPECTIVE_RX = tuple(Rx(rx) for rx in PROSPECTIVE)


def _prospective(text: str) -> bool:
    for rx in _PROSPECTIVE_RX:
        if rx.search(text):
            return True
    return False
# not inside a date: "den 24. februar" is one sentence (review 18: a missed time "senest den 24. februar kl. 8.15")
_SENTENCE_END = rxcache.compile(r"((?<=[.!?])\s+(?!(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|"
                                r"november|december)\b)|\n)")


def decided_text(text: str) -> str:
    """``text`` (lower-cased) with the sentences that announce a decision still to come (``PROSPECTIVE``) left out.

    The rest stays as it was, so a marker that runs past a full stop ("3.100 kr. tilbage") still matches.
    """
    search = _prospective
    if not search(text):
        return text
    pieces = _SENTENCE_END.split(text)      # sentences at even places, the breaks between them at odd ones
    return "".join("\n" if i % 2 == 0 and search(piece) else piece for i, piece in enumerate(pieces))


# A meeting the reader missed ("De har undladt at møde op til den samtale, som De var indkaldt til", "Du mødte ikke op
# til dit møde den 3. marts"): it is the background of a sanction or a new time, not a summons.
# (not the way out of a summons: "Kan du ikke møde op, så ring", "Hvis du udebliver, ...")
_MISSED_MEETING = Rx(r"\b(undladt|undlod) at møde op\b|\b(ikke|aldrig) (\w+ ){0,2}(mødt|mødte) op\b|\bmødte (\w+ )?ikke (op|til)\b|"
                     r"\bskulle (have )?(mødt|møde) op\b|\budebl(ev|evet)\b|\b(var|blev|havde været) indkaldt til\b|"
                     r"\b(kom|kommet) (\w+ )?ikke til\b|\b(du|de|i|han|hun) kom ikke\b")


# The reader's own question or words, told back in an answer ("De spørger, om De kan få en tolk med til Deres møde i
# Jobcentret den 20. maj", "Du skriver, at du gerne vil flytte samtalen"): a meeting named there is the reader's topic,
# not a summons of this letter.
_READER_ASKED = Rx(r"\b(du|de|i) (spørger|har spurgt|spurgte|skriver|har skrevet|skrev)( os| mig)?( \w+)?,? (om|at|hvordan|"
                   r"hvornår|hvorfor|hvad|hvor|hvilke\w*)\b")


# A bill from someone else that the reader paid or sends us ("Tak, fordi du har sendt os regningen fra bedemanden",
# "tandlægens regning", "den, der har betalt regningen"): the letter pays or refunds it, it charges the reader nothing.
# Not our own bill ("kommunens regning", "Regningen fra os kommer i maj") nor the reader's cost ("for Deres regning").
_OTHERS_BILL = Rx(r"\bregning(en|er|erne)? fra (?!os\b|kommunen\b|\w+ kommune\b)\w+|"
                  r"\b(?!kommunens\b|vores\b|deres\b|jeres\b|dines?\b|din\b)\w+(ens|ernes|ns) regning(er|erne)?\b|"
                  r"\b(sendt|sende|send|vedlagt|vedlægge) (os|mig) (\w+ )?regning(en|er|erne)?\b|"
                  r"\b(har|havde|som) (\w+ )?betalt regning(en|er|erne)?\b")


def billed_text(text: str) -> str:
    """``text`` (lower-cased) without the bills of others that the reader paid or sends us (``_OTHERS_BILL``)."""
    return _OTHERS_BILL.rx.sub(" ", text) if "regning" in text and _OTHERS_BILL.search(text) else text


def met_text(text: str) -> str:
    """``text`` (lower-cased) without the sentences about a meeting the reader missed (``_MISSED_MEETING``) or asked
    about (``_READER_ASKED``)."""
    if not _MISSED_MEETING.search(text) and not _READER_ASKED.search(text):
        return text
    pieces = _SENTENCE_END.split(text)
    return "".join("\n" if i % 2 == 0 and (_MISSED_MEETING.search(piece) or _READER_ASKED.search(piece)) else piece
                   for i, piece in enumerate(pieces))


# "Hvis regningen stadig ikke er betalt efter rykkeren, …": what may happen later, not a debt already overdue
_CONDITION_CLAUSE = rxcache.compile(r"\b(hvis|såfremt|i tilfælde af,? at)\b[^.,;:!?\n]*")


# a reminder the letter says will come later ("Hvis beløbet ikke er betalt, sender vi først en påmindelse"; "Du får en
# rykker, hvis …"): a next step of a bill or a decision, not this letter
_REMINDER_TO_COME = rxcache.compile(r"\b((sender|udsender|får|modtager) (vi|kommunen|du|de|i)( dig| jer| dem)? "
                                    r"(først|så|derefter|senere)|(vil|skal) (vi|kommunen|du|de|i) (\w+ )?(sende|få|modtage)"
                                    r"( dig| jer| dem)?|(vi|kommunen|du|de|i) (vil|skal) (\w+ )?(sende|få|modtage)"
                                    r"( dig| jer| dem)?) (en|et) (skriftlig |ny )?(påmindelse|rykker)\w*")


# a reminder denied: "Det er ikke kommunens opgave at minde jer om reglerne" (a reproach, no reminder of this letter)
_NO_REMINDING = rxcache.compile(r"\bikke (\w+ ){0,4}at minde (dig|jer|dem|de) om\b")


def factual_text(text: str) -> str:
    """``text`` without its conditional clauses, the reminders it says will come and the reminding it denies: a
    reminder's markers ("stadig ikke betalt", "påmindelse") count only as facts of this letter."""
    if "påmindelse" in text or "rykker" in text:
        text = _REMINDER_TO_COME.sub(" ", text)
    if "minde" in text:
        text = _NO_REMINDING.sub(" ", text)
    return _CONDITION_CLAUSE.sub(" ", text) if "hvis" in text or "såfremt" in text or "i tilfælde af" in text else text


THRESHOLD = 2.5
GENRE_THRESHOLD = {"opkraevning": 4.0, "paamindelse": 4.0}

_COMPILED = [(genre, [(Rx(rx), w) for rx, w in markers]) for genre, markers in MARKERS.items()]
# The summons markers that only say a clock time or an address: two or more times with no word of a meeting, a visit
# or an appointment are a timetable ("Bussen kører kl. 7.32 og kører hjem kl. 13.15"), not a summons.
_TIMES_ONLY = tuple(rx for g, markers in _COMPILED if g == "indkaldelse" for rx, _ in markers
                    if rx.rx.pattern.startswith(r"(?<!\binden )") or rx.rx.pattern == r"\badresse\b")

GENRE_PART_KINDS = ("subject", "subheading", "body", "list", "keyvalue", "appeal")


# A first body paragraph this short ("Tak for dit brev.") is an intro: the opening runs on to the next one.
INTRO_WORDS = 12


# a first paragraph that only thanks the reader ("Tak for jeres ansøgning om fritidspas, så Noah kan begynde til
# håndbold efter nytår.") is an intro however long: what the letter is about comes next
THANKS_ONLY = rxcache.compile(r"\s*tak for\b[^.!?\n]*[.!]?\s*$", re.I)


def opening_parts(parts, text: str) -> list:
    """The subject line(s) and the first body paragraph (two when the first is a short intro)."""
    out = [p for p in parts if p.kind == "subject"]
    body = [p for p in parts if p.kind in ("body", "list", "keyvalue")]
    for p in body[:2]:
        out.append(p)
        if len(text[p.start:p.end].split()) > INTRO_WORDS and not THANKS_ONLY.match(text[p.start:p.end]):
            break
    return out


# a duty to attend, however late it comes in the letter ("I skal derfor møde op til et møde på skolen den …", "De er
# hermed indkaldt til …"): the letter is a summons even when it opens with the background
SUMMONS_DUTY = Rx(r"\b(du|de|i) (skal|bedes) (derfor |hermed |venligst )?(\w+ )?møde (op )?(til|på|i)\b|"
                  # "Vi indkalder jer derfor til et møde ...", "Derfor indkalder vi dig til ..."
                  r"\b((vi|jeg|kommunen) indkalder|indkalder (vi|jeg|kommunen)) (hermed |derfor |nu )?(dig|jer|dem|de)\b|"
                  r"\b(du|de|i) (er|bliver) (hermed )?indkaldt til\b|\b(du|de|i) indkaldes (hermed )?til\b")


# The subject line that names the letter's genre in its first words ("Afgørelse om nedsættelse af kontanthjælp",
# "Regning: erstatning for en bog", "Tilbud om plejebolig", "Indkaldelse til samtale"): the writer's own label weighs
# as a strong marker, in the letter and in its opening both, so a meeting or a reminder told further down does not
# outweigh it. Not a notice of a decision to come ("Påbud om rydning – varsel", "Afgørelse om ... – partshøring").
SUBJECT_LABELS = tuple((g, Rx(r"^\s*(" + rx + r")\b(?!.*\b(varsel|varsle\w*|partshøring|påtænkt\w*)\b)")) for g, rx in (
    ("afgoerelse", r"afgørelse|afslag|(delvis )?bevilling|påbud|tilbud om (en |et )?([\w-]+ )?[\w-]*(plads|bolig)\w*"),
    ("partshoering", r"partshøring"),
    ("indkaldelse", r"indkaldelse"),
    ("kvittering", r"kvittering"),
    ("opkraevning", r"opkrævning|regning|faktura"),
    ("paamindelse", r"påmindelse|rykker|\d\. rykker"),
))
LABEL_WEIGHT = 4.0
# the field name a subject line may start with ("Emne: Indkaldelse til samtale", "Vedr.: Afgørelse om ..."): the label
# is the first words after it
SUBJECT_PREFIX = rxcache.compile(r"^\s*(emne|vedr\.?|vedrørende|angående|ang\.|om|sag)\s*:\s*")


def subject_label(parts, text: str) -> str | None:
    """The genre the first subject line names in its first words, or None."""
    subject = next((text[p.start:p.end] for p in parts if p.kind == "subject"), "")
    low = SUBJECT_PREFIX.sub("", re.sub(r"\s+", " ", subject.lower()))
    found = [g for g, rx in SUBJECT_LABELS if rx.search(low)]
    return found[0] if len(found) == 1 else None


def detect_genre_parts(text: str, parts) -> tuple[str, dict[str, float]]:
    """``detect_genre`` over the letter's own text (``GENRE_PART_KINDS``); the whole text without parts.

    Whether a letter is of a marked genre at all is decided on its own text, as ``detect_genre`` does;
    which of the genres that pass wins counts the subject line and the first paragraph twice: a letter
    says what it is at the top, and a word further down ("regningen", "mødet") must not outweigh it.
    """
    own = [text[p.start:p.end] for p in parts if p.kind in GENRE_PART_KINDS]
    if not own:
        return detect_genre(text)
    own_text = "\n\n".join(own)
    scores = genre_scores(own_text)
    # the times in the opening count when the rest of the letter tells of the meeting
    opening = genre_scores("\n\n".join(text[p.start:p.end] for p in opening_parts(parts, text)),
                           timetable=not scores["indkaldelse"])
    label = subject_label(parts, text)
    if label and scores[label]:
        scores[label] += LABEL_WEIGHT
        opening[label] += LABEL_WEIGHT
    rank = {g: scores[g] + opening[g] for g in scores}
    low = own_text.lower()
    if not opening["indkaldelse"] and not SUMMONS_DUTY.search(low):
        # a letter that opens with something else ("Vi anbefaler, at Oliver får …", "Du får …") and only later
        # invites to a meeting about it is not a summons: the meeting is its next step
        rank["indkaldelse"] = -1.0
        chosen = _choose({**scores, "indkaldelse": 0.0}, rank, low, label)
        return chosen, _rounded(scores)
    return _choose(scores, rank, low, label), _rounded(scores)


# A payment demand names money: an amount, a payment, a due date. "Send os regningen fra din tandlæge" asks for the
# reader's bill from someone else, and "det, du har betalt" tells what the reader paid: neither charges the reader.
MONEY = Rx(r"\bkr\.|\bkroner\b|\bbeløb\w*|\b(ind)?betal(e|er|es|ing\w*)\b|\bbetal\b|\bforfald\w*|\bopkræv\w*|"
           r"\bfaktura\w*|\brestance\w*|\bskylder\b|\bgebyr\w*")


# An order to put something right, without the word "påbud": what an inspection found at the reader's place ("Ved
# tilsynet den 3. maj konstaterede vi ...", "Det er konstateret, at ..."), what the reader must do, and how the
# municipality enforces it if the reader does not ("... udfører vi arbejdet for Deres regning", "... lukkes for
# brug", "... overgives sagen til politiet"). All three make it an order (a decision), not a request for papers;
# a notice of an order still to come, with a chance to answer first, stays a hearing (``_HEARING_FIRST``).
_ORDER_FINDING = Rx(r"\b(ved|under|efter) (\w+ ){0,3}(brandsyn\w*|tilsyn\w*|kontrol\w*|besigtigelse\w*|inspektion\w*|"
                    r"eftersyn\w*|besøg)\b[^!?\n]{0,120}?\b(konstateret|konstaterede|fundet|fandt|målt|målte|"
                    r"observeret|observerede)\b|\b(det|der) er (blevet )?(konstateret|observeret),? at\b|"
                    r"\b(blev|er) der (\w+ )?(konstateret|observeret)\b|\bkonstateret (følgende )?(mangler|fejl)\b")
_ORDER_ENFORCED = Rx(r"\bfor (din|deres|jeres|ejerens|grundejerens|ejendommens|virksomhedens|foreningens) regning\b|"
                     r"\bregningen (kommer|sendes|går) (\w+ )?til (dig|dem|jer)\b|"
                     r"\b(sender|bestiller|tilkalder) (vi|kommunen) (\w+ ){0,2}(entreprenør|firma|håndværker|vognmand)\w*|"
                     r"\b(blive|bliver|vil blive) (\w+ ){0,2}lukket for\b|\blukke[st]? for (udlejning|brug|adgang)\b|"
                     r"\boverg(ive|ives|ivet|av) (\w+ ){0,2}til politiet\b|\bpolitianmeld\w*|\btvangsbøde\w*")
_ORDER_DUTY = Rx(r"\b(skal|bedes|påhviler|pålægges)\b|\b(beder|vil bede) (vi|kommunen) (dig|dem|jer)\b|"
                 r"\b(vi|kommunen) (beder|vil bede) (dig|dem|jer)\b")
_HEARING_FIRST = Rx(VARSEL + r"|\bpartshøring\b|\bbemærkninger\b|\bpåtænke[rs]?\b|\b(før|inden) (vi|kommunen) træffer\b")
ORDER_WEIGHT = 4.0


def _order_to_remedy(text: str) -> bool:
    """Whether ``text`` (lower-cased) orders the reader to put right what an inspection found, on pain of enforcement."""
    return bool(_ORDER_ENFORCED.search(text) and _ORDER_FINDING.search(text) and _ORDER_DUTY.search(text)
                and not _HEARING_FIRST.search(text))


# A wish of the reader's turned down on the side ("Dit ønske om en fast hjælper kan desværre ikke imødekommes") in a
# letter that names no decision, application or appeal: the letter tells of something else (new visiting hours, a
# changed route), and the declined wish does not make it a decision.
_WISH_DECLINED = Rx(r"\bønske\w* (om|at)\b[^!?\n]{0,120}?\b(kan|vil|kunne) (\w+ )?ikke (\w+ )?(imødekommes|opfyldes)\b|"
                    r"\b(kan|vil) (vi|kommunen|jeg) (desværre )?ikke (\w+ )?(imødekomme|opfylde) (dit|deres|jeres|hans|"
                    r"hendes) (\w+ )?ønske")
_DECISION_NAMED = Rx(r"\bafgørelse\w*|\bafslag\w*|\bklage\w*|\bansøg\w*|\bbevilg\w*|\bbevilling\w*|\bpåbud\w*|"
                     r"\bmedhold\b")


def wish_text(text: str) -> str:
    """``text`` (lower-cased) without a declined side wish (``_WISH_DECLINED``) when no decision is named."""
    if not _WISH_DECLINED.search(text) or _DECISION_NAMED.search(text):
        return text
    return _WISH_DECLINED.rx.sub("\n", text)


# A reminder of a duty the reader has broken more than once ("Det er anden gang i år, at …", "fire gange i januar") that
# warns of what happens the next time ("Udebliver Emil en gang til, bliver han meldt ud …", "Hvis Freja igen bliver
# hentet for sent, vil …"): the letter reminds of the duty, whatever else it tells (a new time, the opening hours).
# Its warning is a condition, so it is read on the whole text, not on ``factual_text``.
_BREACH_REPEATED = Rx(r"\b(for|det er|nu) (\w+ )?(anden|tredje|fjerde|femte) gang\b|"
                      r"\b(to|tre|fire|fem|seks|flere) gange (i|på|inden for|siden|de seneste|det seneste)\b")
NEXT_TIME_WARNED = Rx(r"(^|[.!?]\s+|\n)[^.!?\n]{0,80}\b(igen|en gang til|endnu en gang)\b[^.!?\n]{0,60},\s+"
                       r"(vil|bliver|kan|må|skal|mister|får|ophører|opsiges|sender|melder)\b")
REPEAT_WEIGHT = 4.0


def _repeated_breach_warned(text: str) -> bool:
    """Whether ``text`` (lower-cased) tells of a duty broken more than once and warns of the next time."""
    return bool(_BREACH_REPEATED.search(text) and NEXT_TIME_WARNED.search(text))


def genre_scores(text: str, timetable: bool = True) -> dict[str, float]:
    """Every genre's weighted marker count in ``text``; with ``timetable``, clock times alone are no summons."""
    text = text.lower()
    decided = wish_text(decided_text(text))
    scores = {g: 0.0 for g in GENRES}
    actual = factual_text(text)
    met = met_text(text)
    times, time_score = 0, 0.0
    for genre, markers in _COMPILED:
        own = decided if genre == "afgoerelse" else actual if genre == "paamindelse" else met if genre == "indkaldelse" \
            else billed_text(text) if genre == "opkraevning" else text
        for rx, w in markers:
            found = rx.count(own, 3)
            scores[genre] += w * found
            if found and genre == "indkaldelse" and rx in _TIMES_ONLY:
                times, time_score = times + (found if w >= 1 else 0), time_score + w * found
    if timetable and times >= 2 and scores["indkaldelse"] == time_score:
        scores["indkaldelse"] = 0.0     # a timetable (a bus, opening hours), no meeting
    if scores["opkraevning"] and MONEY.search(text) is None:
        scores["opkraevning"] = 0.0
    if _order_to_remedy(text):
        scores["afgoerelse"] += ORDER_WEIGHT
    if _repeated_breach_warned(text):
        scores["paamindelse"] += REPEAT_WEIGHT
    return scores


def detect_genre(doc_or_text) -> tuple[str, dict[str, float]]:
    """The most likely genre and every genre's score."""
    text = doc_or_text if isinstance(doc_or_text, str) else doc_text(doc_or_text)
    scores = genre_scores(text)
    return _choose(scores, scores, text.lower()), _rounded(scores)


def _rounded(scores: dict[str, float]) -> dict[str, float]:
    return {g: round(v, 2) for g, v in scores.items()}


# A charge: the letter bills the reader ("Du opkræves 349 kr.", "Regning", "faktura"), not only names money
CHARGE = Rx(r"\bopkræv\w*|(?<!kommunen betaler )(?<!vi betaler )\bregning(en)?\b|\bfaktura\w*")
# A reminder about a payment: the money is overdue, or the letter calls itself a reminder ("Rykker", "Vi minder dig
# om, at ...", "Påmindelse om betaling"). Earlier reminders it tells of ("Vi har sendt dig to påmindelser") and a
# thing not returned ("Bogen skulle have været afleveret den 30. december") are the history of a new bill.
PAYMENT_REMINDER = Rx(r"\brykker\w*|\brestance\w*|\bskylder\b|\bmangler (\w+ )?at betale\b|\bikke (\w+ ){0,2}(ind)?betalt\b|"
                      r"\bikke (\w+ ){0,3}(modtaget|fået|set) (\w+ ){0,2}(betaling\w*|indbetaling\w*|beløbet|pengene)\b|"
                      r"\bminde[rs]? (dig|jer|dem) om\b|(?<!sendt dig en )(?<!sendt jer en )(?<!sendt dem en )\bpåmindelse\b")


def _choose(scores: dict[str, float], rank: dict[str, float], text: str = "", label: str | None = None) -> str:
    """The best-ranked genre whose own score passes its threshold; ``orientering`` when none does.

    ``text`` is the lower-cased letter, ``label`` the genre its subject line names (``subject_label``)."""
    ranked = sorted(scores, key=lambda g: -rank[g])
    # money words turn up in many letters: a payment demand or reminder needs more than a passing mention
    best = next((g for g in ranked if scores[g] >= GENRE_THRESHOLD.get(g, THRESHOLD)), "orientering")
    # A bill for something new (a lost book, a service) tells why it charges: "Bogen skulle have været afleveret,
    # og vi har sendt dig to påmindelser. Du opkræves derfor 349 kr." Its reminder words are that history; it is a
    # reminder only when it says the payment itself is overdue or calls itself one.
    bill = (scores["opkraevning"] >= GENRE_THRESHOLD["opkraevning"] and label != "paamindelse"
            and CHARGE.search(text) is not None and PAYMENT_REMINDER.search(factual_text(text)) is None)
    if best == "paamindelse" and bill:
        return "opkraevning"
    # A reminder about money owed is a reminder first ("Du skylder ... Du mangler at betale").
    # So is a request that refers back to one not yet met ("Vi har endnu ikke fået ...").
    # So is a reminder of an appointment ("Husk: Liva har tid i tandplejen …", "Vi minder dig om, at …").
    # Not a summons or a request whose subject line names it ("Indkaldelse til samtale"), nor a bill for something new.
    if best in ("opkraevning", "anmodning", "indkaldelse") and scores["paamindelse"] >= GENRE_THRESHOLD["paamindelse"] \
            and (not bill if best == "opkraevning" else label != best):
        best = "paamindelse"
    return best
