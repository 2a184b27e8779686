"""The "anerkendende tone" check kind: hand-built Docs for the mechanics, the real pipeline for bad input."""
from __future__ import annotations

from dataclasses import replace

import pytest

from letterlab.checks import tone
from letterlab.core import analyse
from letterlab.ruleset import RuleError, load_rules

PREFIX = "anerkendende-tone."


def _rule(ruleset, family):
    return ruleset.get(PREFIX + family)


def _doc(make_doc, words: str):
    """A one-sentence Doc from plain words (POS X unless given)."""
    return make_doc(" ".join(w if "/" in w else f"{w}/X" for w in words.split()))


def test_every_family_has_a_rule(ruleset):
    fams = {r.params["family"] for r in ruleset.rules if r.kind == "tone"}
    assert fams == set(tone.FAMILIES)
    assert all(r.category == "tone" for r in ruleset.rules if r.kind == "tone")


def test_every_profile_weights_tone(ruleset):
    for p in ruleset.profiles.values():
        assert p.weights.get("tone", 0) > 0, p.id
        assert sum(p.weights.values()) <= 100


def test_bad_regex_is_a_clear_rule_error(tmp_path):
    f = tmp_path / "x.toml"
    f.write_text('''[[rule]]
id = "egen.tone"
kind = "tone"
category = "tone"
theme = "egen"
title = "x"
message = "x"
explanation = "x"
params = { family = "belaering", triggers = ["(ikke lukket"] }
examples = { flag = ["a"], pass = ["b"] }
''', encoding="utf-8")
    with pytest.raises(RuleError, match="regulært udtryk"):
        load_rules([f])


def test_unknown_family_is_refused(tmp_path):
    f = tmp_path / "x.toml"
    f.write_text('''[[rule]]
id = "egen.tone"
kind = "tone"
category = "tone"
theme = "egen"
title = "x"
message = "x"
explanation = "x"
params = { family = "hoeflighed" }
examples = { flag = ["a"], pass = ["b"] }
''', encoding="utf-8")
    with pytest.raises(RuleError, match="family"):
        load_rules([f])


def test_lecture_opener_gets_a_husk_suggestion(make_doc, ruleset):
    doc = _doc(make_doc, "Vi gør opmærksom på , at fristen er kort .")
    [f] = list(_rule(ruleset, "belaering").check(doc))
    assert f.text == "Vi gør opmærksom på"
    [s] = f.suggestions
    assert doc.text[:s.start] + s.replacement + doc.text[s.end:] == "Husk, at fristen er kort."
    assert not s.safe


def test_lecture_about_a_right_is_not_flagged(make_doc, ruleset):
    doc = _doc(make_doc, "Vi vil gerne gøre dig opmærksom på , at du også kan søge om hjælp .")
    assert not list(_rule(ruleset, "belaering").check(doc))


def test_lecture_inside_quotes_is_not_flagged(make_doc, ruleset):
    doc = _doc(make_doc, 'Du skrev : " Vi gør opmærksom på fristen " .')
    assert not list(_rule(ruleset, "belaering").check(doc))


def test_blame_needs_the_reader_as_subject(make_doc, ruleset):
    rule = _rule(ruleset, "bebrejdelse")
    assert list(rule.check(_doc(make_doc, "Du har undladt at sende skemaet .")))
    assert not list(rule.check(_doc(make_doc, "Vi har undladt at sende gebyret .")))


def test_threat_cold_phrase_vs_condition_with_help(make_doc, ruleset):
    rule = _rule(ruleset, "trussel")
    cold = _doc(make_doc, "Kravet sendes til inkasso uden yderligere varsel .")
    [f] = rule.check(cold)
    assert "trussel" in f.message
    kind = make_doc("Hvis/X du/X ikke/X betaler/X ,/X sender/X vi/X kravet/X til/X inkasso/X ./X "
                    "Ring/X til/X os/X ,/X hvis/X du/X har/X brug/X for/X hjælp/X ./X",
                    sent_starts=[i in (0, 12) for i in range(22)])
    assert not list(rule.check(kind))


def test_threat_negated_or_past_is_not_a_threat(make_doc, ruleset):
    rule = _rule(ruleset, "trussel")
    assert not list(rule.check(_doc(make_doc, "Vi stopper ikke din hjælp , mens vi ser på sagen .")))
    assert not list(rule.check(_doc(make_doc, "Vi har henlagt sagen , fordi du har trukket den tilbage .")))


def test_inverted_condition_counts_as_a_condition(make_doc, ruleset):
    """"Overskrides fristen, …" is "Hvis fristen overskrides, …": with help in the letter it is fine."""
    rule = _rule(ruleset, "trussel")
    spec = ("Overskrides/VERB/Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Pass fristen/NOUN ,/PUNCT bortfalder/VERB "
            "retten/NOUN til/ADP tilskud/NOUN ./PUNCT")
    [f] = rule.check(make_doc(spec))
    assert "ingen hjælp" in f.message          # a condition, but no help offered
    helped = make_doc(spec + " Ring/VERB/Mood=Imp til/ADP os/PRON ,/PUNCT hvis/SCONJ du/PRON har/VERB brug/NOUN "
                             "for/ADP hjælp/NOUN ./PUNCT", sent_starts=[i in (0, 8) for i in range(19)])
    assert not list(rule.check(helped))


def test_the_reader_acting_is_no_sanction(make_doc, ruleset):
    rule = _rule(ruleset, "trussel")
    assert not list(rule.check(_doc(make_doc, "Du kan selv opsige din plads med en måneds varsel .")))
    assert list(rule.check(_doc(make_doc, "Skolen vil være nødsaget til at udmelde Deres barn .")))
    assert not list(rule.check(_doc(make_doc, "Det får ingen konsekvenser for din ydelse .")))
    assert list(rule.check(_doc(make_doc, "Manglende betaling vil få konsekvenser for Dem .")))


def test_reproach_needs_the_reader_and_a_reminder(make_doc, ruleset):
    rule = _rule(ruleset, "bebrejdelse")
    assert list(rule.check(_doc(make_doc, "Du har stadig ikke afleveret nøglen .")))
    assert not list(rule.check(_doc(make_doc, "Vi har stadig ikke fået nøglen .")))
    assert not list(rule.check(_doc(make_doc, "Du er fortsat ikke i stand til at arbejde .")))
    assert list(rule.check(_doc(make_doc, "Det har De ikke gjort , selvom De blev bedt om det .")))
    # the reader asked, not we: no reproach
    assert not list(rule.check(_doc(make_doc, "Du har ikke fået svar , selvom du har skrevet til os to gange .")))
    assert not list(rule.check(_doc(make_doc, "Selvom du har fået en rykker , kan du stadig nå at betale .")))


def test_refusal_trigger_words_are_no_reason(make_doc, ruleset):
    """"grundlag for at ændre" holds "for at", but it is no reason for the refusal."""
    rule = _rule(ruleset, "kold-afvisning")
    assert list(rule.check(_doc(make_doc, "Der er ikke grundlag for at ændre afgørelsen .")))
    assert not list(rule.check(_doc(make_doc, "Der er ikke grundlag for at ændre afgørelsen , fordi lægen siger det samme .")))


def test_shouting_spares_acronyms_and_codes(make_doc, ruleset):
    rule = _rule(ruleset, "raab")
    assert not list(rule.check(_doc(make_doc, "Log ind med MitID og find SKAT og BYG-2024-0153 her .")))
    [f] = rule.check(_doc(make_doc, "Du skal ALTID sortere glas ."))
    assert f.text == "ALTID"
    assert f.suggestions[0].replacement == "altid"


def test_double_exclamation_becomes_a_full_stop(make_doc, ruleset):
    doc = _doc(make_doc, "Fristen er overskredet !!")
    [f] = _rule(ruleset, "raab").check(doc)
    [s] = f.suggestions
    assert s.replacement == "." and s.safe


def test_greeting_with_exclamation_is_fine(make_doc, ruleset):
    assert not list(_rule(ruleset, "raab").check(_doc(make_doc, "Tillykke med din nye plads !")))


def test_refusal_with_reason_in_next_sentence(make_doc, ruleset):
    rule = _rule(ruleset, "kold-afvisning")
    bare = _doc(make_doc, "Din ansøgning er afslået .")
    assert list(rule.check(bare))
    why = make_doc("Din/X ansøgning/X er/X afslået/X ./X Det/X er/X fordi/X du/X tjener/X for/X meget/X ./X",
                   sent_starts=[i in (0, 5) for i in range(13)])
    assert not list(rule.check(why))


def test_reproach_as_fact_needs_blame_and_no_way_forward(make_doc, ruleset):
    """The reader's omission as the cause of what went wrong is blame; with a request or a neutral outcome it is not."""
    rule = _rule(ruleset, "bebrejdelse")
    assert list(rule.check(_doc(make_doc, "Vi har måttet aflyse mødet , fordi De ikke kom til aftalen .")))
    assert list(rule.check(_doc(make_doc, "Forsinkelsen skyldes , at De ikke har svaret på brevet .")))
    # nothing went wrong: we wrote because the card is unused
    assert not list(rule.check(_doc(make_doc, "Vi har skrevet til dig , fordi du ikke har brugt dit klippekort .")))
    # a state is no omission
    assert not list(rule.check(_doc(make_doc, "Du får ikke hjælp , fordi du ikke har boet i kommunen i tre år .")))
    # a request right after turns the fact into what to do now
    asked = make_doc("Vi/X har/X måttet/X aflyse/X mødet/X ,/X fordi/X De/X ikke/X kom/X ./X "
                     "Ring/X til/X os/X ,/X så/X finder/X vi/X en/X ny/X tid/X ./X",
                     sent_starts=[i in (0, 11) for i in range(22)])
    assert not list(rule.check(asked))
    # "I" with a capital is the reader; "i" is a preposition
    assert list(rule.check(_doc(make_doc, "Barnet kom for sent otte gange , uden at I gav skolen besked .")))
    assert not list(rule.check(_doc(make_doc, "Barnet kom for sent otte gange , uden at vi gav jer besked .")))


def test_reproach_as_fact_help_only_at_the_end_or_a_decision(make_doc, ruleset):
    """Help in the closing lines does not excuse the blame; a decision must give its reason."""
    rule = _rule(ruleset, "bebrejdelse")
    spec = ("Vi/X har/X måttet/X aflyse/X mødet/X ,/X fordi/X De/X ikke/X kom/X ./X "
            "Mødet/X var/X kl./X 10/X ./X Den/X næste/X tid/X er/X i/X maj/X ./X Ring/X til/X os/X ./X")
    starts = [i in (0, 11, 16, 23) for i in range(27)]
    assert list(rule.check(make_doc(spec, sent_starts=starts)))
    decision = _doc(make_doc, "Vi har truffet afgørelse om , at din ydelse er stoppet , idet du ikke har medvirket .")
    assert not list(rule.check(decision))


def test_reproach_with_a_reminder_of_what_we_asked(make_doc, ruleset):
    rule = _rule(ruleset, "bebrejdelse")
    assert list(rule.check(_doc(make_doc, "De har heller ikke denne gang sendt de papirer , vi bad om .")))
    assert not list(rule.check(_doc(make_doc, "Du har heller ikke brug for at sende lønsedler .")))
    assert list(rule.check(_doc(make_doc, "De er ikke mødt op til de aftalte samtaler .")))
    assert not list(rule.check(_doc(make_doc, "De er ikke kommet op på det aftalte antal timer endnu .")))
    assert not list(rule.check(_doc(make_doc, "De har ikke sendt lønsedlerne , så vi beder Dem sende dem .")))


def _words(spec: str) -> str:
    """``word/POS/Feats`` items; words without a tag get X."""
    return " ".join(w if "/" in w else f"{w}/X" for w in spec.split())


PASSIVE = "VERB/Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Pass"


def test_impersonal_rule_without_reason_is_a_command(make_doc, ruleset):
    """The rule alone: these hand-built Docs tag most words X, and the learned model reads a real parse (a
    real letter's "Breve sendes ikke længere med posten, …" is tested end to end below)."""
    from letterlab.checks import tone_model

    with tone_model.using(None):
        _impersonal_rule_cases(make_doc, _rule(ruleset, "kommando"))


def test_a_change_of_channel_is_news_not_an_order(nlp):
    from letterlab.core import analyse

    text = ("Kære Anna\n\nBreve fra kommunen sendes ikke længere med posten, men i Digital Post. Du kan læse dem på "
            "borger.dk.\n\nVenlig hilsen\nOle Berg")
    assert not [f for f in analyse(text, nlp=nlp).findings if f.rule == PREFIX + "kommando"]


def _impersonal_rule_cases(make_doc, rule):
    plural = "NOUN/Definite=Ind|Number=Plur"
    assert list(rule.check(make_doc(_words(f"Mails/{plural} uden sagsnummer/NOUN besvares/{PASSIVE} ikke ./PUNCT"))))
    # this reader's own case is no general rule
    assert not list(rule.check(make_doc(_words(
        f"Din/DET ansøgning/NOUN/Definite=Ind behandles/{PASSIVE} ikke ./PUNCT"))))
    assert not list(rule.check(make_doc(_words(
        f"Affaldet/NOUN/Definite=Def tømmes/{PASSIVE} ikke juledag ./PUNCT"))))
    # a reason, a change or the way it is done instead
    assert not list(rule.check(make_doc(_words(
        f"Mails/{plural} uden sagsnummer/NOUN besvares/{PASSIVE} ikke ,/PUNCT fordi vi ikke kan finde sagen ./PUNCT"))))
    assert not list(rule.check(make_doc(_words(
        f"Breve/{plural} sendes/{PASSIVE} ikke længere med posten ,/PUNCT men i Digital_Post ./PUNCT"))))
    assert list(rule.check(make_doc(_words(
        f"Sager/{plural} uden sagsnummer/NOUN vil/AUX ikke blive behandlet/VERB ./PUNCT"))))
    # a burden lifted is good news, not a rule
    assert not list(rule.check(make_doc(_words(
        f"Borgere/{plural} vil/AUX ikke blive opkrævet/VERB gebyr/NOUN ./PUNCT"))))
    # a ban on a kind of people, with and without its reason
    assert list(rule.check(make_doc(_words(f"Forældre/{plural} må/AUX ikke parkere/VERB ved skolen ./PUNCT"))))
    assert not list(rule.check(make_doc(_words(
        f"Forældre/{plural} må/AUX gerne parkere/VERB ved skolen ./PUNCT"))))


def test_absolutes_back_orders_not_promises(make_doc, ruleset):
    rule = _rule(ruleset, "kommando")
    assert list(rule.check(_doc(make_doc, "Fristen skal under ingen omstændigheder overskrides .")))
    assert not list(rule.check(_doc(make_doc, "Vi deler under ingen omstændigheder dine oplysninger med andre .")))
    assert not list(rule.check(_doc(make_doc, "Du har uden undtagelse ret til at se dine papirer .")))
    assert not list(rule.check(_doc(make_doc, "De har ikke pligt til at svare på skemaet .")))
    assert not list(rule.check(_doc(make_doc, "Oplysningerne må under ingen omstændigheder bruges til andet .")))


def test_bare_refusal_and_the_readers_own_no(make_doc, ruleset):
    rule = _rule(ruleset, "kold-afvisning")
    assert list(rule.check(_doc(make_doc, "Det lader sig ikke gøre .")))
    assert list(rule.check(_doc(make_doc, "Vi kan ikke flytte Deres tid .")))
    assert not list(rule.check(_doc(make_doc, "Du kan altid sige nej til at deltage .")))
    assert not list(rule.check(_doc(make_doc, "Vi kan ikke give dig svar på ansøgningen endnu .")))
    assert not list(rule.check(_doc(make_doc, "Der er ikke plads på holdet , men I er velkomne næste gang .")))


def test_praise_is_no_lecture(make_doc, ruleset):
    rule = _rule(ruleset, "belaering")
    assert not list(rule.check(_doc(make_doc, "Vi vil gerne fremhæve det store arbejde , du har gjort .")))
    assert list(rule.check(_doc(make_doc, "Vi vil gerne fremhæve , at reglerne også gælder for Dem .")))
    assert list(rule.check(_doc(make_doc, "De må forstå , at sagerne tager tid .")))
    assert not list(rule.check(_doc(make_doc, "Vi vil gerne understrege , at vi er her for at hjælpe dig .")))


def test_a_dot_inside_the_sentence_does_not_stop_a_threat(make_doc, ruleset):
    """"2.300 kr." holds dots; the condition and the sanction are still one sentence."""
    rule = _rule(ruleset, "trussel")
    [f] = rule.check(_doc(make_doc, "Hvis De ikke betaler 2.300 kr. , lukker vi for vandet den 1. december ."))
    assert "ingen hjælp" in f.message


def test_conditional_threat_that_opens_the_letter(nlp):
    opening = ("Kære Bo\n\nHvis du ikke betaler de 2.300 kr., lukker vi for vandet den 1. december.\n\n"
               "Vi ved, at det kan være svært at betale en stor regning. Derfor kan du lave en betalingsaftale med os."
               "\n\nRing til os på 44 10 20 30.\n\nMed venlig hilsen\nFjordby Forsyning")
    later = ("Kære Bo\n\nVi kan se, at regningen for vand på 2.300 kr. ikke er betalt. Vi ved, at det kan være svært "
             "at betale en stor regning, og du kan lave en betalingsaftale med os. Ring til os på 44 10 20 30.\n\n"
             "Hvis vi hverken har fået pengene eller hørt fra dig inden den 1. december, lukker vi for vandet.\n\n"
             "Med venlig hilsen\nFjordby Forsyning")
    order = PREFIX + "raekkefoelge"
    assert [f for f in analyse(opening, nlp=nlp).findings if f.rule == order]
    assert not [f for f in analyse(later, nlp=nlp).findings if f.rule == order]


def test_a_refusal_under_a_reason_heading_is_part_of_the_reason(nlp):
    # a partial grant explains each part it does not cover in a section headed "Derfor …": the refusal sentence
    # there stands in its reason, which the sentence before gives in plain words without a cue word
    text = ("Kære Bo\n\nDu får 300 kr. om måneden til kørsel. Du søgte om 500 kr.\n\nDerfor får du ikke det hele\n\n"
            "Bus: Du kan tage bussen til træningen om tirsdagen. Vi har regnet med et buskort og ikke med taxa.\n\n"
            "Briller: Du har allerede fået briller betalt af din forsikring i år. Vi kan ikke betale de samme briller "
            "to gange.\n\nSådan får du pengene\n\nPengene kommer på din NemKonto den sidste hverdag i måneden.\n\n"
            "Du kan altid ringe til mig på 44 55 66 77.\n\nMed venlig hilsen\nIda Holm")
    cold = PREFIX + "kold-afvisning"
    assert not [f for f in analyse(text, nlp=nlp).findings if f.rule == cold]
    # the same refusal with no reason anywhere is still cold
    bare = ("Kære Bo\n\nVi har fået din ansøgning om briller. Din ansøgning kan ikke imødekommes.\n\n"
            "Med venlig hilsen\nIda Holm")
    assert [f for f in analyse(bare, nlp=nlp).findings if f.rule == cold]


def test_the_appeal_guides_request_is_not_the_letters_request(nlp):
    # the consequence follows the letter's own request; "Send klagen …" in the klagevejledning after the signature
    # is no request the consequence should have followed
    text = ("Kære Bo\n\nDu får ikke sygedagpenge efter den 1. maj, fordi din læge skriver, at du kan arbejde igen.\n\n"
            "Hvis du mister dit job, skal du melde dig ledig på jobnet.dk samme dag. Ellers kan du miste dagpenge for de "
            "dage, der går, før du melder dig.\n\nMed venlig hilsen\n\nLis Holm\nJobcentret\n\nKlagevejledning\n"
            "Du kan klage over afgørelsen til Ankestyrelsen. Send klagen til Jobcentret senest 4 uger efter, at du har "
            "fået brevet.")
    order = PREFIX + "raekkefoelge"
    assert not [f for f in analyse(text, nlp=nlp).findings if f.rule == order]


def test_switching_the_family_off_removes_its_findings(nlp):
    rs = load_rules().with_switches(disable=[PREFIX + "raab"])
    report = analyse("Du skal ALTID sortere glas og metal for sig, når du smider det ud.", rs, nlp=nlp)
    assert not [f for f in report.findings if f.rule == PREFIX + "raab"]


# ---------------------------------------------------------------- bad input, end to end

BAD_INPUT = {
    "all_caps": "KÆRE BORGER\n\nDU SKAL BETALE SENEST DEN 1. MAJ. ELLERS SENDER VI SAGEN TIL INKASSO.\n\nMED VENLIG HILSEN\nKOMMUNEN",
    "only_bangs": "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
    "bangs_and_words": "Hej!!! ! ! ! !!!",
    "quoted_speech": ('Du skrev i din klage: "I vil blive politianmeldt, og det skal understreges, at I burde have vidst det!!" '
                      "Vi har læst din klage, og vi svarer dig inden den 1. juni."),
    "quoted_law": ("Reglen står i serviceloven:\n\n§ 112. Kommunalbestyrelsen skal yde støtte til hjælpemidler. "
                   "Stk. 2. Ansøgningen afvises, hvis betingelserne ikke er opfyldt.\n\nRing til os, hvis du har spørgsmål."),
    "english": "Dear citizen. Your application has been REJECTED!! You should have known the rules. Please call us.",
    "norwegian": "Vi gjør oppmerksom på at søknaden din er avslått. Du burde ha visst at fristen var ute!! Ring oss.",
    "norwegian_threat": "Beløpet vil bli sendt til inkasso uten ytterligere varsel. Du har fortsatt ikke betalt.",
    "english_caps": "PLEASE NOTE: YOUR BENEFIT WILL BE STOPPED WITHOUT FURTHER NOTICE. CALL US.",
    "all_caps_polite": ("KÆRE ANNA\n\nTAK FOR DIN ANSØGNING. DU FÅR TILSKUD TIL BRILLER, FORDI DIN INDTÆGT ER UNDER "
                        "GRÆNSEN.\n\nMED VENLIG HILSEN\nBORGERSERVICE"),
    "only_marks": "!!!\n\n?!?!\n\n!!!!!!",
    "empty": "",
    "whitespace": "   \n\n\t  \n",
    "emoji_and_bangs": "🙂🙂🙂!!! 👍",
    "quoted_law_strong": ("Der står i loven: »Kommunen kan standse hjælpen uden varsel, og beløbet inddrives.« "
                          "Vi har ikke standset din hjælp, og du skal ikke betale noget."),
    "quoted_law_block": ("Her er reglen, som vi skal følge:\n\n§ 94. Det påhviler ansøgeren at give oplysninger. "
                         "Stk. 2. Undlader ansøgeren det, kan hjælpen standses uden yderligere varsel.\n\n"
                         "Du har givet os alle oplysninger, så din hjælp fortsætter. Ring til os, hvis du har spørgsmål."),
    "quoted_reader": ("Du skrev til os: 'I burde have vidst det, og jeres brev var UACCEPTABELT!!' "
                      "Tak for dit brev. Vi forstår godt, at du er vred, og vi ringer til dig på mandag."),
    "one_long_word": "A" * 5000,
    "english_in_danish": ("Kære Anna\n\nTak for din ansøgning om tilskud. Your application has been rejected, and you should "
                          "have known the rules!! Vi sender dig svaret på dansk i næste uge.\n\nMed venlig hilsen\nBorgerservice"),
    "norwegian_in_danish": ("Kære Per\n\nVi har fået dit brev. Beløpet vil bli sendt til inkasso uten ytterligere varsel, "
                            "og du burde ha visst det. Vi ringer til dig i morgen.\n\nMed venlig hilsen\nOpkrævningen"),
}


@pytest.mark.model
@pytest.mark.parametrize("name", BAD_INPUT, ids=list(BAD_INPUT))
def test_bad_input_never_breaks(name, nlp):
    report = analyse(BAD_INPUT[name], nlp=nlp)
    assert not [n for n in report.notices if n["code"] == "check_failed"]
    tone_found = [f for f in report.findings if f.category == "tone"]
    for f in tone_found:
        assert 0 <= f.start < f.end <= len(report.text)
    if name == "all_caps":
        # one finding for the capitals, not one for every word
        assert len([f for f in tone_found if f.rule == PREFIX + "raab"]) == 1
    if name in ("quoted_speech", "quoted_law", "quoted_law_strong", "quoted_law_block", "quoted_reader", "all_caps_polite",
                "empty", "whitespace", "english", "norwegian", "norwegian_threat", "english_in_danish", "norwegian_in_danish"):
        # quoted words are someone else's; a polite letter in capitals shouts once, as a whole; English and Norwegian
        # sentences are not Danish tone, even with a Danish-Norwegian word ("inkasso") or "!!"
        allowed = {"all_caps_polite": {PREFIX + "raab"}}.get(name, set())
        assert {f.rule for f in tone_found} <= allowed, [(f.rule, f.text) for f in tone_found]
        assert len(tone_found) <= 1
    if name == "english_caps":
        # English words are no Danish threat; the capitals may count as shouting, once
        assert {f.rule for f in tone_found} <= {PREFIX + "raab"} and len(tone_found) <= 1


def test_tone_penalty_counts_per_letter_not_per_word(ruleset):
    from letterlab.report.model import Finding
    from letterlab.scoring import overall

    prof = ruleset.profile("brev")
    f = Finding(rule=PREFIX + "trussel", category="tone", severity="warning", message="x", start=0, end=1, text="x")
    _, short = overall({"words": 50}, [f], prof)
    _, long = overall({"words": 2000}, [f], prof)
    assert short["tone"] == long["tone"] == round(prof.weights["tone"] / 3, 1)
    _, many = overall({"words": 2000}, [f] * 5, prof)
    assert many["tone"] == prof.weights["tone"]
