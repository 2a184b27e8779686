"""The guard every suggestion passes (letterlab/rewrite/guard.py): plain text in, no model needed."""
from __future__ import annotations

import pytest

from letterlab.rewrite.guard import (NOTE_CONTEXT, NOTE_KEEP_DE, NOTE_MIXED, NOTE_PLAN_DE, NOTE_PLAN_UNDERTEGNEDE,
                                     address_plan, agreement_errors, check_suggestion, formal_address_count,
                                     guard_findings, letter_guard, mixed_address)
from testutil import finding, sug


@pytest.mark.parametrize("text,bad", [
    ("Vi har læst denne brev.", "denne brev"),
    ("Send dit ansøgning i dag.", "dit ansøgning"),
    ("Tag din papirer med.", "din papirer"),
    ("Du får et bolig.", "et bolig"),
])
def test_agreement_errors_are_found(text, bad):
    assert agreement_errors(text) == [bad]


@pytest.mark.parametrize("text", ["Vi har læst dette brev.", "Send din ansøgning i dag.", "Tag dine papirer med.",
                                  "Du får en bolig.", "Det er dit forhold til os.", "Send dine nye papirer."])
def test_agreeing_groups_pass(text):
    assert agreement_errors(text) == []


def test_a_swap_that_breaks_agreement_is_rejected():
    text = "Vi har vedlagt nærværende brev til dig."
    _, v = check_suggestion(text, sug(text, "nærværende", "denne"))
    assert v.reject and "denne brev" in v.reject


def test_a_lost_amount_or_date_is_rejected():
    text = "Du skal betale 1.250 kr. senest den 1. maj 2026."
    _, v = check_suggestion(text, sug(text, "senest den 1. maj 2026", "snarest"))
    assert v.reject and "dato" in v.reject
    _, v = check_suggestion(text, sug(text, "1.250 kr.", "1.520 kr."))
    assert v.reject and "beløb" in v.reject


def test_a_lost_or_added_negation_is_rejected():
    text = "Du kan ikke få hjælpen."
    _, v = check_suggestion(text, sug(text, "kan ikke få", "kan få"))
    assert v.reject and "ikke" in v.reject
    text = "Du kan få hjælpen."
    _, v = check_suggestion(text, sug(text, "kan få", "kan aldrig få"))
    assert v.reject


def test_a_new_flagged_word_or_s_passive_is_rejected():
    text = "De anmodes om at sende papirerne."
    _, v = check_suggestion(text, sug(text, "De anmodes om at", "Du bedes om at"), flagged=frozenset())
    assert v.reject
    text = "Vi sender papirerne."
    _, v = check_suggestion(text, sug(text, "sender", "fremsender"), flagged=frozenset({"fremsender"}))
    assert v.reject and "fremsender" in v.reject


@pytest.mark.parametrize("old,new", [("pr.", "om"), ("underrettet", "fortalt")])
def test_known_broken_patterns_are_rejected(old, new):
    text = {"pr.": "Hjælpen stopper pr. 1. april 2026.",
            "underrettet": "Lægen har underrettet kommunen om, at du er rask."}[old]
    _, v = check_suggestion(text, sug(text, old, new))
    assert v.reject


@pytest.mark.parametrize("word", ["bevilget", "modtaget", "indhentet", "ophør", "jf."])
def test_context_dependent_swaps_are_never_safe(word):
    text = f"Det er {word} i går."
    s, v = check_suggestion(text, sug(text, word, "givet"))
    assert v.reject is None and v.unsafe == NOTE_CONTEXT


def test_a_cpr_number_is_never_copied_into_a_suggestion():
    text = "Sagen gælder CPR-nr. 010190-1234."
    s, v = check_suggestion(text, sug(text, "CPR-nr. 010190-1234", "cpr-nummer 010190-1234"))
    assert "1234" not in s.replacement and "{cpr}" in s.replacement


def test_split_after_an_abbreviation_keeps_one_full_stop():
    text = "Gebyret er 65 kr., og ved fortsat manglende betaling mister du pladsen."
    s, v = check_suggestion(text, sug(text, ", og v", ". V", kind="split"))
    assert v.reject is None and s.replacement == " V"


DE_LETTER = "Kære Ib\n\nVi har modtaget Deres ansøgning. De skal sende Deres papirer.\n\nMed venlig hilsen\n\nKarin Holm\n"


def _de_findings(text, safe_all):
    out = []
    for n, word in enumerate(("Deres", "De", "Deres")):
        nth = 1 if n == 2 else 0
        new = {"De": "du", "Deres": "din" if n == 0 else "dine"}[word]
        safe = safe_all or n == 0
        out.append(finding(text, word, [sug(text, word, new, kind="address", safe=safe, nth=nth)],
                           category="address", nth=nth))
    return out


# A letter that already mixes the two forms: the one kind of letter the De -> du plan may convert by default.
MIXED_LETTER = DE_LETTER.replace("\n\nMed venlig", " Du kan også ringe til os.\n\nMed venlig")


def test_de_to_du_is_safe_only_for_the_whole_letter():
    partial = guard_findings(MIXED_LETTER, _de_findings(MIXED_LETTER, safe_all=False))
    assert not any(s.safe for f in partial for s in f.suggestions)
    assert NOTE_PLAN_DE in partial[0].suggestions[0].note
    whole = guard_findings(MIXED_LETTER, _de_findings(MIXED_LETTER, safe_all=True))
    assert all(s.safe for f in whole for s in f.suggestions)
    # a letter that says De everywhere keeps it: the writer chose it (review 7); its De note offers the switch
    # as a hint (only a municipality's consistent = "each" makes every form's switch safe, and then it is theirs)
    kept = guard_findings(DE_LETTER, _de_findings(DE_LETTER, safe_all=False))
    assert not any(s.safe for f in kept for s in f.suggestions)
    assert NOTE_KEEP_DE in kept[0].suggestions[0].note


def test_no_safe_du_in_a_letter_that_keeps_de():
    text = DE_LETTER
    fs = _de_findings(text, safe_all=False) + [
        finding(text, "De skal sende", [sug(text, "De skal sende", "Du skal sende", kind="passive")], "passive")]
    out = guard_findings(text, fs)
    # the rewrite says "De" like the rest of the letter: here that is no change, so it is dropped
    assert out[-1].suggestions == ()
    # in a letter that already mixes the forms but is not converted, a new "du" is never safe
    text = MIXED_LETTER
    fs = _de_findings(text, safe_all=False) + [
        finding(text, "De skal sende", [sug(text, "De skal sende", "Du skal sende", kind="passive")], "passive")]
    s = guard_findings(text, fs)[-1].suggestions[0]
    assert not s.safe and NOTE_MIXED in s.note


def test_formal_forms_in_other_suggestions_follow_a_converting_plan():
    text = MIXED_LETTER
    fs = _de_findings(text, safe_all=True) + [
        finding(text, "De skal sende", [sug(text, "De skal sende Deres papirer", "Send Deres papirer",
                                            kind="passive")], "passive")]
    out = guard_findings(text, fs)
    assert out[-1].suggestions[0].replacement == "Send dine papirer"


def test_undertegnede_needs_a_person_who_signs():
    for signature, ok in (("Karin Holm", True), ("Jobcenter Køge", False)):
        text = f"Kære Ib\n\nRing til undertegnede.\n\nMed venlig hilsen\n\n{signature}\n"
        fs = [finding(text, "undertegnede", [sug(text, "undertegnede", "mig", kind="address")], "address")]
        assert address_plan(text, fs).undertegnede_ok is ok
        s = guard_findings(text, fs)[0].suggestions[0]
        assert s.safe is ok
        if not ok:
            assert NOTE_PLAN_UNDERTEGNEDE in s.note


def test_mixed_address_counts_formal_forms_inside_sentences():
    assert formal_address_count("De unge kommer kl. 10. Vi ringer til Dem.") == 1
    assert mixed_address("Du får hjælp. Vi ringer til Dem.")
    assert not mixed_address("De unge kommer kl. 10. Du får hjælp.")


def test_letter_guard_reports_what_the_new_version_breaks():
    before = "Vi har modtaget dit brev. Du får 500 kr. den 1. maj 2026."
    after = "Vi har modtaget denne brev. Du får 500 kr. Vi ringer til Dem. CPR-nr. 010190-1234."
    checks = {p["check"] for p in letter_guard(before, after)}
    assert checks == {"address", "agreement", "facts", "cpr"}
    assert letter_guard(before, before) == []


# One example each pattern of BAD_PATTERNS (and SENTENCE_PATTERN) matches, in the same order.
BROKEN = ["Du bedes venligst om at ringe.", "Vi sender den endelige.", "Vi bl.a. gav dig svar.", "Sagen vi beror på.",
          "Vi har fortalt kommunen om, at du flytter.", "Hjælpen stopper om 1. april.", "Hjælpen ophører til og med maj.",
          "Der siges ja til ansøgningen.", "Derfor bevilger vi De hjælp.", "Det sker, før som du flytter.",
          "Vi har fundet ud af beløbet.", "Du får 200 kr.. Ved spørgsmål", "Det er fordi vi dog mener det.",
          "Hvoraf det fremgår, at beløbet står fast."]


def _full_count(text):
    from letterlab.rewrite.guard import BAD_RE
    return sum(1 for _ in BAD_RE.finditer(text))


def test_each_broken_pattern_keeps_its_words():
    """The guard leaves out the patterns whose words a text lacks; the count must not change by that."""
    from letterlab.rewrite.guard import BAD_PATTERNS, SENTENCE_PATTERN, _bad_patterns, _NEEDS

    patterns = BAD_PATTERNS + (SENTENCE_PATTERN,)
    assert len(_NEEDS) == len(patterns) == len(BROKEN)
    for pattern, text in zip(patterns, BROKEN):
        assert pattern.search(text), text
        assert _bad_patterns(text) == _full_count(text) >= 1, text
        assert _bad_patterns(text.upper()) == _full_count(text.upper()), text
    # characters IGNORECASE folds onto a plain letter: "BEDEſ" is "bedes" to the pattern
    for odd in ("Du bedeſ om at ringe.", "Du BEDEſ om at ringe.", "Det ſker, før ſom du flytter."):
        assert _bad_patterns(odd) == _full_count(odd) >= 1, odd


def test_broken_patterns_count_the_same_on_every_window_of_the_corpus():
    from pathlib import Path

    from letterlab.rewrite.guard import _bad_patterns

    root = Path(__file__).resolve().parents[2] / "corpora"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.txt"))] + BROKEN
    seen = 0
    for text in texts:
        for a in range(0, len(text), 37):
            for width in (40, 150, 400):
                window = text[a:a + width]
                assert _bad_patterns(window) == _full_count(window), window
                seen += _full_count(window)
    assert seen > 0


def test_long_punctuation_runs_are_cut_before_the_word_pattern_sees_them():
    # the word pattern backtracks over a run of "-", "." or "'" once per position (16,000 hyphens glued to a
    # word took 17 s); a run longer than MAX_PUNCT_RUN is read as its last MAX_PUNCT_RUN characters
    from letterlab.rewrite.guard import MAX_PUNCT_RUN, _words

    words = _words("Se her: " + "-" * 5000 + "ord og " + "." * 5000 + " slut")
    assert words[:3] == ["Se", "her", ":"]
    assert words[3] == "-" * MAX_PUNCT_RUN + "ord"
    assert words[-1] == "slut" and words.count(".") == MAX_PUNCT_RUN
    # ordinary text reads as before
    assert _words("Du skal betale 1.200 kr. til o'Brien-fonden...") == [
        "Du", "skal", "betale", "1.200", "kr", ".", "til", "o'Brien-fonden", ".", ".", "."]


def test_a_passive_turned_active_may_not_make_the_one_acted_on_the_actor():
    text = "Hvis du udebliver, bliver du slettet fra listen."
    _, v = check_suggestion(text, sug(text, "bliver du slettet", "sletter du dig", kind="passive", safe=False))
    assert v.reject and "handler" in v.reject
    text = "Hvis De udebliver, bliver De slettet fra listen."
    _, v = check_suggestion(text, sug(text, "bliver De slettet", "sletter De Dem", kind="passive", safe=False))
    assert v.reject
    # the actor named by the letter, and a reflexive the sentence already had, pass
    text = "Du bliver kontaktet af jobcentret."
    _, v = check_suggestion(text, sug(text, "Du bliver kontaktet af jobcentret", "Jobcentret kontakter dig",
                                      kind="passive", safe=False))
    assert not v.reject
    text = "Du bedes melde dig ledig."
    _, v = check_suggestion(text, sug(text, "Du bedes melde dig", "Meld dig", kind="passive"))
    assert not v.reject
