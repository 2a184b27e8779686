"""The letter's anatomy: which part of the letter each line is (letterhead, subject, body, signature ...).

One model that every check, the metrics, the rewrites, the web page and the
reports read. ``read_anatomy(text, blocks)`` gives an ``Anatomy`` with
``parts``: ``Part(start, end, kind)`` records in text order, one per line run
within a reader block (a paragraph of the body stays one part, so paragraph
structure is kept). Kinds (``PART_KINDS``):

* ``letterhead``: the sender block (organisation, department, address, phone,
  "Telefontid", web, CVR), the .docx page header, org lines before the subject;
* ``recipient``: the addressee block (name and address, mostly merge fields);
* ``reference``: "Sagsnr.", "J.nr.", "Dokumentnummer:", "Sagsbehandler:",
  "Vores ref.", "Oplys venligst sagsnummer ...", "Klagevejledning trykt på
  bagsiden", a case line after "Vedr." ("Vedr. barn: «Navn», CPR-nr.: {cpr}"),
  and a .docx reference table's label and value cells ("Sagsnr.:" | "27.18...");
* ``date``: the letter's date line ("3. marts 2026", "Fjordby, den ...", "Dato: {dato}", a month and a year
  alone: "December 2026");
* ``subject``: the subject line(s) after those blocks: a sentence, a topic,
  "Label: message", an e-mail "Emne: ..." line or a merge field alone (at most two lines);
* ``salutation``, ``closing`` ("Med venlig hilsen"), ``signature`` (name, title,
  direct phone and e-mail below the closing);
* ``subheading``, ``body``, ``list`` (bullets), ``keyvalue`` ("Tid: ...", "Sted: ...");
* ``appeal``: the appeal guide (klagevejledning), as a section of the body or after the signature: under an
  appeal heading, a section that opens with the appeal ("Du kan klage ...", also right under any sub-heading), or
  a heading of disagreement ("Hvis De er uenig") whose section says how to complain (``APPEAL_TEXT``);
* ``footer``: the .docx page footer, "Bilag:", "Kopi til:" and contact lines after the signature;
* ``scaffolding``: the template's own instructions and branches ("Hvis bevilling:",
  "If ... Else", "Skriv her ...", "Slet det, der ikke passer").

How: the reader's blocks are split into lines; each line gets features from
its shape and words (merge fields in any syntax, phone and web, postcode,
label before a colon, ends with a full stop ...) and the reader's block kind
(.docx header/footer/heading/bullet/table/textbox). The body starts at the
salutation, or at the first line of running text. Before it lies the head
(letterhead, recipient, reference, date, subject); the subject is the last
short line(s) of the head that is none of the others. The closing ends the
body; the signature runs until the next block of running text or a
sub-heading; after it comes the appeal guide, other sections or the footer.
The .docx page header is the letterhead, except its reference and date lines (also pieces of one line
split by " · "); ``Anatomy.in_reading_order`` lists the page header first, ``parts`` stay in text order.
A short line above its section is a sub-heading; a question or a line with its
object first ("Hvad får du hjælp til", "Det har vi brug for") is one even when
it ends in a preposition, while a lead-in with its subject first ("Du får hjælp
til") above a list stays body text. A statement with a comma is one when it is a
clause that needs no more ("Giv besked, hvis noget ændrer sig", "Hvis De mener,
at prisen er forkert"), not a "Hvis ..., kan De ..." sentence, a line that runs
on, or the first line of hard-wrapped text (the next word would have fitted).

Review 19: a short line that only looks like a sentence (an address whose floor ends in a full stop: "Vibevej 3, st.
tv.") does not start the body when an explicit "Emne:"/"Vedr.:" line follows it with no running text between: the
labelled line is the subject, the name and address above it the recipient.

``letter_zones`` (letterlab.structure) is a view of these parts with the old
zone kinds, so code written against zones keeps working.

``COVERED_KINDS`` are the parts the readability figures (LIX, sentence
statistics) and the overall score cover: the subject line and the body text
(paragraphs, lists, key-value lines) and the appeal guide. The appeal guide
counts because the reader must understand it too (and the same findings are
raised there), so figures and findings always cover the same text.
Sub-headings are not sentences and are left out of the figures.
"""
from __future__ import annotations

import re
from letterlab import rxcache
import threading
from bisect import bisect_right
from dataclasses import dataclass, field

from .prefilter import Rx

PART_KINDS = ("letterhead", "recipient", "reference", "date", "subject", "salutation", "subheading", "body",
              "list", "keyvalue", "closing", "signature", "appeal", "footer", "scaffolding")

# Danish names, for `letterlab anatomy` and the web page.
PART_TITLES = {
    "letterhead": "Brevhoved", "recipient": "Modtager", "reference": "Sagsoplysninger", "date": "Dato",
    "subject": "Overskrift", "salutation": "Hilsen", "subheading": "Mellemrubrik", "body": "Brødtekst",
    "list": "Punktliste", "keyvalue": "Oplysninger", "closing": "Afslutning", "signature": "Underskrift",
    "appeal": "Klagevejledning", "footer": "Sidefod", "scaffolding": "Skabelontekst",
}

# The parts LIX, sentence statistics and the overall score cover.
COVERED_KINDS = ("subject", "body", "list", "keyvalue", "appeal")
COVERAGE_DESCRIPTION = ("Tallene bygger på overskriften, brødteksten og klagevejledningen. Brevhoved, adresser, "
                        "sagsoplysninger, mellemrubrikker, hilsen og underskrift tæller ikke med.")
# The parts a rule is run on unless its rule file says otherwise (``parts = [...]``): the text a
# letter writer writes, not the letterhead, addresses, reference lines, signature or template notes.
TEXT_KINDS = ("subject", "salutation", "subheading", "body", "list", "keyvalue", "closing", "appeal")

# Kinds whose checks look at every part by default: personal data matters wherever it stands.
KIND_DEFAULT_PARTS = {"privacy": PART_KINDS, "contact": ("signature",)}   # contact: found on the signature


def default_parts(check_kind: str) -> tuple[str, ...]:
    """The parts a rule of ``check_kind`` applies to when its rule file gives no ``parts``."""
    return KIND_DEFAULT_PARTS.get(check_kind, TEXT_KINDS)


# The old zone kinds (letterlab.structure) each part kind maps to.
ZONE_OF = {
    "letterhead": "meta", "recipient": "meta", "reference": "meta", "date": "meta", "footer": "meta",
    "scaffolding": "meta", "subject": "heading", "subheading": "heading", "salutation": "salutation",
    "body": "body", "list": "body", "keyvalue": "body", "appeal": "body", "closing": "closing",
    "signature": "signature",
}

NOTICES = {
    "alternatives": "Skabelonen indeholder flere alternative afgørelser. Vælg den, der passer, før du vurderer "
                    "budskab, genre og klagevejledning. Vi har ikke vurderet dem.",
    "no_body": "Vi kan ikke finde nogen brevtekst. Teksten ser ud til kun at være brevhoved, adresser og "
               "sagsoplysninger. Vi har ikke vurderet budskab og genre.",
    "merge_fields_only": "Brevteksten består kun af flettefelter. Vi har ikke vurderet budskab og genre.",
    "scaffolding": "Skabelonen har stadig vejledning til sagsbehandleren, fx \"Skriv her\". Vi har ikke "
                   "vurderet den tekst.",
}


@dataclass(frozen=True)
class Part:
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Anatomy:
    parts: tuple[Part, ...]
    notes: tuple[str, ...] = ()       # codes in NOTICES
    _starts: tuple[int, ...] = field(default=(), compare=False, repr=False)
    # starts of the parts read from the .docx page header (the reader puts its text after the body)
    _page_head: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def in_reading_order(self) -> list[Part]:
        """The parts as the reader meets them: the page header first, then the rest in text order."""
        head = set(self._page_head)
        return [p for p in self.parts if p.start in head] + [p for p in self.parts if p.start not in head]

    def kind_at(self, pos: int) -> str:
        return part_at(self.parts, pos, self._starts)

    def of_kind(self, *kinds: str) -> list[Part]:
        return [p for p in self.parts if p.kind in kinds]

    @property
    def judgeable(self) -> bool:
        """False when whole-letter verdicts (message, genre, appeal guide) would be guesses."""
        return not ({"alternatives", "no_body", "merge_fields_only"} & set(self.notes))


def part_at(parts, pos: int, starts=None) -> str:
    """The kind of the part at character ``pos`` ("body" between parts)."""
    if not parts:
        return "body"
    starts = starts or [p.start for p in parts]
    i = bisect_right(starts, pos) - 1
    if i >= 0:
        p = parts[i]
        if p.start <= pos < p.end or p.start == pos == p.end:
            return p.kind
    return "body"


# --- line features -----------------------------------------------------------------------------

_PH = (r"\{\{[^{}\n]{1,60}\}\}|\{[^{}\n]{1,60}\}|«[^«»\n]{1,60}»|<<[^<>\n]{1,60}>>|\[[A-Za-zÆØÅæøå_][^\[\]\n]{0,60}\]"
       r"|\bMERGEFIELD\s+\S+|(?<![\w!])![A-Za-z_][\w.]*|\$\{[^}\n]{1,60}\}|%[A-Za-z_]\w*%")
PLACEHOLDER = rxcache.compile(_PH)
_WORD = rxcache.compile(r"[A-Za-zÆØÅæøåÉé]{2,}")

REFERENCE = rxcache.compile(
    r"^\s*(sag(snr|snummer|s-?nr|s-?id)?|dokument(nr|nummer|-?id)?|j\.?\s?nr|journal(nr|nummer)?|sagsbehandler|"
    r"vores\s+ref(erence)?|deres\s+ref(erence)?|ref(erence)?|cpr(-?n(umme)?r)?|kunde(nr|nummer)|"
    r"debitor(nr|nummer)|matr(ikel)?(\.|nr|nummer)|ejendomsnr|bfe(-?nr)?|brevid|løbenr|kontakt(person)?|"
    r"init(ialer)?)\b\.?\s*(nr\.?)?\s*[:.]",
    re.I)
REFERENCE_LINE = rxcache.compile(
    r"^\s*(oplys\s+(venligst\s+)?(sags|j\.?\s?nr|journal)|husk\s+at\s+oplys\w*\s+(sags|j)|"
    r"klagevejledning\s+(er\s+)?trykt|se\s+klagevejledning\s+på|vedlagt:?\s*klagevejledning$)", re.I)
DATE_ONLY = rxcache.compile(
    r"^\s*(dato\s*[:.]?\s*)?([A-ZÆØÅ][\wæøå]+,?\s+)?(den\s+)?(\d{1,2}\.\s*[a-zæøå]+\.?\s+\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|"
    r"[{«<\[]+\s*[\w. ]*(dato|date)[\w. ]*\s*[}»>\]]+|"
    # the other merge-field syntaxes: "!dato", "%dato%", "${brev.dato}"
    r"![\w.]*(dato|date)[\w.]*|%[\w.]*(dato|date)[\w.]*%|\$\{[\w. ]*(dato|date)[\w. ]*\})\s*$", re.I)
DATE_LABEL = rxcache.compile(r"^\s*[\wæøå]*dato\s*[:.]", re.I)     # "Dato:", "Brevdato:", "Udskriftsdato:"
# "December 2026", "Fjordby, marts 2026": a month and a year alone on a line, the date of a letter sent to many
MONTH_YEAR = rxcache.compile(
    r"^\s*(dato\s*[:.]?\s*)?([A-ZÆØÅ][\wæøå]+,\s+)?(januar|februar|marts|april|maj|juni|juli|august|september|"
    r"oktober|november|december)\s+(19|20)\d\d\s*$", re.I)
SUBJECT_LABEL = rxcache.compile(r"^\s*(emne|vedr\.?|vedrørende|angår|subject|overskrift)\s*:\s*", re.I)
# The labels of a subject line proper (an e-mail's "Emne:"), not of a case ("Vedr.:").
SUBJECT_FIELD_LABEL = rxcache.compile(r"^\s*(emne|subject|overskrift)\s*:", re.I)
# "Vedrørende olieudslip på «Adresse»" without a colon: the old subject line, never an address or a case detail
SUBJECT_WORD = rxcache.compile(r"^\s*(vedrørende|vedr\.)\s+(?!:)\S", re.I)
SALUTATION = rxcache.compile(r"^\s*(kære|hej|goddag|dear|til\s+(dig|jer|forældre|borger|modtager|ejer|lejer|"
                             r"beboer|grundejer))\b", re.I)
STRONG_SALUTATION = rxcache.compile(r"^\s*(kære|hej|goddag|dear)\b", re.I)
CLOSING = rxcache.compile(r"^\s*(med\s+venlig(e)?\s+hilsen|venlig(e)?\s+hilsen|mange\s+hilsner|hilsen|mvh\.?|"
                          r"de\s+bedste\s+hilsner|med\s+venlig\s+hilsen\s+og|på\s+(kommunens|forvaltningens)\s+vegne)\b",
                          re.I)
CONTACT = rxcache.compile(
    r"\b(tlf|telefon|telefontid|åbningstid|mobil|direkte)\b\.?|\b(\+45\s?)?\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\b|"
    r"\bwww\.|https?://|@[\w-]+\.\w|\.dk\b|\bcvr\b|\bean\b|\bp-?nr\b|\bpostboks\b|\bsikker\s+post\b|"
    r"\bdigital\s+post\b\s*:|\bkl\.\s*\d{1,2}[.:]?\d{0,2}\s*-\s*\d", re.I)
ORG = rxcache.compile(
    r"\b(kommune|forvaltning(en)?|afdeling(en)?|center\s+for|centret|styrelse(n)?|jobcenter|borgerservice|"
    r"ydelsesservice|rådhus(et)?|sekretariat(et)?|myndighed(en)?|team\s+\w+|udbetaling\s+danmark|skat|"
    r"region|direktorat(et)?|ministerie(t)?|sundhedspleje(n)?|skole|børnehus|administration(en)?|"
    r"byg\w*|miljø\w*|teknik\w*|social\w*|handicap\w*|ældre\w*|pleje\w*|familie\w*|"
    # review 18: a utility as the sender ("Nordby Forsyning – Spildevand", "Holm Vandværk")
    r"\w*forsyning\w*|\w*vandværk\w*|\w*varmeværk\w*)\b", re.I)
POSTCODE = rxcache.compile(r"(^|\s)\d{4}\s+[A-ZÆØÅ][\wæøå.]+|^\s*[A-ZÆØÅ][\wæøå.-]+(\s+[\wæøå.-]+){0,3}\s+\d+[A-Za-z]?"
                           r"(,\s*(\d+|st|kl)\.?(\s*(th|tv|mf|sal)\.?)?)?\s*$")
BULLET = rxcache.compile(r"^\s*([-•*–▪◦·]|\d{1,2}[.)]|[a-z][.)])\s+\S")
KEYVALUE = rxcache.compile(r"^\s*([A-ZÆØÅ][\wæøå./-]*(?:\s+[\wæøå./-]+){0,3})\s*:\s+\S")
# Template scaffolding: branches, instructions to the caseworker, alternatives.
SCAFFOLD_LINE = rxcache.compile(
    # a branch keyword in brackets, in lower case or in capitals, or capitalised before ":" (not the name "Else Holm")
    r"^\s*(\[\s*(if|else|elseif|else\s+if|endif|end\s+if|ellers|slut\s+hvis)\b.*|"
    r"(?-i:(if|else|elseif|else\s+if|endif|end\s+if|ellers|slut\s+hvis|IF|ELSE|ELSEIF|ELSE\s+IF|ENDIF|END\s+IF|ELLERS|"
    r"SLUT\s+HVIS))\b.*|(?-i:(If|Else|Elseif|Endif|Ellers|Slut\s+hvis))\s*[:\]].*|"
    r"\{%-?\s*(if|else|elif|endif|for|endfor)\b.*|"
    r"(\[|<|\()?\s*(hvis|ved|if|når)\s+(?!du\b|de\b|i\b|vi\b|man\b|barnet\b)[\wæøå/ -]{1,40}\s*(:|\]|>|\))\s*|"
    r"(alternativ|mulighed|variant|tekstbid|standardtekst)\s*[\dA-C]\s*[:.)-].*|"
    r"[-–]{0,3}\s*(eller|or)\s*[-–]{0,3})\s*$", re.I)
SCAFFOLD_WORDS = rxcache.compile(
    r"\bskriv\s+(her|evt\.|eventuelt|begrundelse|teksten|navn|dato)\b|\[\s*skriv\b[^\]]{0,60}\bher\b|\bslet\s+(det|de|den|dette|denne|afsnit\w*|"
    r"teksten|hvis|efter)\b|\bindsæt\s+(her|tekst|dato|navn|beløb|begrundelse)\b|\bvælg\s+(én|en|et|mellem|"
    r"relevant|det)\b.{0,60}\b(passer|relevant|nedenfor|mulighed\w*)\b|\btilpas\s+(teksten|afsnittet)\b|"
    r"\bvejledning\s+til\s+sagsbehandler\w*|\bsagsbehandler(en)?\s+(skal|skriver|udfylder|vælger)\b|"
    r"\bxx+\b|\.\.\.\.|…{2,}|_{4,}|\bbrug\s+(dette|denne)\s+(afsnit|tekst)\b|"
    r"^\s*\[\s*(indsæt|tilføj|udfyld)\b[^\]]*\]\s*$|"
    # an instruction to the caseworker: "[VEJLEDNING – SLETTES FØR AFSENDELSE: ...]", "Udfyld alle flettefelter"
    r"\bslet(tes)?\s+(før|inden)\s+(afsendelse|udsendelse|brevet\s+sendes)\b|"
    r"^\s*\[\s*(vejledning|instruktion)\b[^\]]*\]\s*$|\budfyld\s+(alle\s+)?flettefelte\w*", re.I)
ALTERNATIVE_BRANCH = rxcache.compile(
    r"^\s*(\[|<|\()?\s*(hvis|ved|if|else|ellers|alternativ|mulighed|variant)\b.{0,40}"
    r"(bevilling|bevilget|afslag|delvis|delvist|godkend\w*|imødekom\w*|påbud|tilbagebetal\w*|nedsæt\w*|"
    r"standse\w*|stop|ja|nej|\d|[A-C])\b", re.I)
# A lettered or numbered option as a sub-heading ("A. Bevilling", "B) Afslag", "Mulighed 2 – afslag"):
# alternatives side by side when the template also tells the caseworker to choose.
ALTERNATIVE_OPTION = rxcache.compile(
    r"^\s*(\(?[A-D1-4][.):]|(mulighed|variant|alternativ)\s*[A-D1-4]\b)\s*[-–:]?\s*[\wæøå ]{0,30}?\b"
    r"(bevilling|bevilget|afslag|delvis|delvist|godkendelse|godkendt|imødekommelse|påbud|tilbagebetaling|"
    r"nedsættelse|standsning|ophør)\b[\wæøå ]{0,20}$", re.I)
# An outcome alone as a section label ("BEVILLING:", "Delvis bevilling", "Afslag:"): with an instruction to the
# caseworker and two or more of them, the outcomes stand side by side.
OUTCOME_LABEL = rxcache.compile(
    r"^\s*(fuld\s+|delvis\s+)?(bevilling|afslag|godkendelse|tilsagn|imødekommelse|påbud|tilbagebetaling|nedsættelse|"
    r"standsning|ophør)\s*:?\s*$", re.I)
# An unticked box before an outcome for the reader (not a reply form's "☐ Jeg kommer"): one of several alternatives
CHECKBOX_OUTCOME = rxcache.compile(
    r"^\s*([☐□▢◻❑]|\[\s?\]|\(\s?\))\s*.{0,60}?(\b(du|de|i|vi) (får|kan få|kan ikke få|bevilger|giver)\b|"
    r"\bbevilg\w*|\bafslag\b|\bgodkend\w*|\bimødekom\w*|\bdelvi(s|st)\b)", re.I)
APPEAL_HEADING = rxcache.compile(
    r"^\s*(klagevejledning|vejledning\s+om\s+klage\w*|sådan\s+klager\s+(du|de|i)|hvis\s+(du|de|i)\s+vil\s+klage|"
    r"(du|de|i)\s+kan\s+klage|klagemulighed\w*|mulighed\s+for\s+at\s+klage|klage\w*\s*$|hvordan\s+klager\s+(du|de|i)|"
    r"vil\s+(du|de|i)\s+klage|er\s+(du|de|i)\s+uenig|klageadgang|adgang\s+til\s+at\s+klage|domstolsprøvelse|"
    r"klage\s+over\s+(afgørelsen|påbuddet|bøden))", re.I)
APPEAL_OPENING = rxcache.compile(
    r"^\s*((du|de|i)\s+kan\s+klage|hvis\s+(du|de|i)\s+(vil|ønsker\s+at)\s+klage|(du|de|i)\s+har\s+mulighed\s+for\s+at\s+klage|"
    # "Er De uenig i afgørelsen, kan De klage ...", "Hvis I ikke er enige, kan I klage ...": the guide's first paragraph
    r"(er\s+(du|de|i)|hvis\s+(du|de|i)\s+(ikke\s+)?er)\s+(u)?enig\w*\b[^.!?\n]{0,80}?\bkan\s+(du|de|i)\s+(på)?klage|"
    r"(du|de|i)\s+har\s+ret\s+til\s+at\s+klage|"
    r"en\s+(eventuel\s+)?klage\s+(skal|over)|klagefristen|du\s+kan\s+(påklage|anke)|afgørelsen\s+kan\s+"
    r"(påklages|indbringes)|(du|de|i)\s+kan\s+indbringe|klage\s+skal\s+sendes|klagen\s+skal)", re.I)
# "Denne mail er sendt automatisk og kan ikke besvares": a system's note about the mail, not the letter
AUTO_FOOTER = rxcache.compile(r"^\s*(denne|dette)\s+(mail|e-?mail|besked|meddelelse|brev)\s+(er|kan)\s+(\w+\s+){0,3}"
                              r"(sendt|afsendt|dannet|automatisk|besvares|svares)\b", re.I)
POSTSCRIPT = rxcache.compile(r"^\s*p\.\s?s\.|^\s*ps\s*[:.]", re.I)
POST_SIGNATURE_FOOTER = rxcache.compile(r"^\s*(bilag|kopi\s+til|cc|vedlagt|vedhæftet|side\s+\d)\b", re.I)
LEAD_IN_END = rxcache.compile(r"\b(at|hvis|om|når|fordi|som|og|eller|med|til|for|af|er|du)\s*$", re.I)
CONTACT_OFFER = rxcache.compile(r"^\s*(har\s+(du|de|i)\s+spørgsmål|hvis\s+(du|de|i)\s+har\s+spørgsmål|(du|de|i)\s+er\s+(altid\s+)?"
                                r"velkomn?e?\s+til\s+at\s+(ringe|kontakte|skrive))", re.I)
# "Sådan betaler du", "Sådan søger De": a how-to heading that ends in the pronoun, not a lead-in
HOWTO_HEADING = rxcache.compile(r"^\s*sådan\s+[a-zæøå]+\s+(du|de|i)\s*$", re.I)
RUNNING_END = rxcache.compile(r"[.!?:;]\s*[\"”»)]?\s*$")


# An e-mail's header lines ("Fra:", "Til:", "Sendt:", "Cc:") above its "Emne:" line: sender, addressee, date.
EMAIL_HEADER_KIND = {"fra": "letterhead", "from": "letterhead", "afsender": "letterhead", "til": "recipient",
                     "to": "recipient", "cc": "recipient", "bcc": "recipient", "modtager": "recipient",
                     "sendt": "date", "sent": "date", "dato": "date", "date": "date"}
EMAIL_HEADER = rxcache.compile(r"^\s*(" + "|".join(EMAIL_HEADER_KIND) + r")\s*:\s*\S", re.I)


ADDRESSEE_LABEL = rxcache.compile(r"^\s*(til|att\.?|attention|modtager)\s*:\s*\S", re.I)
RECIPIENT_LINE = rxcache.compile(r"^\s*(til|att\.?:?)\s+(borgere|beboere|forældre|ejere|ejeren|grundejere|lejere|"
                                 r"borgerne|beboerne|forældrene|ejerne|grundejerne|grundejeren|lejerne|lejeren|"
                                 r"alle|modtageren|dig|husstanden|virksomheden)\b|"
                                 # review 18: "Til forældremyndighedens indehavere", "Til ejendommens ejere"
                                 r"^\s*til\s+[a-zæøå]+(ens|ets|nes)\s+(indehaver\w*|ejer\w*|forældre\w*|beboer\w*|"
                                 r"lejer\w*|værge\w*)\s*$", re.I)
# What a merge field alone stands for, by its name.
FIELD_HINTS = (
    (rxcache.compile(r"overskrift|emne|titel|subject|heading|brevtype", re.I), "subject"),
    (rxcache.compile(r"hilsen|greeting|salutation", re.I), "salutation"),
    (rxcache.compile(r"underskrift|signatur|signature", re.I), "signature"),
    (rxcache.compile(r"klagevejledning", re.I), "appeal"),
    (rxcache.compile(r"brødtekst|broedtekst|indledning|afslutning|tekst|body|afsnit", re.I), "body"),
)


def _field_hint(line: str) -> str | None:
    """The part kind a merge-field-only line names ("«Overskrift»" -> subject), or None."""
    fields = PLACEHOLDER.findall(line)
    if len(fields) > 1 and FIELD_HINTS[1][0].search(fields[0]):
        return "salutation"     # "${brev.hilsen} ${modtager.fornavn}": a greeting field and a name
    if len(fields) != 1:
        return None
    for rx, kind in FIELD_HINTS:
        if rx.search(fields[0]):
            return kind
    return None


_local = threading.local()


def _per_letter(fn):
    """Remember ``fn(line)`` while one letter is read (``read_anatomy`` clears it; no text outlives the call)."""
    def wrapper(line: str):
        memo = getattr(_local, "memo", None)
        if memo is None:
            return fn(line)
        key = (fn.__name__, line)
        got = memo.get(key)
        if got is None:
            got = memo[key] = fn(line)
        return got
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


_CONTACT_HINT = rxcache.compile(r"\d|@|www|http|\.dk|cvr|ean|tlf|telefon|åbningstid|postboks|mobil|direkte|digital post|"
                                r"sikker post|p-?nr", re.I)
_SCAFFOLD_WORDS_HINT = rxcache.compile(r"skriv|slet|indsæt|vælg|tilpas|vejledning til|sagsbehandler|xx|\.\.\.\.|…|____|"
                                       r"brug (dette|denne)|udfyld|\[\s*(vejledning|instruktion)", re.I)
_SCAFFOLD_HINT = rxcache.compile(r"skriv|slet|indsæt|vælg|tilpas|vejledning|sagsbehandler|xx|\.\.\.\.|…|____|brug|"
                                 r"\b(if|else|elseif|endif|end|ellers|slut|hvis|ved|når|alternativ|mulighed|variant|"
                                 r"tekstbid|standardtekst|eller|or)\b|\{%|^\s*[\[<(-–]", re.I)
# The hints found quicker: ``_SCAFFOLD_HINT`` is its last alternative (at the start) or one of the others, which
# need one of their words (``Rx.needs``); a line whose lower-cased form holds none of them has no match.
_SCAFFOLD_HINT_WORDS = Rx(_SCAFFOLD_HINT.pattern[:_SCAFFOLD_HINT.pattern.rindex("|")], re.I)
_SCAFFOLD_HINT_START = rxcache.compile(r"\s*[\[<(-–]", re.I)
_SCAFFOLD_WORDS_HINT_RX = Rx(_SCAFFOLD_WORDS_HINT.pattern, re.I)


def _hint(rx: Rx, line: str, low: str) -> bool:
    """``bool(rx.rx.search(line))``, skipped when ``low`` (``line.lower()``) holds none of its words.

    Exact: ``re.IGNORECASE`` treats a character as its lower-case form, so on a line whose lower-cased form
    lines up with it (no "İ") and is plain (``Rx.absent``: no long s, sigma ...) the words are where the regex
    would find them.
    """
    if len(low) == len(line) and rx.absent(low):
        return False
    return bool(rx.rx.search(line))


_PH_CHARS = rxcache.compile(r"[{«<\[!$%]|MERGEFIELD")


@_per_letter
def placeholders_only(line: str) -> bool:
    """True when the line holds merge fields and nothing but punctuation and short glue."""
    if not _PH_CHARS.search(line) or not PLACEHOLDER.search(line):
        return False
    rest = PLACEHOLDER.sub(" ", line)
    return not _WORD.search(re.sub(r"\b(att|c/o|co|nr|cpr|tlf)\b\.?", " ", rest, flags=re.I))


@_per_letter
def _words(line: str) -> int:
    if not _PH_CHARS.search(line):
        return len(line.split())
    return len(PLACEHOLDER.sub(" x ", line).split())


@_per_letter
def _is_running(line: str) -> bool:
    """A line of running text: a sentence of some length that ends with a full stop or the like."""
    return _words(line) >= 6 and bool(RUNNING_END.search(line)) and (not CONTACT.search(line[:40])
                                                                       or _sentence_like(line))


@_per_letter
def _sentence_like(line: str) -> bool:
    """Words of a sentence (a pronoun or a common verb) ending with a full stop, not a contact line."""
    return _words(line) >= 4 and bool(re.search(r"[a-zæøå]{2,}[.!?]\s*$", line)) and \
        bool(re.search(r"\b(du|vi|de|jeg|kan|skal|er|har|får)\b", line, re.I))


@_per_letter
def _is_scaffold(line: str) -> bool:
    low = line.lower()
    if (_words(line) <= 12 or line.lstrip()[:1] in "[<({") \
            and (_SCAFFOLD_HINT_START.match(line) or _hint(_SCAFFOLD_HINT_WORDS, line, low)) and SCAFFOLD_LINE.match(line):
        return True
    return _hint(_SCAFFOLD_WORDS_HINT_RX, line, low) and bool(SCAFFOLD_WORDS.search(line))


@_per_letter
def _is_reference(line: str) -> bool:
    if REFERENCE_LINE.match(line):
        return True
    m = REFERENCE.match(line)
    return bool(m) and _words(line) <= 12


@_per_letter
def _is_date(line: str) -> bool:
    return bool(DATE_ONLY.match(line)) or (bool(DATE_LABEL.match(line)) and _words(line) <= 8) \
        or bool(MONTH_YEAR.match(line))


@_per_letter
def _is_contact(line: str) -> bool:
    """A contact line (phone, web, e-mail, CVR ...), not a sentence that mentions a web address."""
    if not _CONTACT_HINT.search(line) or _words(line) > 14 or _sentence_like(line):
        return False
    hits = [m.group(0) for m in CONTACT.finditer(line)]
    if hits and all(_CLOCK_RANGE.match(h) for h in hits) and _EVENT.search(line):
        return False    # "Vi lukker for vandet onsdag den 13. januar kl. 9-11": an event, not opening hours
    return bool(hits)


_CLOCK_RANGE = rxcache.compile(r"kl\.", re.I)
# Words of a statement about an event: a person, or a date ("den 13. januar")
_EVENT = rxcache.compile(r"\b(du|vi|jeg|dig|jer|din|dit|dine|jeres|vores)\b|\bden\s+\d{1,2}\.\s*[a-zæøå]", re.I)


# "Vedrørende byggeri på Strandvej 9" names a matter; it is not an address line.
TOPIC_START = rxcache.compile(r"^\s*(vedr\.?|vedrørende|angående|ang\.|emne|ad|re)\b", re.I)


@_per_letter
def _is_address(line: str) -> bool:
    if not POSTCODE.search(line):
        return False
    segments = _SEPARATED.split(line)
    if len(segments) > 1:
        # a one-line letterhead or footer: "Marsklev Kommune · Borgerservice · Rådhuspladsen 2 · 6892 Marsklev"
        return any(_is_address(seg) for seg in segments)
    if not (_words(line) <= 8 and not TOPIC_START.match(line)):
        return False
    if _POSTCODE_TOWN.search(line):
        return True
    # a street and a house number ("Skovvej 12", "Nørre allé 5"), not a subject line that ends in a number
    # ("Vejen lukker i uge 34", "Brandsyn 2027"): name words, and a house number of at most three digits
    m = _HOUSE_NUMBER.search(line)
    lower = [w for w in re.findall(r"[a-zæøå]{2,}\b", line[:m.start()] if m else line) if w not in _STREET_WORDS]
    return m is not None and len(lower) <= 1


_POSTCODE_TOWN = rxcache.compile(r"(^|\s)\d{4}\s+[A-ZÆØÅ]")
_SEPARATED = rxcache.compile(r"\s+[·•|]\s+")
_HOUSE_NUMBER = rxcache.compile(r"\s(\d{1,3}[A-Za-z]?)(,\s*(\d+|st|kl)\.?(\s*(th|tv|mf|sal)\.?)?)?\s*$")
_STREET_WORDS = {"vej", "allé", "alle", "gade", "stræde", "plads", "vænge", "torv", "sti", "park", "have", "by"}


@dataclass
class _Line:
    start: int
    end: int
    text: str
    block: int
    bkind: str
    kind: str = ""


def _lines(text: str, blocks) -> list[_Line]:
    out: list[_Line] = []
    for bi, b in enumerate(blocks):
        pos = b.start
        for raw in text[b.start:b.end].split("\n"):
            s = pos + (len(raw) - len(raw.lstrip()))
            e = pos + len(raw.rstrip())
            if e > s:
                out.append(_Line(s, e, text[s:e], bi, b.kind))
            pos += len(raw) + 1
    return out


def _block_lines(lines: list[_Line]) -> dict[int, list[_Line]]:
    by: dict[int, list[_Line]] = {}
    for ln in lines:
        by.setdefault(ln.block, []).append(ln)
    return by


def _body_start(lines: list[_Line], by_block) -> int:
    """Index of the first body line: the salutation, or the first line of running text."""
    for strong in (True, False):
        for i, ln in enumerate(lines):
            if ln.bkind in ("header", "footer"):
                continue
            if CLOSING.match(ln.text):
                break
            if SALUTATION.match(ln.text) and _words(ln.text) <= 12 and (not strong or STRONG_SALUTATION.match(ln.text)):
                if not strong and _subject_line_follows(lines, i):
                    continue    # "Til forældre med børn i dagtilbud" above the subject line: the addressee
                return i
    for i, ln in enumerate(lines):
        if ln.bkind in ("header", "footer") or _is_scaffold(ln.text) or _is_reference(ln.text):
            continue
        if SUBJECT_LABEL.match(ln.text) or _is_contact(ln.text):
            continue
        if _is_running(ln.text) or (ln.bkind in ("paragraph", "table", "textbox") and _words(ln.text) >= 15) \
                or (_words(ln.text) >= 3 and re.search(r"[a-zæøå]{2,}[.!]\s*$", ln.text)
                    and not _head_line_above_label19(lines, i)):
            # A "Label: message" subject line in its own block above running text stays in the head.
            alone = len(by_block[ln.block]) == 1
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if alone and nxt is not None and _words(ln.text) <= 20 and re.match(r"^\s*[A-ZÆØÅ][\wæøå -]{2,30}\s*[:–-]\s",
                                                                                 ln.text) and nxt.block != ln.block:
                continue
            return i
        if CLOSING.match(ln.text) and ln.bkind not in ("header", "footer"):
            return i        # nothing but head lines before the closing
    return len(lines)


# review 19: an explicit subject label further down the head ("Emne: ...", "Vedr.: ..."), looked for this many lines on
HEAD_LOOKAHEAD = 6


def _head_line_above_label19(lines: list[_Line], i: int) -> bool:
    """A short line that only looks like a sentence ("Vibevej 3, st. tv.", "Rosengade 5, 2. th.": an address whose
    floor ends in a full stop) with an explicit subject label ("Emne: ...", "Vedr.: ...") below it, and no running
    text between: the line is in the head, and the labelled line is the subject, not a sub-heading."""
    if _is_running(lines[i].text):
        return False
    for j in range(i + 1, min(len(lines), i + 1 + HEAD_LOOKAHEAD)):
        t = lines[j].text
        if SUBJECT_LABEL.match(t):
            return True
        if _is_running(t) or SALUTATION.match(t) or CLOSING.match(t):
            return False
    return False


def _subject_line_follows(lines: list[_Line], i: int) -> bool:
    """True when a short line that is no sentence stands alone after line ``i``, with running text after it."""
    if i + 2 >= len(lines):
        return False
    nxt, after = lines[i + 1], lines[i + 2]
    return nxt.block != lines[i].block and after.block != nxt.block and 0 < _words(nxt.text) <= 14 \
        and not RUNNING_END.search(nxt.text) and not SALUTATION.match(nxt.text) and not CLOSING.match(nxt.text) \
        and _is_running(after.text)


def _email_header(lines: list[_Line], end: int) -> dict[int, str]:
    """The kinds of an e-mail's header lines, when the head has one: an "Emne:" line and a "Fra:" or "Til:" line."""
    found = {}
    for i in range(end):
        m = EMAIL_HEADER.match(lines[i].text)
        if m:
            found[i] = EMAIL_HEADER_KIND[m.group(1).lower()]
    has_subject = any(SUBJECT_FIELD_LABEL.match(lines[i].text) for i in range(end))
    if not has_subject or not any(k in ("letterhead", "recipient") for k in found.values()):
        return {}
    return found


# "Sagsnr.:", "Ejendom:", "Dato:" alone in a table cell: the label of a reference table's row, its value in the next cell
_CELL_LABEL = rxcache.compile(r"^\s*[A-ZÆØÅ][\wæøå.-]*(\s+[\wæøå.-]+){0,3}\s*:\s*$")


def _label_cells(lines: list[_Line], end: int) -> dict[int, str]:
    """The kinds of a reference table's cells in the head: a label cell and the value cell after it are a reference
    line ("Sagsnr.: | 27.18.04-...", "Ejendom: | Skovbakken 14") or the date ("Dato: | {dato}"), never the subject
    line or the addressee. Not the subject's own label ("Emne:") or the addressee's ("Til:")."""
    out: dict[int, str] = {}
    for i in range(end - 1):
        ln, nxt = lines[i], lines[i + 1]
        if ln.bkind != "table" or nxt.bkind != "table" or nxt.block == ln.block \
                or not _label_cell(ln.text, after_row=i - 1 in out) \
                or SUBJECT_LABEL.match(ln.text) or ADDRESSEE_LABEL.match(ln.text + " x") or _label_cell(nxt.text):
            continue
        if _words(nxt.text) > 12 or _has_verb_word(nxt.text):
            continue        # a cell of running text is no value of a case detail
        out[i] = out[i + 1] = "date" if DATE_LABEL.match(ln.text) else "reference"
    return out


def _label_cell(text: str, after_row: bool = False) -> bool:
    """A reference table's label cell: "Sagsnr.:" with a colon; without one, a case label ("Sagsnr.", "J.nr.",
    "CPR-nr.") that is the whole cell; and, in the row after such a row, a short name in capitals without a
    full stop ("Ejendom", "Adresse"): a blind editor's .docx had them all without colons."""
    if _CELL_LABEL.match(text):
        return True
    short = text.strip()
    if not short or len(short) > 24 or _words(short) > 3:
        return False
    m = REFERENCE.match(short)
    if m and not short[m.end():].strip():
        return True
    return after_row and _words(short) <= 2 and short[0].isupper() and not any(c.isdigit() for c in short) \
        and short[-1] not in ".!?" and not PLACEHOLDER.search(short)


def _case_reference(line: str) -> bool:
    """"Vedr. barn: «Barnets navn», CPR-nr.: {cpr}", "Vedrørende ejendom: matr.nr. 12a": a case detail after
    "Vedr.", a label and a value that says nothing, not a subject line ("Vedr. din ansøgning om ...")."""
    m = SUBJECT_WORD.match(line)
    if not m:
        return False
    rest = line[m.end() - 1:]
    rest = rest[:1].upper() + rest[1:]      # "barn: ..." as a label of its own
    label = FIELD_LABEL.match(rest)
    return bool(label) and _words(rest) <= 12 and (bool(CASE_LABEL.match(rest)) or _labelled_fields(rest)) \
        and not _has_verb_word(rest[label.end():])


def _label_head(lines: list[_Line], by_block, end: int) -> None:
    """Kinds of the head lines (before the body): letterhead, recipient, reference, date, subject."""
    candidates: list[int] = []
    email = _email_header(lines, end)
    cells = _label_cells(lines, end)
    for i in range(end):
        ln = lines[i]
        t = ln.text
        block = by_block[ln.block]
        if i in email:
            ln.kind = email[i]
        elif i in cells:
            ln.kind = cells[i]
        elif ln.bkind == "header":
            ln.kind = "letterhead"
        elif ln.bkind == "footer":
            ln.kind = "footer"
        elif SUBJECT_LABEL.match(t):
            rest = SUBJECT_LABEL.sub("", t)
            # "Vedr.: «Barn_navn», CPR-nr. «Barn_CPR»" names the case, it says nothing; an e-mail's
            # "Emne: ${brev.emne}" is the subject line still to be filled in
            field_only = placeholders_only(re.sub(r"\bcpr(-?nr|-?nummer)?\.?", " ", rest, flags=re.I))
            ln.kind = "reference" if field_only and not SUBJECT_FIELD_LABEL.match(t) and _field_hint(rest) != "subject" \
                else "subject"
        elif _case_reference(t):
            ln.kind = "reference"
        elif SUBJECT_WORD.match(t) and _words(t) >= 3 and not placeholders_only(SUBJECT_WORD.sub("", t)):
            ln.kind = "subject"
        elif RECIPIENT_LINE.match(t) and _words(t) <= 8 or _addressee_line(t):
            ln.kind = "recipient"
        elif placeholders_only(t) and _field_hint(t):
            ln.kind = _field_hint(t)
        elif _is_scaffold(t):
            ln.kind = "scaffolding"
        elif _is_date(t):
            ln.kind = "date"
        elif _is_reference(t):
            ln.kind = "reference"
        elif _is_contact(t) and not (len(block) > 1 and _labelled_fields(t)):
            ln.kind = "letterhead"
        elif len(block) > 1 or ln.bkind in ("table", "textbox") and len(block) > 1:
            ln.kind = ""      # decided per block below
        else:
            candidates.append(i)
    # Multi-line blocks: an address block is the recipient when it holds merge fields or no sender marks.
    index = {id(ln): i for i, ln in enumerate(lines)}
    for bi, block in by_block.items():
        if len(block) < 2:
            continue
        head = [ln for ln in block if index[id(ln)] < end]
        todo = [ln for ln in head if not ln.kind]
        if not todo:
            continue
        last_before_body = index[id(head[-1])] == end - 1 and len(todo) <= 2 and not any(
            PLACEHOLDER.search(ln.text) and not placeholders_only(ln.text) or _is_address(ln.text) or ORG.search(ln.text)
            for ln in todo)
        if len(head) < len(block) or last_before_body or (len(todo) == 1 and all(
                ln.kind in ("reference", "date") for ln in head if ln is not todo[0])):
            # the block runs on into the body (a table cell with subject, salutation and text),
            # or a lone line among reference lines: its last lines may be the subject
            candidates.extend(index[id(ln)] for ln in todo)
            continue
        # a sender mark whose value is a merge field ("CVR: «CVR»", "Tlf.: {tlf}") is the addressee's, not ours
        sender = any((_is_contact(ln.text) or ORG.search(ln.text)) and not _labelled_fields(ln.text)
                     for ln in head)
        merge = any(PLACEHOLDER.search(ln.text) for ln in head)
        kind = "recipient" if merge and not sender else ("letterhead" if sender else "recipient")
        if any(ADDRESSEE_LABEL.match(ln.text) for ln in head):
            kind = "recipient"      # "Holm Forsyning A/S" over "Att.: Lene Holm": the addressee, a firm
        for ln in todo:
            ln.kind = kind
    candidates.sort()
    # The subject: the last one or two short candidates before the body.
    subject: list[int] = []
    # a "Vedrørende ..." line is the subject line; the short lines around it are then not
    worded = any(lines[i].kind == "subject" and SUBJECT_WORD.match(lines[i].text) for i in range(end))
    for i in ([] if worded else reversed(candidates)):
        ln = lines[i]
        if i > 0 and _case_detail(ln, lines[i - 1]):
            ln.kind = "reference"       # "Ejendom: Lærkevej 8" under "Sagsnr.:" and "Dato:": a case detail
            if subject:
                break
            continue
        if _words(ln.text) > 30 or (_is_address(ln.text) and not placeholders_only(ln.text)):
            break
        later_head = [lines[j].kind for j in range(i + 1, end) if lines[j].kind and j not in subject]
        if any(k in ("recipient", "letterhead") for k in later_head) and ln.bkind != "heading":
            break
        if subject and (lines[subject[-1]].block != ln.block and i + 1 != subject[-1]):
            break
        if subject and placeholders_only(ln.text) and not placeholders_only(lines[subject[-1]].text):
            break
        if subject and ORG.search(ln.text) and _words(ln.text) <= 4 and not _has_verb_word(ln.text) \
                and ln.block != lines[subject[-1]].block:
            break       # "Borgerservice" in its own cell above the subject line: the sender, not a type line
        if not subject and _name_under_subject_line(lines, i):
            ln.kind = "recipient"       # review 18: "Emne: ..." and then "Mikkel Holm" alone: the addressee
            break
        labelled = _labelled_fields(ln.text)
        if labelled or ADDRESSEE_LABEL.match(ln.text) and _words(ln.text) <= 8:
            # "Adresse: {{ ejendom.adresse }}" is a case detail, "Til: Karin Holt" the addressee: never a subject line
            ln.kind = "reference" if labelled else "recipient"
            if subject:
                break
            continue
        if placeholders_only(ln.text) and (subject or any(lines[j].kind for j in range(i + 1, end))
                                           or (i > 0 and placeholders_only(lines[i - 1].text))):
            break       # a merge field alone is the subject only right above the letter, not in an address
        subject.append(i)
        if len(subject) == 2:
            break
    if len(subject) == 2:
        # "Din gæld sendes til inddrivelse hos Gældsstyrelsen, og der kan blive foretaget lønindeholdelse." under
        # the subject line: a whole sentence with a clause is the letter's first paragraph, not a second heading
        full = [i for i in subject if _full_sentence(lines[i].text)]
        # not under a mere type line ("Påbud" above "Du skal fjerne ..., fordi ..."): then the sentence is the subject
        if len(full) == 1 and not any(LETTER_TYPE_LINE.match(lines[i].text) for i in subject if i != full[0]):
            subject.remove(full[0])
            lines[full[0]].kind = "body"
    for i in subject:
        lines[i].kind = "subject"
    # "Vedr.: Møde i ..." among the reference lines, with the real subject line below them, is a reference line
    if subject:
        for i in range(min(subject)):
            ln = lines[i]
            if ln.kind == "subject" and SUBJECT_LABEL.match(ln.text) and not SUBJECT_FIELD_LABEL.match(ln.text) and any(
                    lines[j].kind in ("reference", "date") for j in (i - 1, i + 1) if 0 <= j < end):
                ln.kind = "reference"
    seen_recipient = False
    for i in candidates:
        ln = lines[i]
        if ln.kind:
            seen_recipient = seen_recipient or ln.kind == "recipient"
            continue
        if placeholders_only(ln.text):
            ln.kind = "recipient"
        elif _labelled_fields(ln.text):
            ln.kind = "reference"       # "Ejer: «Navn»": a case detail
        elif LETTER_TYPE_LINE.match(ln.text) and i + 1 < end and lines[i + 1].kind == "subject":
            ln.kind = "subject"         # "Partshøring" above "Vedrørende …": the letter's type, the subject's first line
        elif ln.bkind in ("textbox", "table") and not seen_recipient:
            ln.kind = "letterhead"
        elif _attention_below(lines, i, end):
            ln.kind = "recipient"       # review 18: "Nordby Byg ApS" over "Att.: Lene Holm": the addressee, a firm
        elif ORG.search(ln.text) or _is_contact(ln.text) or not seen_recipient:
            ln.kind = "letterhead"
        else:
            ln.kind = "recipient"
        seen_recipient = seen_recipient or ln.kind == "recipient"


_PERSON_NAME = rxcache.compile(r"^\s*[A-ZÆØÅ][a-zæøåé]+(-[A-ZÆØÅ][a-zæøåé]+)?(\s+[A-ZÆØÅ][a-zæøåé]+(-[A-ZÆØÅ][a-zæøåé]+)?){1,3}\s*$")


def _name_under_subject_line(lines: list[_Line], i: int) -> bool:
    """Line ``i`` is a person's name alone ("Mikkel Holm Dahl": two to four capitalised words, no sender word), in a
    block of its own right below a labelled subject line ("Emne: ..."): the addressee, not a second subject line."""
    ln = lines[i]
    if i == 0 or not _PERSON_NAME.match(ln.text) or ORG.search(ln.text) or _has_verb_word(ln.text):
        return False
    above = lines[i - 1]
    return above.block != ln.block and above.kind == "subject" and bool(SUBJECT_LABEL.match(above.text))


def _attention_below(lines: list[_Line], i: int, end: int) -> bool:
    """The line right below ``i``, in its block and in the head, names the addressee ("Att.: Lene Holm", "Til: ...")."""
    return i + 1 < end and lines[i + 1].block == lines[i].block and lines[i + 1].kind == "recipient" \
        and bool(ADDRESSEE_LABEL.match(lines[i + 1].text))


# "Ejendom: «Adresse»", "Din kontaktperson: {{ sagsbehandler.navn }}": a label and merge fields, a case detail.
FIELD_LABEL = rxcache.compile(r"^\s*[A-ZÆØÅ][\wæøå.-]*(\s+[\wæøå.-]+){0,3}\s*:\s*(?=\S)")


def _labelled_fields(line: str) -> bool:
    """A line of a short label and merge fields only (a case detail), not a subject line's label."""
    m = FIELD_LABEL.match(line)
    return bool(m) and not SUBJECT_LABEL.match(line) and placeholders_only(line[m.end():]) \
        and _field_hint(line[m.end():]) != "subject"


# a line that only names the letter's type, as a first subject line above the topic
LETTER_TYPE_LINE = rxcache.compile(r"^\s*(partshøring|afgørelse|påbud|kvittering|indkaldelse|påmindelse|rykker|opkrævning|"
                                   r"anmodning|orientering|varsel|afslag|bevilling|høring|forbud|tilladelse)\s*:?\s*$", re.I)
# labels of a case detail (what the case is about), not of a subject line ("Påbud: …", "Afgørelse: …")
CASE_LABEL = rxcache.compile(r"^\s*(ejendom(men)?|adresse|beliggenhed|matr\w*|bfe\w*|ejer|lejer|bygherre|barn(ets navn)?|"
                             r"elev|borger|navn|institution|skole|bygning|projekt|periode|vedr\. ejendom)\s*:", re.I)


def _case_detail(ln: _Line, before: _Line) -> bool:
    """"Ejendom: matr.nr. 14ab, Lærkevej 8" right under "Sagsnr.:" and "Dato:" lines: one more reference line, a
    label and a value that says nothing (no verb). It belongs to them when it shares their block (no empty line
    between, in a plain-text letter) or its label names a case detail (a Word paragraph is a block of its own);
    a subject line with a label says something ("Påbud: Skuret skal ændres …") or stands apart."""
    m = FIELD_LABEL.match(ln.text)
    return bool(m) and not SUBJECT_LABEL.match(ln.text) and _words(ln.text) <= 12 \
        and not _has_verb_word(ln.text[m.end():]) and before.kind in ("reference", "date") \
        and (before.block == ln.block or bool(CASE_LABEL.match(ln.text)))


_VERB_WORD = rxcache.compile(r"\b(er|har|får|skal|kan|vil|bliver|mangler|du|vi|jeg)\b", re.I)


# "Til ejere og beboere i Hvidsten og Nørre Åby", "Til Mette og Lars Holm": the addressee line, however long
_ADDRESSEE_NAMES = rxcache.compile(r"^\s*[Tt]il\s+[A-ZÆØÅ][\wæøå-]+(\s+(og|[A-ZÆØÅ][\wæøå.-]+)){0,6}\s*$")


def _addressee_line(line: str) -> bool:
    """A "Til ..." line naming the readers (a group, or names only) with no sentence in it."""
    if RUNNING_END.search(line) or ":" in line or _words(line) > 16:
        return False
    return bool(RECIPIENT_LINE.match(line)) or bool(_ADDRESSEE_NAMES.match(line)) and not ORG.search(line)


def _full_sentence(line: str) -> bool:
    """A whole sentence with a clause (a comma, a verb, a full stop, twelve words or more): running text."""
    return _words(line) >= 12 and "," in line and bool(re.search(r"[a-zæøå0-9]\.\s*$", line)) \
        and _has_verb_word(line)


_MODAL_WORD = rxcache.compile(r"\b(må|bør|var|blev)\b", re.I)


def _has_verb_word(line: str) -> bool:
    """A common finite verb or a pronoun: the line says something, it is not a name."""
    return bool(_VERB_WORD.search(line))


def _alone(ln: _Line, by_block) -> bool:
    return len(by_block[ln.block]) == 1


# A heading in the words of a question or with its object first: "Hvad får du hjælp til", "Det har vi brug for",
# "Det betaler du for", "Er der noget, der ikke stemmer", "Det, du selv klarer". A lead-in sentence to a list puts
# its subject first ("Vi har lagt vægt på, at", "Du får hjælp til"), so these words mark a heading even when the
# line ends in a preposition or holds a relative clause.
QUESTION_HEADING = rxcache.compile(
    r"^\s*((hvad|hvem|hvordan|hvornår|hvor|hvorfor|hvilke|hvilken|hvilket)\s+\w+|(det|dette|her|derfor)\s+(har|får|betaler|"
    r"skal|kan|gør|sker|gælder|dækker|mangler|bruger|ved|beder|giver|betyder|tilbyder|klarer)\s+(\w+\s+){0,5}?"
    r"(du|de|i|vi|jeg|der|man|(?-i:[A-ZÆØÅ«{]\S*))(\s|$)|(er|har|kan|skal|vil)\s+(der|du|de|i)\s+\w+|det,\s+\w+\s+\w+)", re.I)
_CLAUSE_END = rxcache.compile(r"\b(at|hvis|når|fordi|og|eller|er|som)\s*$", re.I)


def _heading_words(t: str) -> bool:
    """A question or object-first heading (``QUESTION_HEADING``) of at most eight words, in one clause or with a
    relative clause after its one comma, not a sentence that breaks off before its next clause."""
    return _words(t) <= 8 and t.count(",") <= 1 and bool(QUESTION_HEADING.match(t)) and not _CLAUSE_END.search(t) \
        and ("," not in t or bool(re.search(r"^\s*det,|,\s+(der|som|du|de|i|vi)\s", t, re.I)))


# "Sådan sorterer du fra 1. marts", "Sådan søger De om tilskud": a how-to heading, also above a list's lead-in
HOW_TO_WORDS = rxcache.compile(r"^\s*sådan\s+[a-zæøå]+\s+(du|de|i|vi|man)\b", re.I)


def _how_to_words(t: str) -> bool:
    """A how-to heading of at most ten words ("Sådan <verb> du ..."), not a sentence that breaks off."""
    return _words(t) <= 10 and "," not in t and bool(HOW_TO_WORDS.match(t)) and not _CLAUSE_END.search(t) \
        and not LEAD_IN_END.search(t)


# A conditional or time clause first ("Hvis du flytter, ...", "Når I har svaret, ..."); when a main clause follows its
# comma ("..., så skal du", "..., kan De klage") the line is a sentence, not a heading
_CLAUSE_FIRST = rxcache.compile(r"^\s*(hvis|når|selvom|fordi|da|inden|før|efter|mens|såfremt)\b", re.I)
_MAIN_CLAUSE_AFTER = rxcache.compile(
    r",\s+(?!(at|om|hvis|når|fordi|som|der|hvor|hvad|hvem|mens|før|inden|selvom|så\s+længe)\b)"
    r"(så\b|[a-zæøå]+\s+(du|de|i|vi|man|jeg|han|hun|den|det|der|kommunen)\b)", re.I)
_CLAUSE_AFTER_COMMA = rxcache.compile(r",\s+(hvis|når|at|fordi|så|mens|før|inden|om|selvom|der|som|hvor)\b", re.I)
# A line that stops where its sentence must go on: a conjunction, a preposition, an auxiliary or "så"
_RUNS_ON = rxcache.compile(r"\b(at|hvis|om|når|fordi|som|og|eller|men|så|med|til|for|af|på|i|fra|ved|efter|over|under|"
                           r"er|har|kan|skal|vil|må|bliver|blev|var|den|det|de|en|et|der|du|dig|din|dit|dine|deres|"
                           r"jeres|vores|jeg|vi)\s*$", re.I)


def _statement_heading(ln: _Line, by_block, nxt: _Line) -> bool:
    """A short statement with a comma on a line of its own above a paragraph: a sub-heading ("Giv besked, hvis noget
    ændrer sig", "Hvis De mener, at prisen er forkert"). Not a lead-in that runs on into the next line, a
    "Hvis ..., så ..." sentence broken over lines, or the first line of hard-wrapped running text (the next line's
    first word would have fitted on it)."""
    t = ln.text.strip()
    if ln.bkind not in ("paragraph", "heading") or by_block[ln.block][0] is not ln:
        return False
    if not 3 <= _words(t) <= 10 or t.count(",") > 2 or not t[:1].isupper() or re.search(r"[.,;:!?]\s*$", t) \
            or PLACEHOLDER.search(t) or _RUNS_ON.search(t) or _CLAUSE_END.search(t):
        return False
    if _CLAUSE_FIRST.match(t) and _MAIN_CLAUSE_AFTER.search(t):
        return False
    if not (_CLAUSE_FIRST.match(t) or _CLAUSE_AFTER_COMMA.search(t)):
        return False    # "Fjordby Forsyning, Affald og Genbrug": names with a comma, no statement
    if not nxt.text[:1].isupper() or not _is_running(nxt.text):
        return False
    if nxt.block == ln.block:
        # hard-wrapped text: every line is about as long as the widest; a heading is shorter than the next word allows
        rest = by_block[ln.block][1:]
        width = max(72, max(len(r.text) for r in rest))
        first = nxt.text.split()[0]
        if len(t) + 1 + len(first) > width * 0.85:
            return False
    return True


def _looks_subheading(ln: _Line, by_block, nxt: _Line | None) -> bool:
    t = ln.text.strip()
    if ln.bkind == "heading":
        return True
    if nxt is None:
        return False
    worded = _heading_words(t) or _how_to_words(t)
    if nxt.block == ln.block:
        # a heading line right above its paragraph, not a hard-wrapped first line of running text
        block = by_block[ln.block]
        if ln.bkind in ("table", "textbox"):
            # in a cell every line is a paragraph: a heading line stands above a paragraph of running text
            if not _is_running(nxt.text):
                return False
        elif block[0] is not ln or not nxt.text[:1].isupper() or not _is_running(nxt.text) and len(block) < 3 \
                and not (worded and (RUNNING_END.search(nxt.text) or _words(nxt.text) >= 6)):
            # ("Hvad dækker beløbet" above "Beløbet dækker:" and a list: a heading above the list's lead-in)
            return False
    if BULLET.match(t) or KEYVALUE.match(t) or PLACEHOLDER.fullmatch(t):
        return False
    if worded and not re.search(r"[.;:]\s*$", t) and t[:1].isupper():
        return True
    if "," in t and _statement_heading(ln, by_block, nxt):
        return True     # "Giv besked, hvis noget ændrer sig", "Hvis De mener, at prisen er forkert"
    # "Vi har lagt vægt på, at" above a list is a lead-in sentence, not a heading
    if "," in t or LEAD_IN_END.search(t) and not APPEAL_HEADING.match(t) and not HOWTO_HEADING.match(t):
        # "Sådan klager du", "Sådan betaler du" are headings
        return False
    if re.search(r"[a-zæøå0-9]{2,}[.!?]\s+[A-ZÆØÅ]", t):
        return False    # "Send det senest den 17. december 2026. Du kan" holds a whole sentence: running text
    if t.endswith("!") and _words(t) >= 4 and (_has_verb_word(t) or _MODAL_WORD.search(t) or _S_PASSIVE19.search(t)):
        return False    # review 18: "Parkering på græsset er IKKE tilladt!" is a shouted sentence, not a heading
    return 0 < _words(t) <= 10 and not re.search(r"[.,;:]\s*$", t) and t[:1].isupper()


# review 19: an s-passive makes a shouted line a sentence too ("Afmeldinger modtages kun pr. mail!")
_S_PASSIVE19 = rxcache.compile(r"\b[a-zæøå]{3,}[^e\W]es\b")


# A heading that names the reader's disagreement ("Hvis De er uenig", "Hvis du ikke er enig i afgørelsen", "Er I ikke
# tilfredse"): the appeal guide's heading when its section tells how to complain (``APPEAL_TEXT``)
DISAGREEMENT_HEADING = rxcache.compile(
    r"^\s*(hvis\s+(du|de|i)\s+((stadig|fortsat|ikke)\s+)?er|er\s+(du|de|i))\s+((stadig|fortsat|ikke)\s+)?"
    r"(uenig\w*|enig\w*|tilfreds\w*|utilfreds\w*)\b",
    re.I)
# Words of an appeal: the reader can (not) complain, complain over the decision, to a board or the courts, or within weeks
APPEAL_TEXT = rxcache.compile(
    r"\b(du|de|i)\s+(kan|skal|vil|må)\s+(ikke\s+|også\s+)?(på)?klage\b|\bklage\w*\s+(over|til)\s+(afgørelsen|beslutningen|"
    r"påbuddet|afslaget|bøden|afgiften)|\bpåklage\w*|\bankestyrelsen|klagenævn\w*|\bklagefrist\w*|\bdomstol\w*|"
    r"\bindbring\w*|\b(send|skriv)\w*\s+(din|deres|jeres|en)\s+klage|\bskriv\s+til\s+(os|kommunen)\s+(inden|senest)\s+"
    r"(\w+\s+){0,2}\d+\s+uger", re.I)


def _disagreement_appeal(lines: list[_Line], by_block, i: int) -> bool:
    """A disagreement heading whose section (up to the next sub-heading or the closing) says how to complain."""
    if not DISAGREEMENT_HEADING.match(lines[i].text):
        return False
    for j in range(i + 1, min(len(lines), i + 16)):
        ln = lines[j]
        if ln.bkind in ("header", "footer") or CLOSING.match(ln.text):
            break
        if ln.block != lines[j - 1].block and _looks_subheading(ln, by_block, lines[j + 1] if j + 1 < len(lines) else None):
            break
        if APPEAL_TEXT.search(ln.text):
            return True
    return False


def _label_body(lines: list[_Line], by_block, start: int) -> None:
    state = "body"          # body -> signature -> after
    section_appeal = False
    for i in range(start, len(lines)):
        ln = lines[i]
        t = ln.text
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        # a line in a table cell or text box is a paragraph of its own (the reader keeps one block per cell)
        new_block = i == start or lines[i - 1].block != ln.block or ln.bkind in ("table", "textbox")
        if ln.bkind == "header":
            ln.kind = "letterhead"
            continue
        if ln.bkind == "footer":
            ln.kind = "footer"
            continue
        if _is_scaffold(t):
            ln.kind = "scaffolding"
            continue
        hint = _field_hint(t) if placeholders_only(t) else None
        if hint == "appeal" or (hint == "body" and state != "signature"):
            ln.kind = hint
            continue
        if state == "body" and SALUTATION.match(t) and _words(t) <= 12 and i == start:
            ln.kind = "salutation"
            continue
        if state == "body" and CLOSING.match(t) and _words(t) <= 8:
            ln.kind = "closing"
            state = "signature"
            continue
        if state == "signature":
            if new_block and AUTO_FOOTER.match(t):
                ln.kind = "footer"
                state = "after"
                continue
            if new_block and POSTSCRIPT.match(t):
                state = "after"     # "PS: Du kan tage en bisidder med": the writer's text again
            elif POST_SIGNATURE_FOOTER.match(t) and not _is_running(t):
                ln.kind = "footer"      # "Kopi til: ...", "Bilag: ..." right under the signature
                state = "after"
                continue
            elif new_block and (APPEAL_HEADING.match(t) or _is_running(t) and not _is_contact(t)
                              or _looks_subheading(ln, by_block, nxt) and nxt is not None and _is_running(nxt.text)):
                state = "after"
            else:
                ln.kind = "signature"
                continue
        # body or after the signature
        if new_block and _looks_subheading(ln, by_block, nxt):
            section_appeal = bool(APPEAL_HEADING.match(t)) or _disagreement_appeal(lines, by_block, i)
            ln.kind = "appeal" if section_appeal else "subheading"
            continue
        if (new_block or i > start and lines[i - 1].kind == "subheading") and APPEAL_OPENING.match(t):
            section_appeal = True
            if i > start and lines[i - 1].kind == "subheading":
                lines[i - 1].kind = "appeal"    # "Hvis du ikke er tilfreds" above "Du kan klage over ...": its heading
        elif new_block and CONTACT_OFFER.match(t):
            section_appeal = False
        if state == "after" and new_block and (POST_SIGNATURE_FOOTER.match(t) or AUTO_FOOTER.match(t)):
            section_appeal = False
        if section_appeal:
            ln.kind = "appeal"
            continue
        if state == "after" and (POST_SIGNATURE_FOOTER.match(t) or new_block and AUTO_FOOTER.match(t) or (_is_contact(t) or _is_address(t))
                                 and not _is_running(t)):
            ln.kind = "footer"
            continue
        if _is_reference(t) and not _is_running(t):
            ln.kind = "reference"
        elif ln.bkind == "bullet" or BULLET.match(t):
            ln.kind = "list"
        elif KEYVALUE.match(t) and not _is_running(t.split(":", 1)[0]) and _words(t) <= 25 and not POSTSCRIPT.match(t):
            ln.kind = "keyvalue"
        else:
            ln.kind = "body"


def _merge(lines: list[_Line]) -> list[Part]:
    parts: list[Part] = []
    prev: _Line | None = None
    for ln in lines:
        if parts and prev is not None and prev.block == ln.block and prev.kind == ln.kind \
                and ln.kind not in ("list", "keyvalue"):
            last = parts[-1]
            parts[-1] = Part(last.start, ln.end, last.kind)
        else:
            parts.append(Part(ln.start, ln.end, ln.kind))
        prev = ln
    return parts


def _notes(lines: list[_Line], parts: list[Part]) -> list[str]:
    notes = []
    branches = [ln for ln in lines if ln.kind == "scaffolding" and ALTERNATIVE_BRANCH.match(ln.text)]
    if any(ln.kind == "scaffolding" for ln in lines):
        branches += [ln for ln in lines if ln.kind in ("subheading", "body") and ALTERNATIVE_OPTION.match(ln.text)
                     and ln not in branches]
        labels = {OUTCOME_LABEL.match(ln.text).group(0).strip(" :").lower() for ln in lines
                  if ln.kind in ("subheading", "body", "subject") and OUTCOME_LABEL.match(ln.text)}
        if len(labels) >= 2:
            branches += [ln for ln in lines if OUTCOME_LABEL.match(ln.text) and ln not in branches]
    # outcomes as tick boxes, none ticked: "☐ Du får dækket ...", "☐ Du får ikke dækket ..."
    boxes = [ln for ln in lines if ln.kind in ("body", "list", "scaffolding") and CHECKBOX_OUTCOME.match(ln.text)]
    if len(branches) >= 2 or len(boxes) >= 2:
        notes.append("alternatives")
    content = [ln for ln in lines if ln.kind in ("subject", "body", "list", "keyvalue")]
    body = [ln for ln in lines if ln.kind in ("body", "list", "keyvalue", "appeal")]
    if not body:
        notes.append("merge_fields_only" if content and all(placeholders_only(ln.text) for ln in content)
                     else "no_body")
    elif all(placeholders_only(ln.text) for ln in body):
        notes.append("merge_fields_only")
    if "alternatives" not in notes and any(ln.kind == "scaffolding" for ln in lines):
        notes.append("scaffolding")
    return notes


def read_anatomy(text: str, blocks=None) -> Anatomy:
    """The letter's parts, from its text and the reader's blocks (read from the text when not given)."""
    if blocks is None:
        from .readers import read_text
        try:
            blocks = read_text(text).blocks
        except Exception:
            blocks = ()
    _local.memo = {}
    try:
        return _read(text, blocks)
    finally:
        _local.memo = None


def _read(text: str, blocks) -> Anatomy:
    # Header and footer blocks come after the body in the reader's text; keep text order.
    lines = _lines(text, blocks)
    if not lines:
        return Anatomy((), ("no_body",))
    main = [ln for ln in lines if ln.bkind not in ("header", "footer")]
    by_block = _block_lines(main)
    start = _body_start(main, by_block)
    _label_head(main, by_block, start)
    _label_body(main, by_block, start)
    for ln in lines:
        if ln.bkind == "footer":
            ln.kind = "footer"
    lines = _label_page_header(lines)
    lines.sort(key=lambda ln: ln.start)
    parts = _merge(lines)
    notes = _notes(lines, parts)
    header_starts = {ln.start for ln in lines if ln.bkind == "header"}     # a part starts where its first line does
    page_head = tuple(p.start for p in parts if p.start in header_starts)
    return Anatomy(tuple(parts), tuple(notes), tuple(p.start for p in parts), page_head)


def _label_page_header(lines: list[_Line]) -> list[_Line]:
    """The .docx page header is the letterhead, but its "Sagsnr.: ..." and "Dato: ..." lines are reference lines and the
    date, also when they share a line with " · " between them ("Sagsnr.: 12-2026 · Dato: 3. marts 2026")."""
    out: list[_Line] = []
    for ln in lines:
        if ln.bkind != "header":
            out.append(ln)
            continue
        pieces = _header_pieces(ln)
        kinds = [_header_piece_kind(p.text) for p in pieces]
        if not all(kinds):
            ln.kind = "letterhead"
            out.append(ln)
            continue
        for piece, kind in zip(pieces, kinds):
            piece.kind = kind
            out.append(piece)
    return out


def _header_piece_kind(text: str) -> str:
    """"reference", "date" or "" (the letterhead) for a piece of a page header line; "Fakturanr.: [Fakturanr]" (a label
    and merge fields) is a case detail, "Tlf.: {tlf}" the sender's contact line."""
    if _is_reference(text):
        return "reference"
    if _is_date(text):
        return "date"
    return "reference" if _labelled_fields(text) and not _is_contact(text) else ""


def _header_pieces(ln: _Line) -> list[_Line]:
    """The line's pieces between " · ", " | " or " • " separators, each with its own offsets."""
    pieces, pos = [], 0
    for m in list(_SEPARATED.finditer(ln.text)) + [None]:
        end = m.start() if m else len(ln.text)
        chunk = ln.text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            s = ln.start + pos + lead
            pieces.append(_Line(s, s + len(chunk.strip()), chunk.strip(), ln.block, ln.bkind))
        pos = m.end() if m else pos
    return pieces


def describe(text: str, anatomy: Anatomy) -> str:
    """The parts in plain Danish, one line each: what `letterlab anatomy` prints."""
    out = []
    for p in anatomy.in_reading_order():
        snippet = " ".join(text[p.start:p.end].split())
        if len(snippet) > 70:
            snippet = snippet[:67] + "..."
        out.append(f"{PART_TITLES[p.kind]:16} {snippet}")
    for code in anatomy.notes:
        out.append("")
        out.append(NOTICES[code])
    return "\n".join(out)
