"""The main message: where it is, the heading, delaying openings, requests without a deadline.

Most tests use a tagger-free pipeline (letter segmenter + sentencizer): the
message check reads word order and phrases, so they do not depend on the
model. The corpus tests run the real pipeline end to end.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import spacy

from letterlab.checks import message
from letterlab.checks.base import LetterContext, ensure_letter_extension
from letterlab.core import analyse
from letterlab.nlp.pipeline import add_letter_components
from letterlab.ruleset import default_ruleset

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "letters"

PARAMS = {k: p.default for k, p in message.PARAMS.items() if k != "aspect"}


@pytest.fixture(scope="module")
def plain_nlp():
    return add_letter_components(spacy.blank("da"))


def run(plain_nlp, text, rule_id, genre=None):
    doc = plain_nlp(text)
    ensure_letter_extension()
    doc._.letter = LetterContext(genre=genre)
    rule = default_ruleset().get(rule_id)
    return doc, list(rule.check(doc))


# --- sentence classes ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,cls", [
    ("Du får ikke en el-scooter.", "decision"),
    ("Vi har besluttet at give dig hjælp.", "decision"),
    ("Deres ansøgning kan ikke imødekommes.", "decision"),
    ("Ida kan få plads i Børnehuset Mælkebøtten.", "decision"),
    ("Send os dine lønsedler senest 1. maj.", "action"),
    ("- Ring til mig på tlf. {telefon}.", "action"),
    ("Oplysningsskemaet bedes udfyldt via borger.dk.", "action"),
    ("Husk at sende skemaet.", "action"),
    ("Kom til jobsamtale torsdag den 12. november.", "summons"),
    ("Vi har modtaget din ansøgning.", "receipt"),
    ("Vejen lukker fra mandag den 2. november.", "news"),
    # general shapes from held-out set 3: more imperatives, a stop after a possessive, a meeting in words
    ("Klip grenene, så de ikke hænger ud over stien.", "action"),
    ("Tjek, at dine oplysninger er rigtige.", "action"),
    ("Dit boligtilskud stopper den 31. marts.", "decision"),
    ("Vi vil gerne holde et møde med dig om din søns skolegang.", "summons"),
    ("Samtalen er torsdag den 3. maj kl. 9 i Jobcentret.", "summons"),
    ("Vil du sende os en kopi af dine lønsedler?", "action"),
    ("Undersøgelsen er tirsdag den 8. juni kl. 9 i Sundhedsplejen.", "summons"),
    # a refusal in the verb
    ("Ansøgningen om kørsel af Jonas til Engskolen er afslået.", "decision"),
    ("Vi afslår din ansøgning om tilskud.", "decision"),
    ("Der påtænkes foretaget fradrag i Deres kontanthjælp for den 3. marts.", "decision"),
    ("Jeres barns ferie skal være meldt til dagplejen senest den 1. marts 2027.", "action"),
    # a hearing's invitation to comment is its request
    ("Din nabo vil bygge en carport, og du kan sende os dine bemærkninger senest den !frist.", "action"),
    ("Inden vi træffer afgørelse, gives De mulighed for at fremkomme med Deres bemærkninger.", "action"),
    ("Vi tilbyder Dem et forebyggende hjemmebesøg tirsdag den 12. januar 2027 kl. 10.00.", "summons"),
    # a date that is a merge field named for a date anywhere in its name
    ("Der bliver lagt ny asfalt på vejen fra den %STARTDATO%.", "news"),
    ("Vi lukker skolens køkken fra den «Lukkedato».", "news"),
    ("Ida skal til 5-års-undersøgelse hos sundhedsplejersken.", "summons"),
    ("Vi har brug for en kopi af din lejekontrakt.", "action"),
    ("Før vi kan behandle din ansøgning, mangler vi disse oplysninger fra dig:", "action"),
    ("Kommunen mangler en kopi af dit pas.", "action"),
    ("Kommunen har besluttet at give dig et tilskud til briller.", "decision"),
    # corpora/templates-dev4: a self-service receipt, an appointment given
    ("Vi har registreret, at du flytter til Lindevej 4 den 1. marts.", "receipt"),
    ("Din flytning er registreret", "receipt"),
    ("Ida har fået en tid til et almindeligt eftersyn hos tandplejen.", "summons"),
    ("Har du husket at bestille tid til Idas vaccination?", "action"),
    # a request after a fronted adverbial, in V2 word order
    ("Derfor beder vi dig indbetale 4.120 kr. for januar.", "action"),
    # a meeting of a kind, in any order
    ("Vi skal holde et opfølgningsmøde om din sygemelding torsdag den 14. januar kl. 13.00.", "summons"),
    ("Derfor vil vi gerne holde en statussamtale med dig.", "summons"),
    # the invitation to parents or in the De form, not only to "dig"
    ("Vi vil gerne mødes med jer den 4. maj kl. 10 for at tale om Idas trivsel.", "summons"),
    ("Jeg vil gerne se Dem til en samtale om Deres pension.", "summons"),
    # a duty with its deadline on the readers as a group (templates-heldout7)
    ("Alle grundejere ved stranden skal senest den 1. juni 2027 sende os en plan for kystsikringen.", "action"),
    # a grant in the De form and a repayment in the I form (review 10)
    ("De får tilladelse til at sætte et skur på 12 m² op ved skellet.", "decision"),
    ("I skal betale 2.400 kr. tilbage for jeres søns friplads.", "decision"),
    ("Vi mangler din lønseddel for marts for at kunne beregne dit tilskud", "action"),
    ("Her er din regning for tømning af septiktanken i maj.", "action"),
    ("For at kunne beregne tilskuddet har vi brug for en kopi af din lønseddel.", "action"),
    # a grant told as what the reader has got, a place found for a child
    ("Du har fået tilskud til Emils svømmehold i foråret 2027.", "decision"),
    ("Vi har fundet en plads til Ella i Dagplejen Bien på Lærkevej.", "decision"),
])
def test_classify_finds_the_class(sentence, cls):
    assert cls in message.classify(sentence, PARAMS)


@pytest.mark.parametrize("sentence", [
    "Vi har set på din sag.",
    "Visitationen har modtaget Deres ansøgning om bevilling af en el-scooter.",  # a topic, not a decision
    "Din ansøgning kom til os den 14. august 2026.",
    # what happens when or if something happens later decides nothing now; nor a plan still to be adopted
    "Når der bliver en plads ledig, ringer vi til dig, og du får en uge til at svare.",
    "Hvis du siger nej to gange, bliver du flyttet bagerst på listen.",
])
def test_classify_leaves_background_alone(sentence):
    assert message.classify(sentence, PARAMS) - {"receipt"} == set()


def test_a_change_from_a_date_in_a_merge_field_is_news_and_a_balance_date_is_not():
    assert "news" in message.classify("Lånet skal betales tilbage pr. !startdato.", PARAMS)
    assert "news" in message.classify("Vi hæver prisen pr. «Ikrafttraedelsesdato».", PARAMS)
    # "Restgæld pr. <dato>: …" is a figure with its date, not something that happens
    assert "news" not in message.classify("Restgæld pr. !dato: !restgaeld kr.", PARAMS)
    assert "news" not in message.classify("Saldo pr. 1. marts 2027: 4.000 kr.", PARAMS)


def test_news_is_the_message_when_the_genre_finds_nothing_of_its_own(plain_nlp):
    # the payment words make this a payment demand, whose message kinds (a decision, a request) are absent:
    # the letter's news is then its message, not "no message at all"
    text = ("Kære Ole Hansen\n\nVi sender regningerne med Betalingsservice. Dit lån skal betales tilbage fra den 1. "
            "marts 2027.\n\nMed venlig hilsen\nBorgerservice")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="opkraevning")
    m = doc._.letter.metrics["message"]
    assert m["act"] == "news" and text[m["position"]["start"]:m["position"]["end"]].startswith("Dit lån")


def test_imperative_needs_a_known_verb_at_the_start():
    imps = {"send", "ring"}
    assert message.starts_imperative("send os papirerne.", imps)
    assert message.starts_imperative("så ring til os.", imps)
    assert not message.starts_imperative("vi sender papirerne.", imps)
    assert not message.starts_imperative("ring?", imps)


# --- the window and the message metric -------------------------------------------------------

LATE = """Om din ansøgning

Kære Anne Jensen

Din ansøgning kom til os den 14. august 2026. Vores ergoterapeut besøgte dig den 2. september 2026 for at se, hvordan du klarer dig i hverdagen.

Du får ikke en el-scooter, fordi du kan gå 300 meter med din rollator."""

EARLY = """Du får ikke en el-scooter

Kære Anne Jensen

Vi har sagt nej til din ansøgning om en el-scooter. Det skyldes, at du kan klare dig med din rollator."""

INTRO = """Kære Anne Jensen

Tak for dit brev.

Du får ikke en el-scooter, fordi du kan klare dig med din rollator."""


def test_late_message_is_a_warning_and_stored(plain_nlp):
    doc, found = run(plain_nlp, LATE, "klart-budskab.budskab-foerst", genre="afgoerelse")
    assert [f.severity for f in found] == ["warning"]
    assert found[0].text.startswith("Du får ikke en el-scooter")
    m = doc._.letter.metrics["message"]
    assert m["first"] is False
    assert LATE[m["position"]["start"]:m["position"]["end"]] == found[0].text
    # The sentence index points into the letter's content sentences (heading, salutation, body ...).
    assert m["position"]["sentence"] == 4


def test_message_in_heading_counts_as_first(plain_nlp):
    doc, found = run(plain_nlp, EARLY, "klart-budskab.budskab-foerst", genre="afgoerelse")
    assert found == []
    assert doc._.letter.metrics["message"] == {"first": True, "position": {"sentence": 0, "start": 0, "end": 25}, "act": "decision"}


def test_short_thank_you_paragraph_keeps_the_window_open(plain_nlp):
    doc, found = run(plain_nlp, INTRO, "klart-budskab.budskab-foerst", genre="afgoerelse")
    assert found == []
    assert doc._.letter.metrics["message"]["first"] is True


def test_no_message_at_all_is_an_error(plain_nlp):
    text = ("Kære Ole Hansen\n\nVi har set på din sag. Vi har talt med din læge om dit forløb og om, "
            "hvordan du har det i hverdagen med dine børn.")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="afgoerelse")
    assert [f.severity for f in found] == ["error"]
    assert doc._.letter.metrics["message"] == {"first": False, "position": None, "act": None}


def test_process_talk_after_a_fronted_adverbial_is_process():
    assert message.sentence_act("I dag har vi læst dine papirer fra lægen grundigt igennem.", PARAMS) == "process"


def test_no_message_is_withheld_when_the_letter_opens_with_a_plain_statement(plain_nlp):
    # we cannot classify the sentence, but the letter plainly says something: no verdict rather than a wrong error
    text = ("Kære Ole Hansen\n\nSkolevej er lukket for biler hele næste uge, fordi der skal lægges nye rør i vejen. "
            "Børnene kan gå og cykle ad stien fra Ahornvej.")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="orientering")
    assert found == []
    # the plain, concrete opening is named as the message (message.py ``_plain_opening``), and it is first
    m = doc._.letter.metrics["message"]
    assert m["first"] is True and m["position"]["start"] == text.index("Skolevej er lukket")


# A notice whose first paragraph states its news has its message first; a practical request further down
# is not what it is about. A process or legal opening does not state the news, so the request still counts. (A
# reminder, "Husk at stille ...", is never the late message at all: see the review 12 tests below.)
NOTICE = ("Kære beboer\n\n{first}\n\nStil affaldsspanden ud til vejen, så vi kan komme til den. "
          "Ring til os, hvis den ikke bliver tømt.")


@pytest.mark.parametrize("first,flagged", [
    ("Din nye affaldsspand bliver tømt hver anden fredag fra nu af, også i ferierne.", False),
    ("Skraldebilen kan ikke køre ind på Skolevej i hele juli, fordi vejen er gravet op til nye rør.", False),
    ("Under henvisning til kommunens regulativ for husholdningsaffald skal vi hermed oplyse om den nye ordning.", True),
    ("Reglerne om indsamling af affald fra private husstande står i regulativ for husholdningsaffald § 9.", True),
])
def test_a_notice_that_states_its_news_first_has_its_message_first(plain_nlp, first, flagged):
    text = NOTICE.format(first=first)
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="orientering")
    assert bool(found) is flagged
    if not flagged:
        m = doc._.letter.metrics["message"]
        assert m["first"] is True and text[m["position"]["start"]:m["position"]["end"]] == first
    # in a request letter the request is the message, wherever the notice starts
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="anmodning")
    assert len(found) == 1 and found[0].text.startswith("Stil affaldsspanden")


def test_a_type_label_before_a_colon_leaves_the_message_in_the_subject(plain_nlp):
    text = ("Emne: Rykker: Send os dit skema om boligstøtte\n\nKære Ole\n\nVi skrev til dig i april "
            "om skemaet, men vi har endnu ikke fået det fra dig, og derfor skriver vi til dig igen nu.\n\n"
            "Skemaet skal være udfyldt senest den 1. juni.")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="paamindelse")
    assert found == []
    m = doc._.letter.metrics["message"]
    assert m["first"] is True and text[m["position"]["start"]:m["position"]["end"]].startswith("Emne: Rykker: Send os")


@pytest.mark.model
@pytest.mark.parametrize("subject,flagged", [
    ("Vi kommer og renser tagrenderne på Skolen", False),           # a statement: the subject is the message
    ("Vedrørende tagrenderne på Skolen", True),                     # a topic: no message anywhere
])
def test_a_subject_that_says_something_is_the_message_when_no_sentence_has_a_class(nlp, subject, flagged):
    text = (f"{subject}\n\nKære forældre\n\nEn håndværker fra kommunen går på taget i løbet af ugen. Det larmer lidt, "
            "men det tager kun et par timer om dagen, og børnene kan lege i gården som normalt.")
    _doc, found = run(nlp, text, "klart-budskab.budskab-foerst", genre="orientering")
    assert bool(found) is flagged


def test_a_weak_du_faar_further_down_a_notice_is_not_its_message(plain_nlp):
    text = ("Kære Niels\n\nDin ejendomsskat for næste år er 12.480 kr., og du betaler den i to rater på 6.240 kr. "
            "den 1. marts og den 1. september.\n\nPengene bliver trukket via Betalingsservice, hvis du er tilmeldt. "
            "Ellers får du et indbetalingskort.")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="orientering")
    assert found == []
    # a decision letter wants its decision up front, but "Ellers får du ..." holds only if the sentence before does
    # not: it is never proposed as the message, and with no other decision the verdict is withheld
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="afgoerelse")
    assert found == [] and doc._.letter.metrics["message"]["first"] is None


@pytest.mark.model
@pytest.mark.parametrize("first,flagged", [
    ("Vi henter dit storskrald hver anden mandag, og du skal ikke længere bestille tid til det.", False),
    ("Byrådet vedtog den 12. maj 2026 nye regler for indsamling af storskrald fra husstande i kommunen.", True),
])
def test_background_in_the_preterite_does_not_state_the_news(nlp, first, flagged):
    text = (f"Kære grundejer\n\n{first}\n\nPlanen omfatter flere ordninger for alle husstande i hele kommunen.\n\n"
            "Stil storskraldet ud til vejen aftenen før.")
    _doc, found = run(nlp, text, "klart-budskab.budskab-foerst", genre="orientering")
    assert bool(found) is flagged


def test_a_plain_decision_further_down_a_notice_is_still_its_message(plain_nlp):
    text = ("Kære Henrik\n\nDin sag ligger hos Visitationen, og Visitationen har hele tiden haft alle dine papirer "
            "fra lægen og fra din fysioterapeut.\n\nDu kan ikke få hjælp til medicin.")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="orientering")
    assert len(found) == 1 and found[0].text.startswith("Du kan ikke få hjælp")


@pytest.mark.model
@pytest.mark.parametrize("subject,genre,flagged", [
    ("Vi maler broen over {{ vandløb }} fra {{ startdato }}", "orientering", False),  # says what happens
    ("Maling af broen over åen", "orientering", True),                            # a topic: the news is buried
    ("Vi maler broen over {{ vandløb }} fra {{ startdato }}", "afgoerelse", True),   # a decision wants its decision
])
def test_a_notice_whose_subject_says_what_happens_has_its_message_first(nlp, subject, genre, flagged):
    text = (f"{subject}\n\nKære beboer\n\nByrådet besluttede i marts at sætte broen i stand. Broen blev bygget i "
            "1962, og malingen er slidt. Malerne arbejder om dagen, og der kan lugte lidt af maling.\n\n"
            "Det betyder det for dig:\n\n- Du kan ikke køre over broen i de dage.\n- Du kan altid gå over broen.")
    _doc, found = run(nlp, text, "klart-budskab.budskab-foerst", genre=genre)
    assert bool(found) is flagged


def test_officialese_request_with_anmode_is_a_request():
    assert "action" in message.classify("Kommunen skal derfor anmode om en kopi af lejekontrakten.", PARAMS)
    assert "action" in message.classify("Vi må hermed anmode Dem om at sende lønsedler.", PARAMS)


def test_decision_letter_wants_the_decision_not_a_side_request(plain_nlp):
    text = ("Kære Ole Hansen\n\nSend os dine lønsedler senest 1. maj 2026. Vi har set på din sag.\n\n"
            "Vi har også talt med din læge.\n\nDu får ikke boligstøtte, fordi din indtægt er for høj.")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="afgoerelse")
    assert len(found) == 1 and found[0].text.startswith("Du får ikke boligstøtte")


# --- heading -----------------------------------------------------------------------------------

@pytest.mark.parametrize("heading,flagged", [
    ("Vedrørende Deres ansøgning om særlig støtte", True),
    ("Orientering om ny affaldsordning", True),
    ("Du får særlig støtte til din husleje", False),
    ("Ny affaldsordning fra 1. januar 2027", False),
    ("Betal 4.120,00 kr. senest den 5. januar 2027", False),
    # telegraphic results and times say something too
    ("Nyt sundhedskort klar til afhentning", False),
    ("Mødet om lokalplanen flyttet til Rådhuset", False),
    ("Ny belysning på stien i næste uge", False),
])
def test_topic_only_heading(plain_nlp, heading, flagged):
    _, found = run(plain_nlp, f"{heading}\n\nKære Mette Lund\n\nDu får 1.250,00 kr. om måneden.",
                   "klart-budskab.overskrift")
    assert bool(found) is flagged
    if flagged:
        assert found[0].text == heading and found[0].severity == "info"


@pytest.mark.parametrize("line,flagged", [
    ("Vedr.: Deres ansøgning om boligstøtte", True),
    ("Emne: Du får boligstøtte fra 1. maj", False),
])
def test_subject_line_counts_as_heading(plain_nlp, line, flagged):
    text = f"{line}\n\nKære Mette Lund\n\nDu får 1.250,00 kr. om måneden."
    _, found = run(plain_nlp, text, "klart-budskab.overskrift")
    assert [f.text for f in found] == ([line] if flagged else [])


def test_missing_heading_is_a_warning_on_the_first_body_sentence(plain_nlp):
    text = ("Kære Mette Lund\n\nDu får 1.250,00 kr. om måneden. Pengene kommer den 1. maj på din NemKonto. "
            "Du får støtten, så længe du får kontanthjælp.")
    _, found = run(plain_nlp, text, "klart-budskab.overskrift")
    assert [(f.severity, f.text) for f in found] == [("warning", "Du får 1.250,00 kr. om måneden.")]


def test_a_snippet_needs_no_heading_and_no_message(plain_nlp):
    text = "Kære Anne\n\nDin ansøgning behandles af kommunen."
    doc, found = run(plain_nlp, text, "klart-budskab.overskrift")
    assert found == []
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst")
    assert found == [] and doc._.letter.metrics["message"] == {"first": False, "position": None, "act": None}


# --- delaying openings -------------------------------------------------------------------------

@pytest.mark.parametrize("first,expected", [
    ("Under henvisning til din ansøgning af 3. oktober 2026 kan vi oplyse, at du får støtte.", "Under henvisning til"),
    ("Visitationen har den 5. oktober 2026 modtaget din ansøgning om hjælp.",
     "Visitationen har den 5. oktober 2026 modtaget"),
    ("Fjordby Kommune skal hermed orientere om, at vejen lukker.", "Fjordby Kommune skal hermed orientere"),
    ("Du får støtte fra 1. november. Vi har modtaget din ansøgning af 3. oktober.", None),
])
def test_delaying_opening(plain_nlp, first, expected):
    _, found = run(plain_nlp, f"Kære Mette Lund\n\n{first}", "klart-budskab.forsinket-indledning")
    assert [f.text for f in found] == ([expected] if expected else [])


def test_receipt_may_open_with_we_have_received(plain_nlp):
    text = "Kære Fatima Ahmed\n\nVi har modtaget din ansøgning om hjælp til tandbehandling."
    _, receipt = run(plain_nlp, text, "klart-budskab.forsinket-indledning", genre="kvittering")
    _, decision = run(plain_nlp, text, "klart-budskab.forsinket-indledning", genre="afgoerelse")
    assert receipt == [] and len(decision) == 1


# --- requests without a deadline ---------------------------------------------------------------

@pytest.mark.parametrize("body,flagged", [
    ("Send os dine lønsedler.", ["Send os dine lønsedler."]),
    ("Send os dine lønsedler. Vi skal have dem senest den 1. maj 2026.", []),
    ("Du skal udfylde skemaet inden 14 dage.", []),
    ("Ring til mig, hvis du har spørgsmål.", []),
    ("Har du spørgsmål?\n\nRing til mig på tlf. {telefon}.", []),
    ("De anmodes om at indbetale beløbet snarest.", ["De anmodes om at indbetale beløbet snarest."]),
    ("Efter aftalen skal du betale 300,00 kr. om måneden.", []),
    ("Tag dit CV med til samtalen.", []),
    # a duty denied is no request (corpora/templates-dev4)
    ("Vi stiller to nye beholdere ved dit hus. Du skal ikke betale for dem.", []),
    # how to do what already has its deadline
    ("Betal 450 kr. senest den 14. januar 2027.\n\nBetal til reg.nr. 2222 konto 4455667788.", []),
    ("Du skal betale 450 kr. senest den 14. januar 2027.\n\nBetal til reg.nr. 2222 konto 4455667788.", []),
    ("Send os skemaet senest den 1. maj 2026.\n\nBetal gebyret på 200 kr.", ["Betal gebyret på 200 kr."]),
    # a month as the deadline
    ("Ring til jeres læge og bestil en tid inden udgangen af januar 2027.", []),
    ("Send os skemaet senest i marts.", []),
    # a negated duty asks for nothing; the same duty without "ikke" does
    ("Du skal ikke indsende din lejekontrakt igen.", []),
    ("Du skal indsende din lejekontrakt igen.", ["Du skal indsende din lejekontrakt igen."]),
    # "Vi beder dig sende ... senest": the request has its deadline, and "Send dem ..." under it says how
    ("Vi beder dig sende dine lønsedler senest den 1. maj 2026.\n\n• Send dem med Digital Post.", []),
    ("Vi beder dig om at sende skemaet senest den 1. maj 2026.\n\nSend det via borger.dk.", []),
    # "Det skal du betale for:" leads into the table of what the bill with its deadline is for
    ("Du skal betale 1.245 kr. senest den 1. maj 2026.\n\nDet skal du betale for:", []),
    ("Vi beder dig sende dine lønsedler senest den 1. maj 2026.\n\nRing til Borgerservice.",
     ["Ring til Borgerservice."]),
    # a duty in the passive with its deadline: "Betal via ..." further down is how to do it
    ("Kontingentet skal være betalt senest den 15. august 2026.\n\nBetal via MobilePay på nr. 44120.", []),
    ("Gebyret bedes indbetalt senest den 3. juni 2026.\n\nIndbetal til reg.nr. 1234 konto 5566778899.", []),
    ("Skemaet skal være sendt senest den 3. juni 2026.\n\nBetal gebyret på 200 kr.", ["Betal gebyret på 200 kr."]),
    # a standing duty of the reader's role by a rule is no task with a date
    ("Som hundeejer skal du fjerne din hunds efterladenskaber, fordi det står i kommunens ordensregler.", []),
    ("Som udlejer skal du melde nye lejere til os efter reglerne i lov om boligforhold.", []),
    # hard negatives: a role duty the letter sets now, or one without a rule, is a task
    ("Som ejer af ejendommen skal De derfor betale for reparationen efter vejlovens § 12.",
     ["Som ejer af ejendommen skal De derfor betale for reparationen efter vejlovens § 12."]),
    ("Som forælder skal du udfylde skemaet om Noahs sygdom.", ["Som forælder skal du udfylde skemaet om Noahs sygdom."]),
    # the thing asked for is dated elsewhere in the letter, by name or all of it together
    ("Vi skal have dine bemærkninger senest den 4. juni 2026.\n\nVi har vedlagt kortet over skellet.\n\n"
     "Bemærkninger bedes sendt med Digital Post.", []),
    ("Du bedes sende dine lønsedler for marts og april.\n\nVi har brug for dem, fordi din indtægt har ændret sig."
     "\n\nVi har vedlagt en vejledning.\n\nOplysningerne skal være os i hænde senest den 2. juni 2026.", []),
    # the need the case waits for, in any verb after "Før vi kan ...", dated where the letter says how to send it
    ("Før vi kan udbetale boligstøtten, må vi se din nye lejekontrakt.\n\nVi har vedlagt en vejledning.\n\n"
     "Den nye husleje gælder fra 1. maj.\n\nUpload kontrakten på borger.dk senest den 3. juni 2026.", []),
    # hard negatives: the dated sentence is about another thing
    ("Send os dine lønsedler for marts.\n\nVi har vedlagt en vejledning.\n\nVi har brug for et nyt skema."
     "\n\nSkemaet skal være os i hænde senest den 2. juni 2026.", ["Send os dine lønsedler for marts."]),
])
def test_action_without_deadline(plain_nlp, body, flagged):
    _, found = run(plain_nlp, f"Kære Mette Lund\n\n{body}", "klart-budskab.handling-uden-frist")
    assert [f.text for f in found] == flagged


def test_bad_regex_in_rule_file_is_refused():
    assert "virker ikke" in message.validate_param("action_patterns", ["(send"])
    assert message.validate_param("action_patterns", [r"\bsend\b"]) is None


# --- the corpus, end to end --------------------------------------------------------------------

LETTERS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
# Before versions that bury the message below a paragraph of background.
BURIED = {"02-el-scooter-afslag", "03-merudgifter-delvis", "04-partshoering-tilbagebetaling",
          "10-sygedagpenge-oplysningsskema", "11-hjemmehjaelp-delvis", "12-restance-indskudslaan",
          "13-foraeldrebetaling-opkraevning"}


@pytest.mark.model
@pytest.mark.parametrize("name", LETTERS)
def test_corpus_after_letters_put_the_message_first(name, nlp):
    text = (CORPUS / name / "after.txt").read_text(encoding="utf-8")
    report = analyse(text, default_ruleset(), nlp=nlp)
    assert report.scores["message_first"] is True
    pos = report.scores["message_position"]
    assert (pos["start"], pos["end"]) == tuple(report.sentences[pos["sentence"]])
    rules = {f.rule for f in report.findings}
    assert not rules & {"klart-budskab.budskab-foerst", "klart-budskab.overskrift",
                        "klart-budskab.forsinket-indledning", "klart-budskab.handling-uden-frist"}


@pytest.mark.model
@pytest.mark.parametrize("name", LETTERS)
def test_corpus_before_letters(name, nlp):
    text = (CORPUS / name / "before.txt").read_text(encoding="utf-8")
    report = analyse(text, default_ruleset(), nlp=nlp)
    assert report.scores["message_first"] is (name not in BURIED)
    rules = [f.rule for f in report.findings]
    # Every officialese version opens with a phrase that delays the message.
    assert rules.count("klart-budskab.forsinket-indledning") == 1
    if name in BURIED:
        assert rules.count("klart-budskab.budskab-foerst") == 1


@pytest.mark.model
def test_corpus_genres_are_the_ones_in_meta(nlp):
    for name in LETTERS:
        meta = tomllib.loads((CORPUS / name / "meta.toml").read_text(encoding="utf-8"))
        text = (CORPUS / name / "before.txt").read_text(encoding="utf-8")
        assert analyse(text, default_ruleset(), nlp=nlp).genre == meta["genre"], name


# --- the message-first rewrite on the finding ------------------------------------------------------

def test_late_message_finding_offers_the_move_and_a_heading(plain_nlp):
    doc, [f] = run(plain_nlp, LATE, "klart-budskab.budskab-foerst", genre="afgoerelse")
    kinds = [s.kind for s in f.suggestions]
    assert kinds == ["heading", "move"] and not any(s.safe for s in f.suggestions)
    from letterlab.rewrite.apply import apply_suggestions

    out = apply_suggestions(LATE, f.suggestions)
    assert out.startswith("Du får ikke en el-scooter\n\nKære Anne Jensen\n\nDu får ikke en el-scooter, fordi du kan gå")
    assert "Vores ergoterapeut besøgte dig" in out      # moved, not lost


def test_move_suggestions_match_the_report_based_ones(nlp):
    """The check and ``letterlab rewrite`` (``message_first_suggestions(report)``) propose the same edits."""
    from letterlab.rewrite.message_first import message_first_suggestions

    path = Path(__file__).resolve().parents[2] / "corpora" / "letters" / "02-el-scooter-afslag" / "before.txt"
    report = analyse(path.read_text(encoding="utf-8"), default_ruleset(), nlp=nlp)
    [f] = [f for f in report.findings if f.rule == "klart-budskab.budskab-foerst"]
    assert {(s.start, s.end, s.replacement, s.kind) for s in f.suggestions} == \
        {(s.start, s.end, s.replacement, s.kind) for s in message_first_suggestions(report)}


def test_a_contact_offer_is_never_moved_up(plain_nlp):
    text = ("Kære Anne Jensen\n\nDin nye hjælper hedder Sanne. Hun kommer hver tirsdag fra den 8. september 2026. "
            "Sanne har arbejdet hos os i mange år og kender dit hjem.\n\nRing til os, hvis du har spørgsmål.")
    _doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="orientering")
    assert all(f.suggestions == () for f in found)


# --- speech acts and the letter's anatomy (issue #11) ----------------------------------------------

@pytest.mark.parametrize("sentence,act", [
    ("Vi giver dig et påbud om at lukke hullet i hegnet.", "decision"),
    ("Du skal betale 2.300 kr. tilbage, fordi du har fået for meget i boligstøtte.", "decision"),
    ("Vi har sat din pension ned fra den 1. juli.", "decision"),
    ("Din hjælp til indkøb bevilges delvist.", "decision"),
    ("Du får aktindsigt i alle dokumenterne.", "decision"),
    ("Du skal beskære hækken mod fortovet.", "request"),
    ("Vi beder dig sende kopi af din lejekontrakt.", "request"),
    ("Vi har modtaget din ansøgning og dine bilag.", "process"),
    ("Under henvisning til din henvendelse skriver vi nu til dig.", "process"),
    ("Du kan klage til Ankestyrelsen.", "appeal"),
    ("Det følger af lov om social service § 41.", "legal"),
    ("Hvis du ikke sender papirerne, kan vi ikke behandle sagen.", "consequence"),
    ("Byggepladsen ligger ved siden af skolen.", "information"),
])
def test_speech_acts(sentence, act):
    assert message.sentence_act(sentence, PARAMS) == act


def _first(plain_nlp, text, genre):
    doc, _ = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre=genre)
    return doc._.letter.metrics["message"]


def test_subject_that_states_the_message_counts_as_first(plain_nlp):
    text = ("Lindby Kommune\nTorvegade 9\n\n{navn}\n{adresse}\n\nSagsnr.: 44-19\n\n"
            "Oplysning om din pension – vi har sat udbetalingen på pause\n\nKære {navn}\n\n"
            "Vi fik den 3. maj et brev fra Udbetaling Danmark om din formue. Vi skal se nærmere på sagen.\n\n"
            "Derfor har vi sat udbetalingen af din pension på pause, indtil vi har talt med dig.\n")
    m = _first(plain_nlp, text, "afgoerelse")
    assert m["first"] is True and text[m["position"]["start"]:].startswith("Oplysning om din pension")


def test_decision_in_the_third_paragraph_is_not_first(plain_nlp):
    text = ("Svar vedrørende ansøgning om støtte til flytning\n\nKære Rasmus\n\n"
            "Vi har modtaget din ansøgning den 2. april og talt med din sagsbehandler på jobcentret om din situation.\n\n"
            "Vi har også set på dine udgifter til husleje og transport i de sidste tre måneder.\n\n"
            "Din ansøgning imødekommes delvis, så du får 4.000 kr. til flytningen.\n")
    m = _first(plain_nlp, text, "afgoerelse")
    assert m["first"] is False and text[m["position"]["start"]:].startswith("Din ansøgning imødekommes")


def test_topic_only_subject_of_type_and_topic(plain_nlp):
    text = ("Indkaldelse til møde om din søns skolegang\n\nKære Hanne\n\n"
            "Vi vil gerne tale med dig om, hvordan det går i skolen. Mødet er den 3. juni kl. 9.00 på skolen.\n")
    doc, found = run(plain_nlp, text, "klart-budskab.overskrift", genre="indkaldelse")
    assert [f.severity for f in found] == ["info"] and found[0].text.startswith("Indkaldelse til møde")


def test_a_merge_field_with_a_dot_keeps_a_type_and_topic_subject_topic_only(plain_nlp):
    # "{{ elev.fornavn }}" holds a full stop; the subject line is still a type and a topic
    text = ("Indkaldelse til møde om {{ elev.fornavn }}s fravær\n\nKære forældre\n\n"
            "{{ elev.fornavn }} har haft meget fravær i dette skoleår, og det bekymrer os meget på skolen.\n\n"
            "Vi indkalder jer derfor til møde på skolen den {{ moede.dato }} kl. {{ moede.tid }}.\n")
    doc, found = run(plain_nlp, text, "klart-budskab.overskrift", genre="indkaldelse")
    assert [f.severity for f in found] == ["info"]
    m = _first(plain_nlp, text, "indkaldelse")
    assert m["first"] is False and text[m["position"]["start"]:].startswith("Vi indkalder jer")


@pytest.mark.parametrize("sentence,cls", [
    ("Det er på denne baggrund besluttet, at den Dem bevilgede hjælp til rengøring nedsættes fra hver uge til hver "
     "14. dag.", "decision"),
    ("Vi gør opmærksom på, at beløbet skal være indbetalt senest den 1. februar.", "action"),
    # a date's full stop inside the request does not end it
    ("De anmodes derfor om senest den 14. december 2026 at fremsende kontoudtog for kontoen.", "action"),
])
def test_decisions_and_requests_in_kancellistil(sentence, cls):
    assert cls in message.classify(sentence, PARAMS)


def test_merge_field_subject_gets_no_heading_verdict(plain_nlp):
    text = "{navn}\n{adresse}\n\nSagsnr.: {sagsnr}\n\n{overskrift}\n\nKære {navn}\n\nDu får hjælp til rengøring hver anden uge.\n"
    doc, found = run(plain_nlp, text, "klart-budskab.overskrift", genre="afgoerelse")
    assert found == []


@pytest.mark.parametrize("text,flagged", [
    ("Udfyld skemaet om din indtægt på borger.dk. Du logger på med MitID. "
     "Skemaet skal være udfyldt senest den 20. juni 2026.", False),
    ("Send os kopi af din lønseddel.\n\nFrist: 20. juni 2026", False),
    ("Send os kopi af din lønseddel.\n\nVi bruger den til at beregne din støtte.", True),
])
def test_deadline_in_the_same_section_or_a_frist_line(plain_nlp, text, flagged):
    doc, found = run(plain_nlp, "Vi mangler en lønseddel\n\nKære Jens\n\n" + text, "klart-budskab.handling-uden-frist")
    assert bool(found) is flagged


@pytest.mark.parametrize("text,flagged", [
    # an offer to get in touch asks for no deadline; the same request without the offer does
    ("Skriv til mig, så finder vi en dag, der passer dig.", False),
    ("Skriv til mig om din plan for foråret.", True),
    # "så" after the verb points back to the condition before it; "så hurtigt" is no condition
    ("Hvis din løn stiger, kan du få mindre. Send os så den nye lønseddel.", False),
    ("Send os så hurtigt som muligt den nye lønseddel.", True),
    # an instalment plan is its own timing
    ("Du skal betale 2.000 kr. tilbage. Du kan betale 200 kr. om måneden.", False),
    # the timing in a later section headed by the same act; another act's section gives none
    ("Du skal betale 2.000 kr. tilbage.\n\nDu fik løn i oktober og fik for meget.\n\nDet står i reglerne.\n\n"
     "Sådan betaler du\nVi trækker 200 kr. fra den 1. februar. Du får et brev senest den 20. januar.", False),
    ("Du skal betale 2.000 kr. tilbage.\n\nDu fik løn i oktober og fik for meget.\n\nDet står i reglerne.\n\n"
     "Sådan ansøger du\nDin ansøgning skal være hos os senest den 20. januar.", True),
])
def test_offers_instalments_and_a_how_section_need_no_deadline(plain_nlp, text, flagged):
    doc, found = run(plain_nlp, "Om din sag\n\nKære Jens\n\n" + text, "klart-budskab.handling-uden-frist")
    assert bool(found) is flagged


# --- general causes found on held-out templates (corpora/templates-heldout1) -------------------

@pytest.mark.parametrize("sentence,cls", [
    ("Kommunen meddeler Dem hermed påbud om, at skorstenen skal forhøjes senest den «Frist».", "decision"),
    ("Vi giver dig et påbud om at fjerne bilen.", "decision"),
    ("Vi kan tilbyde Ida en plads i Børnehuset Troldehøj.", "decision"),
    ("De anmodes derfor om senest den [Frist] at indsende en erklæring fra foreningen.", "action"),
    ("Vi anmoder Dem om en erklæring fra foreningen.", "action"),
])
def test_classify_decisions_and_requests_in_official_words(sentence, cls):
    assert cls in message.classify(sentence, PARAMS)


def test_a_rule_about_offering_is_not_a_decision():
    assert "decision" not in message.classify(
        "Kommunen er forpligtet til at tilbyde en plads i et dagtilbud, når barnet har behov for det.", PARAMS)


def test_the_decision_not_the_rule_is_the_message(plain_nlp):
    text = ("Vedrørende ansøgning om plads\n\nKære Anna\n\nKommunen er forpligtet til at tilbyde en plads i et "
            "dagtilbud, når barnet har behov for det.\n\nDet er ikke muligt at imødekomme dit ønske om plads i "
            "Skovmusen, fordi alle pladser er besat.")
    doc, _ = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="afgoerelse")
    start = doc._.letter.metrics["message"]["position"]["start"]
    assert text[start:].startswith("Det er ikke muligt")


def test_a_merge_field_is_not_the_verb_of_a_heading(nlp):
    text = "Påbud vedrørende brændeovn på ejendommen «Ejendomsadresse»"
    doc = nlp(text)
    assert not message.heading_has_content(text, doc, 0, PARAMS)
    text = "Vi lukker «Vej» i uge 4"
    assert message.heading_has_content(text, nlp(text), 0, PARAMS)


@pytest.mark.model
@pytest.mark.parametrize("heading,says", [
    # a possessive opens a topic ("Din ansøgning om ...") or a sentence whose finite verb says something
    ("Din ansøgning om hjælp til rengøring", False),
    ("Deres sag om hjælp efter lov om aktiv socialpolitik", False),
    ("Dit barn har fået plads i Solsikken", True),
    ("Din bus kører fra en ny holdeplads i marts", True),
])
def test_a_heading_after_a_possessive_says_something_only_with_a_finite_verb(nlp, heading, says):
    assert message.heading_has_content(heading, nlp(heading), 0, PARAMS) is says


@pytest.mark.parametrize("body,flagged", [
    # a request in a section under a condition needs no deadline
    ("Du skal komme den 4. maj kl. 10.\n\nHvis tiden ikke passer\n\nRing eller send en sms til mig.", []),
    ("Du skal komme den 4. maj kl. 10.\n\nKan du ikke komme?\n\nRing til mig.", []),
    # ... but a plain sub-heading does not make it conditional
    ("Du skal komme den 4. maj kl. 10.\n\nSådan sender du papirerne\n\nSend os dine lønsedler.",
     ["Send os dine lønsedler."]),
])
def test_action_under_a_conditional_subheading(plain_nlp, body, flagged):
    _, found = run(plain_nlp, f"Kære Mette Lund\n\n{body}", "klart-budskab.handling-uden-frist")
    assert [f.text for f in found] == flagged


@pytest.mark.parametrize("sentence", [
    "Emma skal til tandlæge den 26. november",
    "Du skal i praktik hos Fjordby Cykler fra 16. november",
    "Du skal på kursus i Jobcenter Fjordby i uge 4.",
])
def test_summons_in_plain_words(sentence):
    assert "summons" in message.classify(sentence, PARAMS)


def test_summons_needs_a_meeting_word():
    assert "summons" not in message.classify("Du skal til at betale mere i husleje.", PARAMS)


def test_moved_appointment_is_a_summons():
    assert "summons" in message.classify("Din tid hos fysioterapeuten er flyttet til torsdag den 6. maj kl. 10.30",
                                         PARAMS)
    assert "summons" in message.classify("Din nye tid er torsdag den 6. maj kl. 10.30.", PARAMS)


def test_a_subject_line_with_a_date_is_the_message_when_nothing_else_is(plain_nlp):
    text = ("Svømmehallen holder åbent til kl. 21 om torsdagen\n\nKære svømmere\n\n"
            "Vi har fået flere timer til rådighed i hallen. Den nye ordning gælder hele sommeren og efteråret "
            "igennem, og der er altid en livredder ved bassinet, når hallen er åben.")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="orientering")
    assert found == [] and doc._.letter.metrics["message"]["first"] is True
    # a subject line that only names a topic does not stand in for a missing message
    doc, found = run(plain_nlp, text.replace("holder åbent til kl. 21 om torsdagen", "og åbningstider"),
                     "klart-budskab.budskab-foerst", genre="orientering")
    assert [f.severity for f in found] == ["error"]


def test_a_request_in_any_verb_is_the_message(plain_nlp):
    text = ("Kære Mette Lund\n\nVi beder dig se på tegningen af din carport og give os besked senest den 3. maj, "
            "hvis noget er forkert.\n\nTegningen ligger i Digital Post.")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="anmodning")
    assert found == []
    m = doc._.letter.metrics["message"]
    assert m["first"] is True and text[m["position"]["start"]:].startswith("Vi beder dig se")


@pytest.mark.parametrize("text,genre_name,starts", [
    # a course or benefit that ends is the decision
    ("Din hjælp til rengøring slutter den 28. februar 2027\n\nKære Ib\n\nDin hjælp til rengøring slutter den "
     "28. februar 2027, fordi du nu bor på plejehjem. Du får også besøg af en sygeplejerske.",
     "afgoerelse", "Din hjælp til rengøring slutter"),
    # something the reader comes to do at our place is the summons
    ("Indkaldelse til måling\n\nKære Ib\n\nDu skal have målt din nye seng hos os, så den passer til dig.\n\n"
     "Tid: 4. maj 2027 kl. 10.\nSted: Depotet, Havnevej 3.", "indkaldelse", "Du skal have målt"),
])
def test_an_ending_or_a_visit_is_the_message(plain_nlp, text, genre_name, starts):
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre=genre_name)
    assert found == []
    m = doc._.letter.metrics["message"]
    assert m["first"] is True and text[m["position"]["start"]:].startswith(starts)


def test_sending_something_to_us_is_not_a_visit():
    from letterlab.checks.message import SUMMONS
    import re as _re
    rx = _re.compile("|".join(SUMMONS))
    assert not rx.search("du skal sende dine lønsedler hos os")
    assert rx.search("du skal prøve tre el-kørestole hos os")


def test_a_decision_with_an_adverb_before_the_verb_is_found(plain_nlp):
    text = ("Revurdering af hjælp\n\nKære Ib\n\nVi har besøgt dig den 2. maj. Forvaltningen har derfor truffet "
            "afgørelse om, at din hjælp til tøjvask nedsættes til hver anden uge.")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="afgoerelse")
    assert [f.severity for f in found] != ["error"]
    m = doc._.letter.metrics["message"]
    assert text[m["position"]["start"]:].startswith("Forvaltningen har derfor truffet")


def test_a_standing_payment_rule_is_not_the_message(plain_nlp):
    text = ("Forældrebetaling for januar\n\nKære Hanne\n\nDin søn har plads i Solsikken. Vi har opkrævet "
            "betaling for pladsen i mange måneder.\n\nBetalingen forfalder den 1. i måneden og skal være "
            "indbetalt senest den 5. i måneden.\n\nDerfor beder vi dig indbetale 4.120 kr. for januar senest "
            "den 5. januar 2027.\n")
    m = _first(plain_nlp, text, "opkraevning")
    assert text[m["position"]["start"]:].startswith("Derfor beder vi dig indbetale")


REPLY = """Emne: Svar: Nyt sygesikringskort

Kære Bo Lund

Tak for din henvendelse. Du kan bestille et nyt kort på borger.dk, og det er gratis første gang.

Kortet kommer med posten inden for tre uger.

Venlig hilsen
Borgerservice
"""


def test_the_answer_after_thanks_for_asking_is_the_message(plain_nlp):
    doc, found = run(plain_nlp, REPLY, "klart-budskab.budskab-foerst")
    assert found == []
    m = doc._.letter.metrics["message"]
    assert m["first"] is True
    assert REPLY[m["position"]["start"]:m["position"]["end"]].startswith("Du kan bestille et nyt kort")


def test_thanks_followed_by_process_talk_is_no_answer(plain_nlp):
    text = REPLY.replace("Du kan bestille et nyt kort på borger.dk, og det er gratis første gang.",
                         "Vi har modtaget den og ser på den i næste uge.")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst")
    assert doc._.letter.metrics["message"]["position"] is None or \
        not text[doc._.letter.metrics["message"]["position"]["start"]:].startswith("Vi har modtaget")


def test_a_reply_keeps_the_readers_subject_without_a_tip(plain_nlp):
    _, found = run(plain_nlp, REPLY, "klart-budskab.overskrift")
    assert found == []
    _, found = run(plain_nlp, REPLY.replace("Emne: Svar: Nyt", "Emne: Nyt"), "klart-budskab.overskrift")
    assert [f.severity for f in found] == ["info"]


@pytest.mark.model
def test_an_earlier_decision_told_as_background_is_not_the_message(nlp):
    text = ("Afgørelse om hjælp til rengøring\n\nKære Ib Holm\n\n"
            "Du har fået hjælp til rengøring hver uge. Hjælpen blev bevilget, mens du var ved at komme dig efter "
            "din operation.\n\nVores visitator har besøgt dig, og du fortalte, at du selv kan støvsuge igen.\n\n"
            "Vi har derfor besluttet, at du fra den 1. maj 2026 får hjælp til rengøring hver anden uge.\n\n"
            "Med venlig hilsen\nLone Bach\n")
    report = analyse(text, default_ruleset(), nlp=nlp)
    at = report.to_dict()["message"]
    assert text[at["start"]:at["end"]].startswith("Vi har derfor besluttet")
    assert at["first"] is False


def test_what_we_look_into_decides_nothing_yet():
    # "om væsken er godkendt" is the open question, not a decision
    assert message.sentence_act("- Vi tjekker, om væsken i slangerne er godkendt.", PARAMS) == "process"
    assert "decision" in message.classify("Vi har godkendt væsken i slangerne.", PARAMS)


@pytest.mark.parametrize("text, act", [
    # "du får" on a condition grants nothing
    ("Ring til os, hvis du får brug for hjælp til at udfylde skemaet.", "request"),
    ("Når du får svar fra lægen, kan du sende det til os.", "information"),
    ("Får du brug for mere tid, så skriv til mig.", "information"),
    # a grant, also after a merge field or an adverbial
    ("Fra den «Startdato» får du hjælp til indkøb hver uge.", "decision"),
    ("Derfor får du tilskud til briller.", "decision"),
    # an injunction's duty, also as the other choice
    ("Du skal gøre hegnet lavere eller fjerne det, fordi det står for tæt på vejen.", "request"),
    # the s-passive does not say who must act: the meeting is ours to hold
    ("Du bliver indkaldt til en samtale, som skal afholdes inden udgangen af marts.", "summons"),
    ("Du skal bygge efter de tegninger, du har sendt os.", "information"),
])
def test_what_a_sentence_does(text, act):
    assert message.sentence_act(text, PARAMS) == act


@pytest.mark.parametrize("text, act", [
    # the polite form of address asks and decides as "du" does
    ("Vi må minde Dem om, at De skal indsende Deres lønsedler for marts.", "request"),
    ("Skal De sende os kontoudtoget, så brug blanketten.", "request"),
    ("Forvaltningen har efter en samlet vurdering truffet afgørelse om, at De skal betale 2.100 kr. tilbage.", "decision"),
    ("De skal til en samtale i Jobcentret den 4. maj.", "summons"),
])
def test_the_de_form_asks_and_decides_too(text, act):
    assert message.sentence_act(text, PARAMS) == act


def test_a_date_of_effect_with_pr_is_news():
    assert message.sentence_act("Kommunen indfører pr. 1. april en ny ordning for storskrald.", PARAMS) == "news"


# --- sentences that cannot open a letter are never proposed as its message ------------------------

# A reminder whose real message is first; the only request further down leans on the sentence before it.
LEANING_REMINDER = """Påmindelse om betaling for tandpleje

Kære Niels Holm

Vi kan se, at vi endnu ikke har modtaget din betaling på 640 kr. for tandpleje i marts 2026.

Du kan betale med MobilePay eller med det vedlagte indbetalingskort. Du kan også overføre pengene til vores konto.

Har du allerede betalt, skal du ikke gøre mere. Ellers beder vi dig betale senest den 20. april 2026."""

# A payment demand whose only candidate is a sanction for not paying.
SANCTION_DEMAND = """Regning for leje af festlokale

Kære Lene Dahl

Du lejede festlokalet i Bakkehuset den 14. februar 2026. Lokalet blev gjort rent af vores personale bagefter.

Regningen var på 1.800 kr. Vi sendte den til dig i marts.

Betaler du ikke inden 10 dage, sender vi sagen til inkasso, og du kan ikke leje lokaler hos os igen."""


@pytest.mark.parametrize("text,genre", [(LEANING_REMINDER, "paamindelse"), (SANCTION_DEMAND, "opkraevning")])
def test_a_sentence_that_leans_back_or_threatens_is_never_moved_first(plain_nlp, text, genre):
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre=genre)
    assert found == []
    pos = doc._.letter.metrics["message"]["position"]
    assert pos is None or not text[pos["start"]:pos["end"]].startswith(("Ellers", "Betaler du ikke"))


def test_a_missing_payment_told_first_is_the_reminders_message(plain_nlp):
    doc, _ = run(plain_nlp, LEANING_REMINDER, "klart-budskab.budskab-foerst", genre="paamindelse")
    m = doc._.letter.metrics["message"]
    assert m["first"] is True
    assert LEANING_REMINDER[m["position"]["start"]:].startswith("Vi kan se, at vi endnu ikke har modtaget")


@pytest.mark.parametrize("sentence", [
    "Ellers beder vi dig sende skemaet senest den 3. maj 2026.",
    "I så fald får du et nyt brev fra os.",
    "Så kan du få hjælp til flytningen.",
    "Hvis du ikke svarer inden 14 dage, stopper vi din ydelse.",
    "Kommer barnet ikke i skole inden mandag, sender vi en underretning.",
    "Send gerne et foto af skaden med.",
    "Du er velkommen til at tage en bisidder med.",
])
def test_sentences_that_cannot_open_a_letter(sentence):
    s = message.Sent(0, 0, len(sentence), "body", 0, len(sentence.split()), sentence)
    assert message._cannot_open(s)


@pytest.mark.parametrize("sentence", [
    "Du skal betale 400 kr. tilbage senest den 1. maj 2026.",
    "Så længe du bor i kommunen, får du hjælp til rengøring.",
    "Vi har sagt nej til din ansøgning om en handicapbil.",
    "Send os dine lønsedler senest den 1. juni 2026.",
    "Du skal betale senest den 1. juni, ellers vil vi sende sagen til inkasso.",
    "Hvis du får job, skal du give os besked senest 8 dage efter.",
    "Du er velkommen til at sende dine bemærkninger senest den 1. juni 2026.",
])
def test_sentences_that_can_open_a_letter(sentence):
    s = message.Sent(0, 0, len(sentence), "body", 0, len(sentence.split()), sentence)
    assert not message._cannot_open(s)


def test_a_late_plain_decision_is_still_flagged_when_a_leaning_one_comes_first(plain_nlp):
    text = ("Kære Ida Berg\n\nDin ansøgning kom til os den 2. marts 2026. Vores fysioterapeut har besøgt dig og set, "
            "hvordan du klarer dig.\n\nDerfor har vi talt med din læge.\n\nDu får ikke en ny kørestol, fordi din "
            "gamle stadig passer til dig.")
    _, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="afgoerelse")
    assert [f.text for f in found] == ["Du får ikke en ny kørestol, fordi din gamle stadig passer til dig."]


@pytest.mark.parametrize("first,expected", [
    # a fact about the reader's case after "Vi kan se, at" is the message, not a delaying opening
    ("Vi kan se, at vi endnu ikke har modtaget din betaling for SFO i maj.", None),
    ("Vi har stadig ikke fået dine lønsedler for januar og februar.", None),
    ("Vi kan se, at du har modtaget 3.200 kr. for meget i boligstøtte.", None),
    # our receipt of the reader's letter still delays the message
    ("Vi kan se, at vi har modtaget din ansøgning om friplads.", "Vi kan se, at vi har modtaget"),
    ("Vi skriver til dig, fordi vi har modtaget din klage.", "Vi skriver til dig, fordi vi har modtaget"),
    ("Hermed fremsendes kopi af dine papirer.", "Hermed fremsendes"),
])
def test_delaying_opening_leaves_the_readers_case_alone(plain_nlp, first, expected):
    _, found = run(plain_nlp, f"Kære Mette Lund\n\n{first}", "klart-budskab.forsinket-indledning")
    assert [f.text for f in found] == ([expected] if expected else [])


@pytest.mark.parametrize("body,flagged", [
    # optional requests and offers need no deadline
    ("Send gerne en kopi af kvitteringen med.", []),
    ("Ring gerne til mig, før du søger igen.", []),
    ("Du må gerne sende os et billede af skaden.", []),
    ("Du er velkommen til at tage din hjælper med til mødet.", []),
    ("Du kan også sende os skemaet med almindelig post.", []),
    # a real request stays a request, also with "gerne" in a polite frame
    ("Vi vil gerne bede dig sende os dine lønsedler.", ["Vi vil gerne bede dig sende os dine lønsedler."]),
    ("Send os en kopi af kvitteringen.", ["Send os en kopi af kvitteringen."]),
])
def test_optional_requests_need_no_deadline(plain_nlp, body, flagged):
    _, found = run(plain_nlp, f"Kære Mette Lund\n\n{body}", "klart-budskab.handling-uden-frist")
    assert [f.text for f in found] == flagged


def test_a_late_message_that_leans_back_is_flagged_but_not_moved(plain_nlp):
    text = ("Kære Ida Berg\n\nDin indtægt steg i 2025, fordi du fik et nyt job i marts. Vi har fået tallene fra "
            "Skattestyrelsen.\n\nVi har regnet din boligstøtte ud igen for hele året.\n\nDet betyder, at du skal "
            "betale 2.400 kr. tilbage.")
    _, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="afgoerelse")
    assert [f.text for f in found] == ["Det betyder, at du skal betale 2.400 kr. tilbage."]
    assert found[0].suggestions == () and "stå alene" in found[0].message


# --- review 12: details are never the late message; upheld decisions; timing in a later how-to section --------

REMINDER_LATE = """Påmindelse om lønsedler

Kære Rasmus Holm

Vi mangler stadig dine lønsedler for august og september. Send dem senest den 12. januar 2027.

Du kan sende dem via borger.dk eller aflevere dem i Borgerservice.

Husk at sende lønsedler fra alle dine arbejdsgivere, også fra dit fritidsjob."""


@pytest.mark.parametrize("reminder", [
    "Husk at sende lønsedler fra alle dine arbejdsgivere, også fra dit fritidsjob.",
    "Husk, at du skal indsende lønsedler fra alle dine arbejdsgivere.",
    "Bemærk, at du skal sende lønsedler fra alle dine arbejdsgivere.",
    "Vær opmærksom på, at du kan få hjælp i Borgerservice til at finde lønsedlerne.",
])
def test_a_reminder_of_a_detail_is_never_the_late_message(plain_nlp, reminder):
    # the request and its deadline are not recognised at the top, so only the reminder below has a message class
    text = ("Lønsedler til din sag om boligstøtte\n\nKære Rasmus Holm\n\n"
            "Der er stadig ikke kommet lønsedler for august og september i din sag. Lønsedlerne skal være hos "
            "os inden den 12. januar 2027.\n\nDu kan bruge borger.dk eller Borgerservice.\n\n" + reminder)
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="paamindelse")
    assert found == []


def test_a_late_request_that_is_not_a_reminder_is_still_flagged(plain_nlp):
    # hard negative: the same letter with a real request below the window keeps its finding
    text = ("Lønsedler til din sag om boligstøtte\n\nKære Rasmus Holm\n\n"
            "Der er stadig ikke kommet lønsedler for august og september i din sag. Vi har talt med din "
            "arbejdsgiver om det.\n\nDu kan bruge borger.dk eller Borgerservice.\n\n"
            "Send os dine lønsedler for august og september.")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="paamindelse")
    assert [f.text for f in found] == ["Send os dine lønsedler for august og september."]


def test_a_reminder_already_at_the_top_may_be_the_message(plain_nlp):
    text = ("Påmindelse om tilmelding\n\nKære Lise Bro\n\nHusk at melde Oskar til SFO senest den 1. marts 2027. "
            "Du melder til på forældreintra.\n\nVi glæder os til at se ham.")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="paamindelse")
    assert found == []
    assert doc._.letter.metrics["message"]["first"] is True


@pytest.mark.parametrize("sentence", [
    "Vi fastholder opkrævningen, fordi containeren stod på vejen i fire uger.",
    "Kommunen fastholder afgørelsen om hjemmehjælp.",
    "Afgørelsen er fastholdt.",
])
def test_an_upheld_decision_is_a_decision(sentence):
    assert "decision" in message.classify(sentence, PARAMS)


def test_decision_upheld_at_the_top_makes_a_later_refusal_no_late_message(plain_nlp):
    text = ("Vedr.: Din klage over gebyr for storskrald\n\nKære Bent Lauridsen\n\n"
            "Vi har behandlet din klage over gebyret på 350 kr. for afhentning af storskrald. Vi fastholder "
            "gebyret, fordi sofaen stod ved skellet i tre uger. Vi har også set billederne fra "
            "vognmanden. Din anmodning om at få gebyret tilbage kan ikke "
            "imødekommes.\n\nGebyret skal betales senest den 1. februar 2027.")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="afgoerelse")
    assert found == []
    assert doc._.letter.metrics["message"]["first"] is True


KEYVALUE_LATE = """Tilbud om aflastningsophold på Bøgely

Kære Inger Mølgaard

Vi kan tilbyde dig et aflastningsophold på Bøgely i uge 8. Vi skal have dit svar senest den 10. februar 2027.

Om opholdet
Du bor i en lejlighed med eget bad. Personalet hjælper dig med medicin og mad.

Du er velkommen til at se stedet først.

Tid: Onsdag den 3. februar 2027 kl. 13.00
Sted: Bøgely, Bøgevej 12

Ring til mig senest den 10. februar 2027 og sig, om du vil tage imod opholdet."""


def test_a_key_value_line_is_never_moved_up(plain_nlp):
    doc, found = run(plain_nlp, KEYVALUE_LATE, "klart-budskab.budskab-foerst", genre="indkaldelse")
    assert found == []
    assert doc._.letter.metrics["message"]["first"] is True


def test_a_key_value_line_is_never_the_late_message(plain_nlp):
    # without a recognised request at the top, the "Tid:" line below is still not what the letter is about
    text = KEYVALUE_LATE.replace("Vi skal have dit svar senest den 10. februar 2027.", "Opholdet er gratis.") \
        .replace("\n\nRing til mig senest den 10. februar 2027 og sig, om du vil tage imod opholdet.", "")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="indkaldelse")
    assert found == []


def test_a_summons_with_an_adjective_is_a_summons():
    assert "summons" in message.classify("Du skal møde til en ny samtale onsdag den 9. juni kl. 9.00.", PARAMS)


def test_timing_in_a_later_how_to_section_after_a_why_section(plain_nlp):
    text = ("Du skal betale 1.840 kr. tilbage\n\nKære Jonas\n\n"
            "Vi har besluttet, at du skal betale 1.840 kr. tilbage. Du har fået for meget i boligstøtte i maj.\n\n"
            "Hvorfor skal du betale tilbage?\nDin husleje faldt i april. Det fik vi først at vide i juni.\n\n"
            "Sådan betaler du\nDu kan betale hele beløbet senest den 1. marts 2027. Du kan også betale 200 kr. "
            "om måneden fra marts.")
    doc, found = run(plain_nlp, text, "klart-budskab.handling-uden-frist")
    assert found == []
    # hard negative: with no timing anywhere, the request is still flagged
    bare = text.split("\n\nSådan betaler du")[0]
    doc, found = run(plain_nlp, bare, "klart-budskab.handling-uden-frist")
    assert [f.text for f in found] == ["Vi har besluttet, at du skal betale 1.840 kr. tilbage."]


def test_a_late_key_value_line_that_is_the_only_message_is_flagged_but_not_moved(plain_nlp):
    text = ("Møde om Emils skolegang\n\nKære Hanne og Per\n\nVi har talt med Emils lærere om hans fravær. Vi har "
            "også læst skolens notat fra oktober.\n\nPå mødet deltager skolens leder og en psykolog fra PPR.\n\n"
            "Tid: Mandag den 18. januar 2027 kl. 8.30\nSted: Nordskolen, lokale 4")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="indkaldelse")
    assert [f.text.strip() for f in found] == ["Tid: Mandag den 18. januar 2027 kl. 8.30"]
    assert found[0].suggestions == ()


def test_a_notice_with_only_a_reminder_below_keeps_its_news_first(plain_nlp):
    text = ("Kære beboer\n\nGenbrugspladsen på Havnevej holder lukket hele uge 7, fordi vi bygger en ny rampe.\n\n"
            "Husk, at du kan bruge genbrugspladsen i Østerby i den uge.")
    doc, found = run(plain_nlp, text, "klart-budskab.budskab-foerst", genre="orientering")
    assert found == []
    m = doc._.letter.metrics["message"]
    assert m["first"] is True and text[m["position"]["start"]:m["position"]["end"]].startswith("Genbrugspladsen")
