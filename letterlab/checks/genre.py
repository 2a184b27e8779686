"""What a letter of a given genre must contain (kind ``genre``), from forvaltningsloven.

Rule files pick the genres with ``genres = [...]``; core runs the rule only
for letters of those genres. One kind, one ``element`` per rule:

* ``afgoerelse-begrundelse`` (§ 22): a decision that refuses or partly refuses
  gives reasons ("fordi", "da", "vi har lagt vægt på", "begrundelse").
* ``afgoerelse-regler`` (§ 24): ... and names the rules it applies (a §
  reference, "lov om ...", "reglerne i ...", or a municipal rule source: a
  lokalplan, kommuneplan, servitut, regulativ, vedtægt, BR18 ...).
* ``klagevejledning`` (§ 25): ... and has an appeal guide that names where to
  appeal (Ankestyrelsen, a klagenævn, the municipality) and how (send, via
  Klageportalen, skriftligt ...). One finding per missing part.
* ``klagefrist`` (§ 25): the appeal guide gives the deadline ("4 uger", a date).
* ``partshoering-frist`` (§ 19): a hearing gives a deadline for the reply.
* ``indkaldelse-tid-sted``: a summons gives date, time and place in the
  heading or the first paragraph (the same window as the message check).

A decision that gives the reader everything asked for ("fuldt medhold") needs
no reasons and no appeal guide (§ 22, § 25, stk. 1), so with
``only_refusals`` (default) these elements are only required when the letter
refuses in whole or in part (``refusal_patterns``). A sentence with a condition
("Giv os besked, hvis du bliver helt eller delvist rask") does not refuse, nor
does "helt eller delvist". A guide that says the decision cannot be appealed to
another administrative authority needs no one to appeal to, no way and no deadline.

Reasons and rules are looked for outside the appeal guide, so the § in "Du kan
klage efter § 166" does not count as the rules behind the decision; a line of
the guide that is not about appealing ("Afgørelsen er truffet efter
serviceloven § 83.", a common last line) names the decision's rules and counts.
A reason is a reason word, someone's finding ("Din læge skriver, at ...") or the
rule the facts are held against ("Vi kan kun give hjælp, når ..."); a reason
after a condition ("..., hvis du søger igen, fordi ...") explains that later
step, not the decision. The appeal guide is every sentence that speaks of an
appeal (klage/påklage, not others' complaints: "naboernes klager") plus the
section under a sub-heading with "klage" in it.

A missing element has no span of its own: the finding points at the main
heading, or at the first body sentence when there is no heading.
"""
from __future__ import annotations

import re
from letterlab import rxcache
from functools import lru_cache
from typing import Iterator

from .base import Param, letter
from .message import (DATE_RE, FIELD_PREFIX, NUMBER_WORDS, PLACEHOLDER_DATE, WEEKDAYS, Layout, Sent, any_of, layout, make_finding,
                      regex_list_problem, _compile_all)

ELEMENTS = ("afgoerelse-begrundelse", "afgoerelse-regler", "klagevejledning", "klagefrist",
            "partshoering-frist", "indkaldelse-tid-sted", "frist-uden-start")

REFUSAL = [
    r"\bafslag\b", r"\bafslå\w*", r"\bdu får ikke\b", r"\bfår du ikke\b", r"\bkan (du )?ikke få\b",
    r"\bdelvi(s|st)\b", r"\ben del af\b", r"\bafvis\w*", r"\bikke (\w+ ){0,3}imødekomme\w*", r"\bimødekommes ikke\b",
    r"\bikke muligt at (bevilge|godkende|give|tilbyde|opfylde)\b",
    # "Vi kan ikke give Dem tilskud til at udvide døren" (a part of what was asked for)
    r"\b(vi|kommunen|jeg) kan (\w+ )?ikke (give|bevilge|betale|dække|tilbyde|godkende|yde)\b",
    # another place or offer than the one asked for ("Ida anvises i stedet plads i ...")
    r"\b(anvises|tilbydes|får) (\w+ ){0,2}i stedet\b", r"\bi stedet (\w+ ){0,2}plads\b",
    r"\bsagt nej\b", r"\bsiger nej\b", r"\bikke (\w+ )?bevilge\w*", r"\bbevilges ikke\b", r"\bdækker (\w+ )?ikke\b",
    r"\bikke (\w+ )?godkend\w*", r"\bgodkender ikke\b", r"\bikke ret til\b", r"\bnedsæt\w*", r"(?<!\bhun )(?<!\bhan )(?<!\bbarnet )(?<!\beleven )\bstop(per|pe)\b",
    # adverse whatever the words: injunctions, fines, stops, pauses and repayment demands
    r"\bdu ikke får\b", r"\bikke får (du )?\w+", r"\bi stedet for (hver|\d)", r"\bophører\b",
    r"\bpåbud\w*", r"\bpåbyde\w*", r"\bbøde\w*", r"\bstandse\w*", r"\bstoppet\b", r"\bpå pause\b",
    r"\bophør\w*", r"\bfratag\w*", r"\bfrakend\w*",
    r"\b((du|de|i) skal|skal (du|de|i)|kræver|krav om|vi kræver) (\w+ ){0,3}(tilbagebetale|betale (.{0,50} )?tilbage)\b",
    r"\bkrav om tilbagebetaling\b",
    # the same in a clause's word order: "Vi har besluttet, at du ikke kan få en elkørestol. I stedet får du ..."
    r"\b(du|de|i) ikke kan (\w+ )?få\b", r"\bi stedet (får|tilbyder|bevilger|giver)\b",
    # a reduction told as a change: "Din kontanthjælp bliver sat ned", "får du 3.150 kr. mindre i kontanthjælp"
    r"\b(bliver|er|blive|blevet|har|vi) (\w+ ){0,3}sat (?!(sig|dig|mig|dem|jer|os)\b)(\w+ ){0,4}ned\b",
    r"\bsætte[rs]? (?!(sig|dig|mig|dem|jer|os)\b)(\w+ ){0,4}ned\b",
    r"\b(kr\.?|kroner) mindre\b",
    # a deduction (a sanction): "Vi trækker 1 dag i din kontanthjælp", "Du får 1 dags kontanthjælp mindre for marts"
    r"\b(trækker|trukket|fradrag(et)?)\b(?![^!?\n]{0,12}\bikke\b)[^!?\n]{0,40}\b(kontanthjælp\w*|uddannelseshjælp\w*|"
    r"ydelse\w*|dagpenge\w*|sygedagpenge\w*|boligstøtte\w*|integrationsydelse\w*|selvforsørgelsesydelse\w*|"
    r"ledighedsydelse\w*|overgangsydelse\w*|hjælpen|udbetaling\w*)\b",
    r"\b\d+ (dags?|dages|ugers?|måneders?) (\w+ ){0,2}mindre\b",
    # less than asked for, in words: "Hvorfor får du mindre, end du søgte?", "men ikke det fulde beløb"
    r"\bmindre,? end (du|de|i) (har )?(an)?søg(t|te)\b", r"\bikke (det|den) (fulde|hele) (beløb|støtte|tilskud|hjælp)\w*",
    # the same refusals to readers addressed as "I" (parents, owners, a household): "I får ikke plads", "kan I ikke få"
    r"\bi får ikke\b", r"\bfår i ikke\b", r"\bkan i ikke få\b", r"\bi ikke får\b",
]
# "Du får 2.000 kr. til briller. Det er det, du har søgt om.": the letter says it grants all that was asked for
FULL_GRANT = rxcache.compile(r"\b(er|får du|du får|får i|i får) det,? (som )?(du|de|i) (har )?(an)?søgt om\b|"
                             r"\b(bevilget|bevilges|godkendt|imødekommet) (fuldt ud )?som (an)?søgt\b")
# Words that seem to refuse but do not in these places: "helt eller delvist rask" names two cases, not a part of
# what was asked for; a conditional clause ("Giv os besked, hvis du bliver delvist rask", "Hvis du ikke deltager,
# kan vi stoppe ...") tells what may happen later, and its main clause hangs on it, so the whole sentence is left out.
# So does an old place that stops as the new one begins ("Din plads i vuggestuen stopper samtidig", "..., stopper,
# når hun begynder i børnehaven"): the move the letter grants, not a stop of the reader's help.
_NOT_REFUSING = rxcache.compile(r"\bhelt eller delvi(s|st)\b|\bdelvi(s|st) eller helt\b|"
                                r"\bstop(per|pe),? (samtidig|når (\w+ ){1,3}(starter|begynder))\b")
_CONDITIONAL = rxcache.compile(r"\b(hvis|såfremt|i tilfælde af,? at)\b")


def _factual(low: str) -> str:
    """A lower-cased sentence as it counts for a refusal: '' when it holds a condition, else without two-case words."""
    # (each regex needs its words: most sentences hold none of them)
    if ("hvis" in low or "såfremt" in low or "i tilfælde af" in low) and _CONDITIONAL.search(low):
        return ""
    return _NOT_REFUSING.sub(" ", low) if "delvi" in low or "stop" in low else low


REASONS = [
    r"\bfordi\b", r"(?<!inden )(?<!siden )(?<!indtil )(?<!før )\bda\b", r"\bidet\b", r"\bbegrund\w*",
    r"\blagt vægt på\b", r"\blægger vægt på\b", r"\bårsag\w*", r"\bderfor\b", r"\bskyldes\b", r"\bpå grund af\b",
    r"\bhvorfor\b", r"\bvi (vurderer|mener|har vurderet|kan se)\b", r"\bvores vurdering\b", r"\bsom følge af\b",
    # the facts told as what someone else found: "Din læge skriver, at ...", "Lægen har vurderet, at ..." (not the
    # reader's own words, "Du skriver, at du har brug for ...", which are the application, not its answer)
    r"(?<!\bdu )(?<!\bde )(?<!\bi )(?<!\bhvis )\b(skriver|vurderer|oplyser|konkluderer|beskriver|har (skrevet|vurderet|oplyst|"
    r"konkluderet|beskrevet)),? at\b",
    # the rule the facts are held against: "Vi kan kun give hjælp til det, der er nødvendigt", "Kommunen kan kun
    # betale, når ...", "Reglerne siger, at ..."
    r"\b(vi|kommunen|jeg) (kan|må) kun\b[^.!?]{0,80}?\b(når|hvis|der|som)\b",
    r"\b(reglerne|loven|lovgivningen) (siger|betyder|kræver)\b",
    # the condition in the law the facts fail, told in the passive, often with its §: "Tilskuddet kan efter
    # sundhedsloven § 142 kun ydes til behandling, der er ordineret af en læge", "Hjælpen må kun gives, når ..."
    r"\b(kan|må)\b[^.!?]{0,80}?\bkun (\w+ )?(gives|ydes|bevilges|betales|dækkes|godkendes|tildeles|refunderes)\b",
    # the reader's missed duty behind a sanction, told as a fact: "De har undladt at møde op til samtalen den 3. marts",
    # "Du mødte ikke op på Værkstedet"
    r"\b(undladt|undlod) at\b", r"\b(ikke|aldrig) (\w+ ){0,2}(mødt|mødte) op\b", r"\bmødte (\w+ )?ikke (op|til)\b",
    r"\budebl(ev|evet)\b", r"\b(du|de|i) kom ikke\b", r"\bikke (meldt|meldte|givet|gav) (\w+ )?afbud\b",
]
RULES = [
    r"§\s*\d", r"\bparagraf\b", r"\blov(en)? om\b", r"\b\w+loven\b", r"\b\w+lovens\b", r"\bloven\b", r"\blovens\b",
    # rules in a named source ("reglerne i serviceloven" is found by its law too); "reglerne om forlængelse" or "regler
    # for kørsel" only names the topic, so the reader cannot look them up (forvaltningsloven § 24)
    r"\breglerne i\b", r"\bregler i\b", r"\b(kommunens|byrådets|kommunalbestyrelsens) regler\b",
    r"\b\w*bekendtgørelse\w*", r"\bcirkulære\w*",
    r"\bkvalitetsstandard\w*", r"\bvejledning om\b",
    # the municipality's own rule sources: "Lokalplan nr. 42 siger, at ...", "efter affaldsregulativet", "BR18"
    r"\b\w*lokalplan\w*", r"\b\w*kommuneplan\w*", r"\bbyplanvedtægt\w*", r"\bservitut\w*", r"\b\w*regulativ\w*",
    r"\b\w*vedtægt(en|er|erne)?\b", r"\btakstblad\w*", r"\bbygningsreglement\w*", r"\bbr ?18\b",
    r"\b\w*retningslinje(r|rne)? (for|om)\b", r"\b(kommunens|byrådets|kommunalbestyrelsens) retningslinje\w*",
]
APPEAL = [r"\bklag\w*", r"\bpåklag\w*"]
APPEAL_BODIES = [
    r"\b\w*ankestyrelse\w*", r"\b\w*klagenævn\w*", r"\b\w*klageenhed\w*", r"\b\w*direktorat\w*",
    r"\b\w*styrelse(n|ns)?\b", r"\blandsskatteretten\b", r"\bkommunen\b", r"\b\w+ kommune\b", r"\bbyrådet\b",
    r"\b\w*ministeri\w*", r"\bombudsmand\w*",
    # a municipal committee or a board ("Børne- og Skoleudvalget", "Skatteankenævnet")
    r"\b\w*udvalg(et|ets)?\b", r"\b\w*nævn(et|ets)?\b",
]
APPEAL_HOW = [
    r"\bsend\w*", r"\bindsend\w*", r"\bfremsend\w*", r"\bindgiv\w*", r"\bindgives\b", r"\bklageportalen\b",
    r"\bskriftlig\w*", r"\bmundtlig\w*", r"\bskriv\w*", r"\bring\w*", r"\be-?mail\w*", r"\bdigital post\b",
    r"\bborger\.dk\b", r"\bvia\b", r"\bmodtaget (din |en )?klage", r"\bklagen skal (være )?modtaget\b",
]
APPEAL_DEADLINE = [
    rf"\b{NUMBER_WORDS} (uger|uge|dage|dag|måneder|måned)\b", r"\bsenest (den )?\d", r"\binden (den )?\d",
    DATE_RE, PLACEHOLDER_DATE, r"\{+\s*klagefrist",
]
# what a reply deadline is for: the reader's answer ("jeres bemærkninger", "at svare", "høringssvar")
_REPLY_FOR = (r"(for|til) (at (svare|sende|give|komme med|fremkomme med|udtale)|(jeres|dine|deres|din|dit|eventuelle) "
              r"(\w+ )?(svar|bemærkninger|kommentarer|indsigelser|synspunkter|høringssvar))\b")
_REPLY_FRIST = rf"\b((svar|hørings|bemærknings|indsigelses)frist(en)?\b|frist(en)? {_REPLY_FOR})"
REPLY_DEADLINE = [
    r"\bsenest\b[^.?!]{0,25}?(\d|\{|«|\[|<<)", r"\binden\b[^.?!]{0,25}?(\d|\{|«|\[|<<)",
    rf"\binden (for )?{NUMBER_WORDS} (hverdage|dage|dag|uger|uge)\b", r"\bfør (den )?\d",
    rf"\b(senest|inden|før) {WEEKDAYS}\b", PLACEHOLDER_DATE,
    # the deadline as the subject of its own sentence: "Fristen for jeres bemærkninger er den 6. juni", "Svarfristen
    # udløber fredag den 3. maj", "Høringsfrist: 12. maj"; or after its date: "Den 6. juni er sidste frist for at
    # svare". Only the reader's reply: a deadline to appeal, to pay or to do the work an order would ask is no answer
    rf"{_REPLY_FRIST}[^.?!]{{0,40}}?(\d|\{{|«|\[|<<)",
    rf"(\d|\}}|»|\]|>>)[^?!\n]{{0,30}}\b(er|bliver) (den )?(sidste )?(dag|frist)(en)? {_REPLY_FOR}",
]
DATES = [DATE_RE, rf"\b{WEEKDAYS}\b", r"\b\d{1,2}/\d{1,2}\b", r"\bi (dag|morgen)\b", PLACEHOLDER_DATE]
CLOCK = [r"\bkl\.?\s*\d", r"\bklokken \d", r"\b\d{1,2}:\d{2}\b", rf"\{{+\s*{FIELD_PREFIX}(tid|tidspunkt|klokkeslæt)",
         r"\bkl\.?\s*(«|\{|\[|<<|\$\{)"]
PLACES = [
    r"\b\w+(vej|gade|allé|alle|plads|torv|stræde|vænge|boulevard|parken|centret|centeret)\s+\d+",
    r"\blokale\b", r"\brådhus\w*", r"\bjobcent\w*", r"\bborgerservice\b", r"\bhos (os|mig)\b", r"\badresse\w*",
    rf"«\s*{FIELD_PREFIX}adresse", rf"\{{+\s*{FIELD_PREFIX}(adresse|sted|lokale|mødested)", r"\bmødested\w*", r"\bonline\b", r"\bvideo\w*",
    r"\bteams\b", r"\btelefon(samtale|møde)\b", r"\bringer til dig\b",
    # a visit at the reader's home: the place is the reader's own address
    r"\bhjemmebesøg\w*", r"\bbesøge[r]? (dig|dem|jer)\b", r"\bbesøg hos (dig|dem|jer)\b", r"\b(hjem|ud) til (dig|dem|jer)\b", r"\bi (dit|deres|jeres) hjem\b",
    r"\bpå (skolen|biblioteket|kontoret|sygehuset|hospitalet|rådhuset|klinikken)\b", r"\bi (vores|kommunens) \w+",
    # "på skolens kontor", "i børnehavens personalerum", "på Ådal Skole"
    r"\b(på|i) \w+(ens|ets|s) (kontor|lokale|mødelokale|personalerum|bibliotek|kantine|sal)\w*\b",
    r"\bpå \w+ (skole|bibliotek|rådhus|sygehus|hospital|plejecenter)\b",
]

# A deadline that does not say from when it runs ("inden 14 dage", "fra dato"), U 2004.2893 H.
OPEN_DEADLINE = [
    rf"\b(inden|indenfor|inden for|senest)( de næste)? {NUMBER_WORDS} (hverdage|dage|dag|uger|uge|måneder|måned)\b"
    r"(?! (efter|fra|regnet|fra den|fra datoen|fra brevets|fra i dag|fra modtagelsen|fra du|fra at|fra vi|før|"
    r"inden|til|hvor|og|forinden|herefter|derefter|,? (at|når) (du|de|i)))",
    r"\bfra dato\b(?! (for|af|på))", r"\bfra dags dato\b",
]
# ... in a sentence where the reader must act within it (not "Du får svar inden 6 uger").
READER_ACTS = [
    r"\b(send|indsend|betal|indbetal|klag|udfyld|aflever|fjern|ryd)(e|es|t|er os)?\b", r"^(svar|skriv|giv|meld|ret)\b",
    r"\b(svare|skrive til|give os|melde)\b",
    r"\b(du|de|i) (skal|kan|bedes|må)\b", r"\b(bedes|anmodes)\b", r"\bfrist(en)?\b",
]

PARAMS = {
    "element": Param(str, required=True, choices=ELEMENTS, help="hvad brevet skal indeholde"),
    "open_deadline_patterns": Param(list, default=OPEN_DEADLINE,
                                    help="frister, der ikke siger, hvornår de begynder at løbe"),
    "reader_act_patterns": Param(list, default=READER_ACTS,
                                 help="sætninger, hvor læseren skal gøre noget inden fristen"),
    "only_refusals": Param(bool, default=True, help="kræv kun elementet, når afgørelsen giver helt eller delvist afslag"),
    "refusal_patterns": Param(list, default=REFUSAL, help="regulære udtryk for afslag og delvist afslag"),
    "reason_patterns": Param(list, default=REASONS, help="regulære udtryk for en begrundelse"),
    "rule_patterns": Param(list, default=RULES, help="regulære udtryk for en henvisning til regler"),
    "appeal_patterns": Param(list, default=APPEAL, help="regulære udtryk for en klagevejledning"),
    "appeal_body_patterns": Param(list, default=APPEAL_BODIES, help="hvem læseren kan klage til"),
    "appeal_how_patterns": Param(list, default=APPEAL_HOW, help="hvordan læseren klager"),
    "appeal_deadline_patterns": Param(list, default=APPEAL_DEADLINE, help="klagefristen"),
    "reply_deadline_patterns": Param(list, default=REPLY_DEADLINE, help="fristen for at svare på en partshøring"),
    "date_patterns": Param(list, default=DATES, help="dato for et møde"),
    "clock_patterns": Param(list, default=CLOCK, help="klokkeslæt for et møde"),
    "place_patterns": Param(list, default=PLACES, help="sted for et møde"),
    "window_sentences": Param(int, default=3, min=1, max=10, help="så mange sætninger i starten tæller som første afsnit"),
    "intro_words": Param(int, default=12, min=0, max=40, help="et første afsnit med højst så mange ord er en kort indledning"),
}

MESSAGES = {
    "afgoerelse-begrundelse": (
        "Afgørelsen siger ikke, hvorfor læseren ikke får det, læseren har søgt om. Forvaltningslovens § 22 kræver "
        "en begrundelse, når læseren ikke får fuldt ud ret. Skriv fx \"fordi ...\" eller \"Vi har lagt vægt på ...\"."),
    "afgoerelse-regler": (
        "Afgørelsen nævner ikke de regler, den bygger på. Forvaltningslovens § 24 kræver, at begrundelsen "
        "henviser til reglerne. Skriv, hvilken lov og hvilken paragraf afgørelsen bygger på, så læseren selv kan slå "
        "reglerne op."),
    "klagevejledning": (
        "Afgørelsen har ingen klagevejledning. Forvaltningslovens § 25 kræver, at læseren får at vide, hvor og "
        "hvordan læseren kan klage, og hvad fristen er."),
    "klagevejledning-hvor": (
        "Klagevejledningen siger ikke, hvem læseren kan klage til. Forvaltningslovens § 25 kræver, at den står der, "
        "fx \"Du kan klage til Ankestyrelsen.\""),
    "klagevejledning-hvordan": (
        "Klagevejledningen siger ikke, hvordan læseren klager. Forvaltningslovens § 25 kræver, at det står der, "
        "fx \"Send din klage til os.\""),
    "klagefrist": (
        "Brevet siger ikke, hvornår fristen for at klage er. Forvaltningslovens § 25 kræver, at klagefristen står "
        "i klagevejledningen, fx \"senest 4 uger efter, at du har fået brevet\"."),
    "frist-uden-start": (
        "Fristen siger ikke, hvornår den begynder at løbe. Skriv en dato, fx \"senest den 1. december 2026\", "
        "eller skriv, hvornår fristen begynder, fx \"4 uger efter, at du har fået brevet\"."),
    "partshoering-frist": (
        "Brevet giver ikke læseren en frist til at svare. Forvaltningslovens § 19 kræver, at læseren får en frist "
        "til at sige sin mening. Skriv fx \"Send os dine bemærkninger senest den 1. december 2026.\""),
}

REGEX_PARAMS = {k for k in PARAMS if k.endswith("_patterns")}
# "Pas, der ikke bliver hentet inden for 3 måneder, ...": a period in a relative clause about a thing
# states a rule; it is not a deadline the reader must count from.
_RULE_CLAUSE = rxcache.compile(r"\b(der|som) (ikke )?(bliver|er|blev) [\wæøå]+ $")
# "Læs om, hvordan du klager, i den vedlagte klagevejledning", "Se klagevejledningen på bagsiden"
_ENCLOSED_GUIDE = rxcache.compile(
    r"\b(vedlagte|vedhæftede|medfølgende)\s+(\w+\s+)?klagevejledning|"
    r"\bklagevejledning\w*\s+(er\s+|står\s+|findes\s+)?(vedlagt|vedhæftet|i bilag\w*|som bilag|på bagsiden|trykt)")
# No appeal to another administrative authority ("Afgørelsen kan ikke påklages til anden administrativ myndighed",
# "... kan ikke indbringes for ...", "De kan ikke klage over afgørelsen", "den kan derfor ikke påklages"; only the
# courts are left): forvaltningsloven § 25, stk. 1, asks for a klagevejledning only where such an appeal exists, so
# there is no one to name, no way and no deadline to give. Not when the guide also offers an appeal ("Du kan klage til byrådet", "Send din klage ...").
_NO_APPEAL = rxcache.compile(r"\bkan (derfor |heller |således |dog |altså )?ikke (på)?klages\b|\bkan ikke indbringes for\b|"
                             r"\b(du|de|i) kan (derfor |heller |således |dog |altså )?ikke (på)?klage\b|"
                             r"\bkan (du|de|i) ikke (på)?klage\b|\bingen (administrativ )?klageadgang\b|"
                             r"\bikke (muligt|adgang til) at (på)?klage\b|\bendelig administrativ afgørelse\b")
_SOME_APPEAL = rxcache.compile(r"\b(du|de|i) kan (på)?klage\b|\bkan (du|de|i) (på)?klage\b|\bkan (på)?klages\b|"
                               r"\bklagefrist\w*|\bklagen skal\b|\bsend (din |deres |jeres |en )?klage\w*|\bklageportalen\b")


def _no_administrative_appeal(text: str) -> bool:
    """True when the appeal guide says the decision cannot be appealed to another authority, and offers no appeal."""
    return bool(_NO_APPEAL.search(text)) and not _SOME_APPEAL.search(text)


_RULE_CLAUSE_HINT = rxcache.compile(r"\b(der|som) (ikke )?(bliver|er|blev) ")


def _rule_periods_only(low: str, params: dict) -> bool:
    """True when every open deadline in ``low`` is a period in such a relative clause."""
    if not _RULE_CLAUSE_HINT.search(low):
        return False
    return not any(not _RULE_CLAUSE.search(low[:m.start()])
                   for rx in _compile_all(tuple(params["open_deadline_patterns"])) for m in rx.rx.finditer(low))


# "Du kan regne med at få svar inden for 6 uger", "... skriver vi til dig inden 10 dage": a period the
# municipality must keep, not one the reader must count from and act within.
_OURS = rxcache.compile(r"\b(få|får|modtage|modtager) (et |en )?(svar|besked|afgørelse\w*|brev)\b|\bhøre fra (os|mig)\b|"
                        r"\b(skriver|svarer|ringer|vender) (vi|jeg)\b|\b(vi|jeg) (skriver|svarer|ringer|vender tilbage)\b|"
                        # review 18: what we send the reader, said with us or in the passive: "Vi sender dit kort
                        # inden for en uge", "Attesten bliver sendt til jeres Digital Post inden for en uge"
                        r"\b(vi|jeg) (sender|udbetaler|overfører)\b|\b(sender|udbetaler|overfører) (vi|jeg)\b|"
                        r"\b(bliver|blive|vil blive) (\w+ )?(sendt|tilsendt|fremsendt|udbetalt|overført) (\w+ )?(ud )?til "
                        r"(dig|jer|dem|din|dit|dine|jeres|deres)\b")


def _ours_to_meet(low: str, params: dict) -> bool:
    """True when every clause that holds an open deadline is about what we do or what the reader receives."""
    if not _OURS.search(low):
        return False
    for rx in _compile_all(tuple(params["open_deadline_patterns"])):
        for m in rx.rx.finditer(low):
            at = m.start()
            clause = low[max(low.rfind(",", 0, at), low.rfind(";", 0, at)) + 1:at]
            if not _OURS.search(clause):
                return False
    return True


# "Din læge forventer ikke, at du kan raskmeldes inden for 8 uger", "Vi vurderer, at du kan være i job inden 3
# måneder": a period in someone's prognosis or expectation of what the reader can do or be, not a deadline the reader
# must act within. Not when the same sentence asks something of the reader ("Vi forventer, at du sender ... inden 14
# dage", "Du skal ...", "frist").
_PROGNOSIS = rxcache.compile(r"\b(forvent\w*|prognose\w*|vurder(er|ede|et)|skønne[rt]?|regner (\w+ )?med|tror|formoder|"
                             r"forudse\w*|anslår|mener)\b[^.!?]*?\bat\b")
_CAPACITY = rxcache.compile(r"\b(du|de|i) (kan|må)\b")


def _prognosis_only(low: str, params: dict) -> bool:
    """True when every open deadline in ``low`` stands in an at-clause after a verb of expectation, and the
    sentence asks nothing of the reader beyond what the reader can do ("De kan raskmeldes")."""
    first = _PROGNOSIS.search(low)
    if first is None:
        return False
    if _has(_rx(params, "reader_act_patterns"), _CAPACITY.sub(" ", low)):
        return False
    return all(m.start() >= first.end() for rx in _compile_all(tuple(params["open_deadline_patterns"]))
               for m in rx.rx.finditer(low))


def validate_param(key: str, value) -> str | None:
    if key in REGEX_PARAMS:
        return regex_list_problem(value)
    return None


def _rx(params: dict, key: str):
    return any_of(tuple(params[key]))


def _has(patterns, text: str) -> bool:
    return patterns.search(text)


def _lower(s: Sent) -> str:
    return _lower_text(s.text)


@lru_cache(maxsize=1024)
def _lower_text(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def _parts(lay: Layout, params: dict) -> tuple[list[Sent], list[Sent], list[Sent], bool]:
    """Content sentences, appeal guide, sentences outside it and whether they refuse: once per letter."""
    key = ("genre", _rx(params, "appeal_patterns"), _rx(params, "refusal_patterns"))
    got = lay.memo.get(key)
    if got is None:
        content = [s for s in lay.sents if s.zone in ("heading", "body") and s.words and s.part != "scaffolding"]
        guide = appeal_sentences(content, params)
        guide_set = set(guide)
        outside = [s for s in content if s not in guide_set]
        got = lay.memo[key] = (content, guide, outside, is_refusal(outside, params))
    return got


def _store_appeal_guide(doc, lay: Layout, params: dict) -> None:
    """``ctx.metrics["appeal_guide"]``: does the decision need an appeal guide, and has it one."""
    ctx = letter(doc)
    if "appeal_guide" not in ctx.metrics:
        _, guide, outside, refusal = _parts(lay, params)
        needed = bool(_guide_required(refusal, outside) or not params["only_refusals"])
        if "alternatives" in ctx.notes:
            needed = bool(guide)    # options side by side: the guide is needed only if the template holds one
        ctx.metrics["appeal_guide"] = {"needed": needed, "present": bool(guide)}


# Complaints others made, not the reader's appeal: "naboernes gentagne klager", "Vi har fået flere klager over
# støj", "klager fra beboerne". A sentence whose only klag-words are these is no appeal guide.
_OTHERS_COMPLAINTS = rxcache.compile(
    r"\b(\w+(ens|ernes|enes|ets|ns)|flere|mange|nogle|gentagne|adskillige|hyppige|en række)( \w+e)? klager\b|"
    r"\b(\d+|to|tre|fire) klager\b|\bklager(ne)? (fra|om)\b|\bklagerne\b|"
    r"\b(fået|modtaget|får|modtager) (en|flere|nogle|\w+ne) klager? (over|fra|om)\b")


# The reader's own complaint that the letter answers, not an appeal still to make: "Tak for Deres klage af 3. februar",
# "Vi har behandlet din klage over afgiften", "De klagede over ...", "Svar på din klage"
_COMPLAINT_ANSWERED = rxcache.compile(
    r"\btak for (din|deres|jeres) klage\w*( af| fra| over| om| den| \d)?|\b(din|deres|jeres) klage (af|fra|den) (\d|«|\{)|"
    r"\b(har|havde) (nu )?(modtaget|fået|behandlet|set på|vurderet|undersøgt) (din|deres|jeres) klage\w*|"
    r"\b(du|de|i) (har )?klage(de|t) over\b|\bsvar på (din|deres|jeres) klage\w*")
# a subject line that heads the appeal guide ("Klagevejledning", "Sådan klager du"), not one about the complaint the
# letter answers ("Deres klage over to parkeringsafgifter: Vi annullerer den ene afgift")
_GUIDE_SUBJECT = rxcache.compile(r"^\W*(klagevejledning|klageadgang|sådan (kan )?(du|de|i) klage|hvis (du|de|i) vil klage|"
                                 r"(du|de|i) kan klage|klage\b)")


def _speaks_of_appeal(appeal, low: str) -> bool:
    """``appeal_patterns`` in the sentence, leaving out the complaints others made and the one the letter answers."""
    if not _has(appeal, low):
        return False
    if "klage" not in low:
        return True
    return _has(appeal, _COMPLAINT_ANSWERED.sub(" ", _OTHERS_COMPLAINTS.sub(" ", low)))


def appeal_sentences(sents, params: dict) -> list[Sent]:
    """The appeal guide: sentences that speak of an appeal, and the section under a "Klage..." sub-heading."""
    appeal = _rx(params, "appeal_patterns")
    out = []
    in_section = False
    for s in sents:
        if s.part == "appeal":      # the anatomy's appeal guide, wherever it stands
            out.append(s)
            in_section = False
            continue
        if s.zone == "heading":
            low = _lower(s)
            in_section = _speaks_of_appeal(appeal, low) and (s.part != "subject" or bool(_GUIDE_SUBJECT.search(low)))
            if in_section:
                out.append(s)
            continue
        if s.zone != "body":
            continue
        if in_section or _speaks_of_appeal(appeal, _lower(s)):
            out.append(s)
    return out


# "Du skal overholde disse vilkår", "på de nedenfor anførte vilkår": a grant on conditions does not give the reader
# fully what was asked, so it needs a klagevejledning (forvaltningsloven § 25, stk. 2; others, such as neighbours, may
# also appeal a permit). Its reasons and rules are another matter: a standard condition needs no reason of its own.
# a grant on conditions: "vilkår", "Tilladelsen gives på de betingelser, som står nedenfor", a "Betingelser" heading
_CONDITIONS = rxcache.compile(r"\bvilkår(et|ene)?\b|\bpå (\w+ )?betingelse(r|rne)?\b|^\s*betingelser\s*:?\s*$")


def _guide_required(refusal: bool, outside) -> bool:
    """A klagevejledning is required: the decision refuses in whole or in part, or grants on conditions."""
    return refusal or any(_CONDITIONS.search(_lower(s)) for s in outside)


def is_refusal(sents, params: dict) -> bool:
    rx = _rx(params, "refusal_patterns")
    facts = [_factual(_lower(s)) for s in sents]
    text = " ".join(facts)
    if "søgt" in text and FULL_GRANT.search(text) and not _STRONG_REFUSAL.search(text):
        # the letter says the reader gets what was asked for; a limit such as "Det dækker ikke solbriller" does
        # not make it a refusal (a guess the other way would put four errors on a good grant)
        return False
    return any(_has(rx, low) for low in facts) or _less_than_asked(text)


# Words that refuse outright, whatever else the letter says
_STRONG_REFUSAL = rxcache.compile(r"\bafslag\b|\bafslå\w*|\bafvis\w*|\b(du|de|i) (får|kan få) ikke\b|\b(får|kan) (du|de|i) ikke få\b|"
                                  r"\bikke kan (\w+ )?få\b|\bdelvi(s|st)\b|\bnedsæt\w*|\bstop(per|pe|pet)\b|\bpåbud\w*|"
                                  r"\btilbagebetal\w*|\bophør\w*|\bbøde\w*")


_ASKED = rxcache.compile(r"\b(har )?(an)?søg(?:t|te) om (et tilskud på |en bevilling på )?(\d[\d.]*)(,\d\d)? kr")
_GIVEN = rxcache.compile(r"\b(du får|får du|i får|får i|vi bevilger|bevilger vi|vi giver (dig|jer)|bevilges|vi betaler) "
                         r"((dig|jer) )?(\w+ )?(?P<amount>\d[\d.]*)(,\d\d)? kr")


def _less_than_asked(text: str) -> bool:
    """"Du har søgt om 8.000 kr. ... Du får 4.500 kr.": a partial grant, whatever the words."""
    asked = _ASKED.search(text) if "søg" in text else None
    if not asked:
        return False
    wanted = float(asked.group(4).replace(".", ""))
    return any(float(m.group("amount").replace(".", "")) < wanted for m in _GIVEN.finditer(text))


# "Du skal sende en kopi, hvis du søger igen, fordi vi skal kunne se ...", "Hvis din læge senere vurderer, at ...":
# a reason after a condition about what the reader may do later explains that instruction, not the decision.
_LATER_CONDITION = rxcache.compile(r"\b(hvis|såfremt)\b")


def _gives_reason(low: str, params: dict) -> bool:
    """True when the sentence gives a reason for the decision (``reason_patterns``), not only for what the reader
    should do if something happens later; a sentence that itself refuses ("Du får ikke ..., fordi ...") always does."""
    if not _has(_rx(params, "reason_patterns"), low):
        return False
    if not _LATER_CONDITION.search(low) or _has(_rx(params, "refusal_patterns"), low):
        return True
    first = min(m.start() for rx in _compile_all(tuple(params["reason_patterns"])) for m in [rx.rx.search(low)] if m)
    return not _LATER_CONDITION.search(low[:first])


# Words of the appeal itself: "Du kan klage efter § 166", "Ankestyrelsen behandler klagen efter ...": its § is the
# appeal's, not the decision's.
_APPEAL_PROCEDURE = rxcache.compile(r"klag|\bank(e|er|es)\b|ankestyrels|nævn(et|ets)?\b")


def _legal_basis_lines(guide) -> list:
    """The sentences of the appeal guide that are not about appealing: "Afgørelsen er truffet efter serviceloven
    § 83." often stands as the last line of the guide, and names the rules of the decision."""
    return [s for s in guide if not _APPEAL_PROCEDURE.search(_lower(s))]


def _missing(doc, rule) -> list[tuple[str, tuple[int, int]]]:
    """(message key, span) for each missing part."""
    p = rule.params
    lay = layout(doc)
    element = p["element"]
    content, guide, outside, refusal = _parts(lay, p)
    anchor = lay.anchor()
    if element in ("afgoerelse-begrundelse", "afgoerelse-regler", "klagevejledning", "klagefrist"):
        _store_appeal_guide(doc, lay, p)
    if element == "frist-uden-start":
        out = []
        open_dl, acts = _rx(p, "open_deadline_patterns"), _rx(p, "reader_act_patterns")
        for s in content:
            low = _lower(s)
            m = open_dl.search(low) if hasattr(open_dl, "search") else None
            if m and _has(acts, low) and not re.search(DATE_RE, low) \
                    and not _rule_periods_only(low, p) and not _ours_to_meet(low, p) \
                    and not _prognosis_only(low, p):
                out.append(("frist-uden-start", (s.start, s.end)))
        return out

    if element in ("afgoerelse-begrundelse", "afgoerelse-regler", "klagevejledning", "klagefrist"):
        # a grant on conditions needs the guide, not reasons and rules of its own
        required = _guide_required(refusal, outside) if element in ("klagevejledning", "klagefrist") else refusal
        if p["only_refusals"] and not required:
            return []
    if element == "afgoerelse-begrundelse":
        ok = any(_gives_reason(_lower(s), p) for s in outside)
        return [] if ok else [(element, anchor)]
    if element == "afgoerelse-regler":
        ok = any(_has(_rx(p, "rule_patterns"), _lower(s)) for s in outside + _legal_basis_lines(guide))
        return [] if ok else [(element, anchor)]
    if element == "klagevejledning":
        if not guide:
            return [(element, anchor)]
        text = " ".join(_lower(s) for s in guide)
        if _ENCLOSED_GUIDE.search(text) or _no_administrative_appeal(text):
            return []       # the guide is enclosed or printed elsewhere, or there is no appeal to guide to
        where = (guide[0].start, guide[0].end)
        out = []
        if not _has(_rx(p, "appeal_body_patterns"), text):
            out.append(("klagevejledning-hvor", where))
        if not _has(_rx(p, "appeal_how_patterns"), text):
            out.append(("klagevejledning-hvordan", where))
        return out
    if element == "klagefrist":
        text = " ".join(_lower(s) for s in guide)
        if guide and (_has(_rx(p, "appeal_deadline_patterns"), text) or _ENCLOSED_GUIDE.search(text)
                      or _no_administrative_appeal(text)):
            return []
        return [(element, (guide[0].start, guide[0].end) if guide else anchor)]
    if element == "partshoering-frist":
        ok = any(_has(_rx(p, "reply_deadline_patterns"), _lower(s)) for s in content)
        return [] if ok else [(element, anchor)]
    if element == "indkaldelse-tid-sted":
        first = list(lay.window(p["window_sentences"], p["intro_words"]))
        window = list(lay.heading_sents) + first + _list_after(lay.body, first) + _after_invitation(lay.body, first) + \
            [s for s in lay.body if s.part == "keyvalue"]       # a "Tid:"/"Sted:" block says when and where
        # a table of labels and values ("Hvornår | 4. maj kl. 10", "Hvor | Rådhuset") is a key-value block too
        cells = [s for s in lay.body if s.part != "keyvalue" and _in_table(doc, s)]
        text = " ".join(_lower(s) for s in window + cells)
        # "Tid: ..." and "Sted: ..." lines say when and where, whatever merge fields stand after them
        labels = {m.group(1) for s in lay.body if s.part == "keyvalue"
                  for m in [re.match(r"\s*(tid|tidspunkt|dato|sted|mødested|adresse)\s*:", _lower(s))] if m}
        labels |= {m.group(1) for s in lay.sents if _in_table(doc, s)
                   for m in [re.fullmatch(r"\s*(hvornår|tid|tidspunkt|dato og tid|hvor|sted|mødested|adresse)\s*:?\s*",
                                          _lower(s))] if m}
        when = {"tid", "tidspunkt", "hvornår", "dato og tid"}
        given = {"dato": bool(labels & (when | {"dato"})), "klokkeslæt": bool(labels & when),
                 "sted": bool(labels & {"sted", "mødested", "adresse", "hvor"})}
        missing = [name for name, key in (("dato", "date_patterns"), ("klokkeslæt", "clock_patterns"),
                                          ("sted", "place_patterns")) if not given[name] and not _has(_rx(p, key), text)]
        if not missing:
            return []
        late = _given_later(lay.body, set(window), missing, p)
        return [(("tid-sted-senere:" if late else "tid-sted:") + ",".join(missing), anchor)]
    return []


_TID_STED_KEYS = {"dato": "date_patterns", "klokkeslæt": "clock_patterns", "sted": "place_patterns"}
# a sentence about the meeting itself: "Du skal møde op til en samtale torsdag ...", "Mødet er ...", "Kom til ..."
_MEETING_WORDS = rxcache.compile(r"\bm(ø|o)de\w*|\bmødes\b|\bsamtale\w*|\bbesøg\w*|\bkom til\b|\bindkald\w*|"
                                 r"\bundersøgelse\w*|\bkonsultation\w*|\b(din|jeres|deres) tid\b")


def _given_later(body, window: set, missing: list[str], params: dict) -> bool:
    """True when a sentence about the meeting further down (with the one after it) gives what the opening lacks:
    "Du skal møde op til en samtale torsdag den 12. marts kl. 14.00 på Havnegade 4." in the second paragraph."""
    later = [s for s in body if s not in window]
    for i, s in enumerate(later):
        low = _lower(s)
        if not _MEETING_WORDS.search(low):
            continue
        near = low + " " + (_lower(later[i + 1]) if i + 1 < len(later) else "")
        if all(_has(_rx(params, _TID_STED_KEYS[name]), near) for name in missing):
            return True
    return False


# the opening announces the meeting itself: "Jeg vil gerne komme på besøg hos jer igen", "Vi inviterer dig til en
# samtale om dit fleksjob", "Du er indkaldt til et møde" (not background about meetings: "Vi holder samtaler med alle")
_INVITATION = rxcache.compile(
    r"\b(vil|skal) (gerne )?(\w+ ){0,2}(komme på (\w+ )?besøg|besøge|invitere|indkalde|mødes|holde (et |en )?(møde|samtale))\b|"
    r"\b(indkalder|inviterer|besøger) (\w+ )?(dig|jer|dem|de)\b|\b(du|de|i) (er|bliver) (hermed )?(indkaldt|inviteret)\b|"
    r"\bkommer (gerne )?på (\w+ )?besøg\b")
INVITATION_MAX_WORDS = 30


def _after_invitation(body, first: list) -> list:
    """The sentence right after a first paragraph of one short sentence that announces the meeting ("Nu er Ida fire
    måneder, og jeg vil gerne komme på besøg hos jer." and then "Jeg kommer tirsdag den 4. marts kl. 10 ..."): the
    reader sees its time and place at once, so they are not further down."""
    if len(first) != 1 or first[0] not in body or first[0].words > INVITATION_MAX_WORDS \
            or not _INVITATION.search(_lower(first[0])):
        return []
    at = body.index(first[0])
    if at + 1 >= len(body) or body[at + 1].zone_index == first[0].zone_index:
        return []       # the first paragraph has more sentences than the window holds
    return [body[at + 1]]


def _list_after(body, first: list, limit: int = 8) -> list:
    """The list right after the opening ("… inviterer vi dig til en samtale:" and then "• Mandag den 14. april kl. 13",
    "• Jobcenter …, Stationsvej 20"): its items are part of what the reader sees first."""
    if not first or first[-1] not in body:
        return []
    out = []
    for s in body[body.index(first[-1]) + 1:]:
        if s.part != "list" or len(out) >= limit:
            break
        out.append(s)
    return out


def _in_table(doc, s: Sent) -> bool:
    """True when the sentence stands in a table cell (the reader's ``table`` block)."""
    return any(b.kind == "table" and b.start <= s.start < b.end for b in letter(doc).blocks)


# Where the rules of a decision in a common area stand, for the example in the "afgoerelse-regler" message; an area is
# read from the subject line first, then from the letter. A letter of no listed area (or of two) gets no example, so
# the example never names a law from another area.
LAW_BY_AREA = tuple((rxcache.compile(rx), topic, where) for rx, topic, where in (
    (r"\bsygedagpenge\w*", "sygedagpenge", "i sygedagpengeloven"),
    (r"\bboligstøtte\w*|\bboligydelse\w*|\bboligsikring\w*", "boligstøtte", "i lov om individuel boligstøtte"),
    (r"\bkontanthjælp\w*|\buddannelseshjælp\w*|\bintegrationsydelse\w*|\bselvforsørgelsesydelse\w*",
     "kontanthjælp eller uddannelseshjælp", "i lov om aktiv socialpolitik"),
    (r"\bhjælpemid\w*|\bel-?scooter\w*|\b\w*kørestol\w*|\brollator\w*|\bbadebænk\w*|\bbadestol\w*|\btoiletstol\w*",
     "et hjælpemiddel", "i lov om social service § 112"),
    (r"\bhjemmehjælp\w*|\bpraktisk hjælp\b|\brengøring\w*|\bpersonlig pleje\b", "praktisk hjælp eller personlig pleje",
     "i lov om social service § 83"),
    (r"\bboligindretning\w*|\bboligændring\w*|\bindretning af (din |deres |jeres )?bolig\w*", "indretning af boligen",
     "i lov om social service § 116"),
    (r"\b\w*friplads\w*|\bdagtilbud\w*|\bvuggestue\w*|\bbørnehave\w*|\bdagpleje\w*", "dagtilbud eller friplads",
     "i dagtilbudsloven"),
    (r"\bparkering\w*", "parkering", "i færdselsloven"),
    (r"\bejendomsskat\w*|\bgrundskyld\w*", "ejendomsskat", "i ejendomsskatteloven"),
    (r"\bbyggetilladelse\w*|\bbyggesag\w*|\bbyggeansøgning\w*", "byggeri",
     "i byggeloven, i bygningsreglementet eller i en lokalplan"),
    (r"\bhandicapkørsel\w*", "handicapkørsel", "i lov om trafikselskaber"),
    (r"\bhelbredstillæg\w*|\bpersonligt tillæg\w*|\bfolkepension\w*|\bførtidspension\w*", "tillæg til pension",
     "i lov om social pension"),
    (r"\baktindsigt\w*", "aktindsigt", "i offentlighedsloven og i forvaltningsloven"),
    (r"\bskolekørsel\w*|\bskolebefordring\w*|\bfolkeskole\w*", "skolen", "i folkeskoleloven"),
))


def _law_of_area(texts: list[str]) -> tuple[str, str] | None:
    """(topic, where its rules stand) of the one area the first of ``texts`` that names any area names most often."""
    for text in texts:
        counts = [(len(rx.findall(text)), topic, where) for rx, topic, where in LAW_BY_AREA]
        counts = sorted((c for c in counts if c[0]), reverse=True)
        if counts:
            return counts[0][1:] if len(counts) == 1 or counts[0][0] > counts[1][0] else None
    return None


def _rules_message(doc, params: dict) -> str:
    """The "afgoerelse-regler" message, with where the rules stand when the letter's area is clear."""
    lay = layout(doc)
    _, _, outside, _ = _parts(lay, params)
    area = _law_of_area([" ".join(_lower(s) for s in lay.heading_sents), " ".join(_lower(s) for s in outside)])
    msg = MESSAGES["afgoerelse-regler"]
    return msg if area is None else f"{msg} Handler sagen om {area[0]}, står reglerne {area[1]}."


# the time and place are in the letter, only further down: saying they are missing would be wrong
LATER_MESSAGE = "Tid og sted for mødet står først længere nede i brevet."


def _tid_sted_message(rule, missing: list[str], later: bool = False) -> str:
    parts = missing[:-1]
    what = (", ".join(parts) + " og " + missing[-1]) if parts else missing[0]
    return (f"{LATER_MESSAGE if later else rule.message} Skriv {what} i overskriften eller i første afsnit, så "
            "læseren straks kan se, hvornår og hvor mødet er.")


def check(doc, rule) -> Iterator:
    letter(doc)
    for key, (start, end) in _missing(doc, rule):
        if end <= start:
            continue
        if key.startswith("tid-sted"):
            msg = _tid_sted_message(rule, key.split(":", 1)[1].split(","), key.startswith("tid-sted-senere:"))
        elif key == "afgoerelse-regler":
            msg = _rules_message(doc, rule.params)
        else:
            msg = MESSAGES[key]
        yield make_finding(rule, doc, start, end, message=msg)
