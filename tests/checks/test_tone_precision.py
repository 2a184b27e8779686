"""Precision of the tone rules: respectful sentences that reuse the flagged words, each next to a sentence of the
same shape that is still flagged (hand-built Docs; the real pipeline only for the letter-level order rule)."""
from __future__ import annotations

from letterlab.checks import tone
from letterlab.core import analyse

PREFIX = "anerkendende-tone."


def _check(sentences_doc, ruleset, family: str, *sentences: str) -> list:
    """The findings of ``family`` on a Doc of ``sentences`` (words separated by spaces, POS X unless given)."""
    doc = sentences_doc(*sentences)
    return list(ruleset.get(PREFIX + family).check(doc))


# ---- shouting: a run of capitals after "hos", "fra", "til" … is a name

def test_capitals_after_a_name_cue_are_a_name(sentences_doc, ruleset):
    assert not _check(sentences_doc, ruleset, "raab", "Du kan få råd hos OPUS eller hos KABS VIDEN .")
    assert not _check(sentences_doc, ruleset, "raab", "Ring til LOKK , hvis du vil tale med nogen .")
    # a name may open with an adjective when it has more words
    assert not _check(sentences_doc, ruleset, "raab", "Du kan få hjælp hos DANSK/ADJ FOLKEHJÆLP/NOUN .")


def test_shouted_words_after_a_cue_still_shout(sentences_doc, ruleset):
    [f] = _check(sentences_doc, ruleset, "raab", "Kom til TIDEN på mandag .")
    assert f.text == "TIDEN"
    [f] = _check(sentences_doc, ruleset, "raab", "Vi skal have svar fra ALLE i familien .")
    assert f.text == "ALLE"
    [f] = _check(sentences_doc, ruleset, "raab", "Du skal møde op fra MANDAG .")
    assert f.text == "MANDAG"
    # a definite noun or a lone adjective is a word, not a name
    [f] = _check(sentences_doc, ruleset, "raab", "Du skal komme til KLUBHUSET/NOUN/Definite=Def på fredag .")
    assert f.text == "KLUBHUSET"
    assert not _check(sentences_doc, ruleset, "raab", "Du skal komme til KLUBHUSET/PROPN på fredag .")
    # ordinary words of a letter shout whatever the tagger says
    [f] = _check(sentences_doc, ruleset, "raab", "Du skal møde op til SAMTALE/NOUN på fredag .")
    assert f.text == "SAMTALE"
    # no cue: a capitals word with a vowel shouts as before
    [f] = _check(sentences_doc, ruleset, "raab", "Du skal HUSKE dit kort .")
    assert f.text == "HUSKE"


# ---- lecturing: "opmærksom på" good news for the reader

def test_attention_drawn_to_a_gain_is_no_lecture(sentences_doc, ruleset):
    assert not _check(sentences_doc, ruleset, "belaering",
                      "Vi gør opmærksom på ændringen , fordi den betyder , at du får lidt flere penge fra maj .")
    assert not _check(sentences_doc, ruleset, "belaering",
                      "Vi vil gerne gøre dig opmærksom på en mulighed :", "Du kan søge om tilskud til medicin .")
    assert not _check(sentences_doc, ruleset, "belaering", "Vi gør dig opmærksom på tilbuddet om en gratis samtale .")


def test_attention_drawn_to_a_duty_or_a_loss_is_a_lecture(sentences_doc, ruleset):
    assert _check(sentences_doc, ruleset, "belaering", "Vi gør opmærksom på fristen , fordi du ellers kan miste pladsen .")
    assert _check(sentences_doc, ruleset, "belaering", "Vi gør Dem opmærksom på muligheden for en bøde .")
    assert _check(sentences_doc, ruleset, "belaering", "Vi gør opmærksom på en mulighed :", "Du skal betale inden fredag .")
    assert _check(sentences_doc, ruleset, "belaering", "Vi gør opmærksom på , at du får flere rykkere .")


# ---- cold refusals

def test_refusal_with_a_plain_reason_and_the_case_sent_on(sentences_doc, ruleset):
    refusal = "Vi fastholder afgørelsen ."
    because = "Vi har læst dine papirer , men de ændrer ikke på , at din indtægt er over grænsen ."
    onward = "Vi har sendt sagen videre til Ankestyrelsen , og du hører fra dem ."
    assert not _check(sentences_doc, ruleset, "kold-afvisning", refusal, because, onward)
    # no reason: cold
    [f] = _check(sentences_doc, ruleset, "kold-afvisning", refusal, "Vi har læst dine papirer .", onward)
    assert "hvorfor" in f.message
    # a reason, but nothing on: the reader is left alone
    [f] = _check(sentences_doc, ruleset, "kold-afvisning", refusal, because, "Vi har ikke mere at tilføje .")
    assert "hvad læseren kan gøre nu" in f.message


def test_refusal_verb_in_an_inverted_condition_is_hypothetical(sentences_doc, ruleset):
    assert not _check(sentences_doc, ruleset, "kold-afvisning",
                      "Vi ser på sagen igen , og fastholder vi afgørelsen , sender vi den til Ankestyrelsen .")
    assert not _check(sentences_doc, ruleset, "kold-afvisning", "Afviser vi din ansøgning , får du et brev om det .")
    assert _check(sentences_doc, ruleset, "kold-afvisning", "Vi har set på sagen igen , og vi fastholder afgørelsen .")
    # after the comma a main clause must follow (verb, subject): "…, fordi du …" is a reason clause
    low = "vi har læst din klage, og fastholder vi afgørelsen, fordi du tjener for meget."
    at = low.index("fastholder")
    hit = tone.Hit(at, at + len("fastholder"), "fastholder")
    assert not tone._inverted_clause(low, low.index(",") + 1, hit)
    low = low.replace("fordi du tjener for meget", "sender vi den videre")
    assert tone._inverted_clause(low, low.index(",") + 1, hit)


def test_a_refusal_word_under_a_negation_refuses_nothing(sentences_doc, ruleset):
    assert not _check(sentences_doc, ruleset, "kold-afvisning",
                      "Fagpersoner , som ikke må sige nej til at underrette , skal skrive til os .")
    assert _check(sentences_doc, ruleset, "kold-afvisning", "Vi siger nej til din ansøgning .")


# ---- threats

def test_the_readers_call_is_the_way_out(sentences_doc, ruleset):
    threat = "Hvis du ikke kommer , skal vi efter loven trække dig i kontanthjælp ."
    [f] = _check(sentences_doc, ruleset, "trussel", threat)
    assert "ingen hjælp" in f.message
    assert not _check(sentences_doc, ruleset, "trussel", threat,
                      "Derfor er det vigtigt , at du ringer til os , hvis du bliver syg .")


def test_otherwise_followed_by_a_gain_is_no_threat(sentences_doc, ruleset):
    assert not _check(sentences_doc, ruleset, "trussel",
                      "I modsat fald , altså hvis du selv har betalt , så send os kvitteringen , så får du pengene .")
    assert _check(sentences_doc, ruleset, "trussel", "I modsat fald får du en regning på hele beløbet .")
    assert _check(sentences_doc, ruleset, "trussel", "I modsat fald får du ikke pengene .")
    assert _check(sentences_doc, ruleset, "trussel", "I modsat fald får du pengene , men vi sender kravet til inkasso .")
    assert _check(sentences_doc, ruleset, "trussel", "I modsat fald får du besked om , at din sag er lukket .")
    assert _check(sentences_doc, ruleset, "trussel", "I modsat fald får du et rykkergebyr .")


def test_without_notice_under_a_negation_is_a_promise(sentences_doc, ruleset):
    assert not _check(sentences_doc, ruleset, "trussel", "Uden varsel vil vi ikke ændre noget i din sag .")
    assert not _check(sentences_doc, ruleset, "trussel", "Vi lukker aldrig for varmen uden varsel .")
    assert _check(sentences_doc, ruleset, "trussel", "Uden varsel vil vi ikke længere udbetale din ydelse .")
    assert _check(sentences_doc, ruleset, "trussel", "Uden varsel vil ydelsen ikke blive udbetalt .")
    assert not _check(sentences_doc, ruleset, "trussel", "Vi stopper ikke din hjælp uden varsel .")
    assert _check(sentences_doc, ruleset, "trussel", "Vi vil ikke tøve med at lukke for vandet uden varsel .")
    assert _check(sentences_doc, ruleset, "trussel", "Vi vil aldrig tøve med at lukke for vandet uden varsel .")
    assert _check(sentences_doc, ruleset, "trussel", "Hvis du ikke betaler , lukker vi for vandet uden varsel .")


def test_a_consequence_taken_back_is_no_threat(sentences_doc, ruleset):
    assert not _check(sentences_doc, ruleset, "trussel", "Vi beklager , at vi skrev , at pladsen ville blive opsagt .")
    assert not _check(sentences_doc, ruleset, "trussel", "I brevet stod der , at pladsen ville blive opsagt .",
                      "Det var en fejl .")
    # the same report as a reminder is still a threat, also when the next sentence merely mentions a mistake
    assert _check(sentences_doc, ruleset, "trussel", "Vi skrev , at pladsen ville blive opsagt , hvis I ikke betalte .",
                  "Undgå fejl i skemaet .")
    assert _check(sentences_doc, ruleset, "trussel", "Vi skrev , at pladsen ville blive opsagt , hvis I ikke betalte .")
    assert _check(sentences_doc, ruleset, "trussel", "Vi skrev , at pladsen ville blive opsagt .",
                  "I har stadig ikke betalt .")


# ---- order: a risk that is not the reader's doing is the reason for the request

def _order(nlp, text: str) -> list:
    return [f for f in analyse(text, nlp=nlp).findings if f.rule == PREFIX + "raekkefoelge"]


def test_a_risk_outside_the_readers_control_may_come_first(nlp):
    assert not _order(nlp, "Din hjælp til rengøring kan blive stoppet, hvis ergoterapeuten vurderer, at dit helbred "
                           "er blevet bedre. Derfor beder vi dig om et møde med hende i marts. Ring til os, hvis "
                           "tidspunktet ikke passer.")
    # the reader's failure, a certain outcome or the reader's own act: a sanction before the request
    assert _order(nlp, "Din hjælp til rengøring kan blive stoppet, hvis vi ikke får svar fra dig. Derfor beder vi dig "
                       "om et møde med ergoterapeuten i marts. Ring til os, hvis tidspunktet ikke passer.")
    assert _order(nlp, "Sagen kan blive sendt til inkasso, hvis betalingen udebliver. Derfor beder vi dig betale "
                       "inden den 1. maj. Ring til os, hvis du har spørgsmål.")
    assert _order(nlp, "Du mister din plads i klubben, hvis du ikke kommer på mandag. Vi vil gerne høre, hvordan "
                       "det går. Ring til os, hvis du har spørgsmål.")
    assert _order(nlp, "Du kan miste retten til hjælp, hvis du siger nej til et rimeligt tilbud. Vi har fundet et job "
                       "til dig. Ring til os, hvis du har spørgsmål.")


def test_a_stop_decided_with_its_reason_is_no_threat(nlp):
    from letterlab.core import analyse

    threat = PREFIX + "trussel"
    decided = "Din hjælp til indkøb ophører den 1. juni, fordi du nu kan få dine varer bragt af købmanden."
    eligibility = "Deres ledsagerordning ophører pr. 1. juni, idet De ikke længere er omfattet af målgruppen."
    conditional = "Din hjælp til indkøb ophører den 1. juni, hvis du ikke sender os lægeerklæringen."
    assert not [f for f in analyse(decided, nlp=nlp).findings if f.rule == threat]
    assert not [f for f in analyse(eligibility, nlp=nlp).findings if f.rule == threat]
    assert [f for f in analyse(conditional, nlp=nlp).findings if f.rule == threat]
