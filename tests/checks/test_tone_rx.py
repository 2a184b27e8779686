"""The tone check's quick pattern helpers answer as the plain patterns do (``letterlab.checks.tone_rx``)."""
import re

from letterlab.checks import tone
from letterlab.checks.tone_rx import Needing, Pre, TextMemo, alternation_finditer
from letterlab.prefilter import Alternation

TEXTS = [
    "",
    "du har stadig ikke betalt, selvom vi har bedt om det.",
    "hvis du ikke betaler inden 14 dage, vil sagen blive sendt til inkasso uden yderligere varsel.",
    "vi gør opmærksom på, at din boligstøtte vil blive standset, fordi du ikke har sendt lønsedlerne.",
    "ring til os på 12 34 56 78, hvis du har spørgsmål. i modsat fald lukker vi for vandet!!",
    "Du har ikke mødt op. De kom ikke. I har igen ikke svaret, og det er tredje gang.",
    "ansøgninger modtaget efter fristen behandles ikke. der må ikke ryges i boligen.",
]


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return (a.span(), a.group(0)) == (b.span(), b.group(0))


def test_pre_answers_as_the_pattern():
    patterns = [v for v in vars(tone).values() if isinstance(v, Pre)]
    assert len(patterns) > 100
    for p in patterns:
        rx = p.rx
        for text in TEXTS:
            assert _same(p.search(text), rx.search(text)), p.pattern
            assert _same(p.search(text, 5), rx.search(text, 5)), p.pattern
            assert _same(p.match(text), rx.match(text)), p.pattern
            assert _same(p.fullmatch(text), rx.fullmatch(text)), p.pattern
            assert [m.span() for m in p.finditer(text)] == [m.span() for m in rx.finditer(text)], p.pattern
            assert p.sub(" ", text) == rx.sub(" ", text), p.pattern


def test_pre_skips_a_text_without_its_literals():
    p = Pre(re.compile(r"\b(inkasso|fogedret)\b"))
    assert p.needs is not None
    assert p.search("betal venligst") is None and p.search("sendt til inkasso").group(0) == "inkasso"


def test_alternation_with_memo_finds_what_the_alternation_finds():
    alt = Alternation(tuple(tone.SANCTIONS) + (tone.STILL_NOT_RE.pattern, tone.READER_FAILED_RE.pattern))
    text = "  ".join(TEXTS) * 3
    memo = TextMemo(text)
    for _ in range(2):          # the second scan reads the memo
        got = [(m.span(), m.group(0)) for m in alternation_finditer(alt, memo)]
        assert got == [(m.span(), m.group(0)) for m in alt.finditer(text)]
    assert got


def test_the_automaton_reads_a_text_as_the_literal_tests_do(monkeypatch):
    """``TextMemo`` with the Aho-Corasick automaton (``LITERALS``) knows the same literals and places as
    one ``in`` and one ``find`` loop per literal (the path without the automaton)."""
    from letterlab.checks import tone_rx

    alt = Alternation(tuple(tone.SANCTIONS) + (tone.REPEATED_RE.pattern, tone.READER_FAILED_RE.pattern))
    every = tone_rx._plan(alt)[2]
    assert tone_rx.LITERALS.automaton is not None and {lit for lit in every if len(lit) > 2} <= tone_rx.LITERALS.known
    text = "  ".join(TEXTS) * 2
    scanned = TextMemo(text)
    scanned.test(every)
    assert scanned._scanned
    monkeypatch.setattr(tone_rx.LITERALS, "automaton", None)
    plain = TextMemo(text)
    plain.test(every)
    assert not plain._scanned
    assert scanned.present & every == plain.present & every and plain.present
    for lit in every:
        assert scanned.places(lit) == plain.places(lit), lit
        assert (scanned.count(lit) > 0) == (plain.count(lit) > 0), lit
    got = [(m.span(), m.group(0)) for m in alternation_finditer(alt, plain)]
    assert got == [(m.span(), m.group(0)) for m in alt.finditer(text)] and got


def test_needing_answers_as_the_pattern():
    texts = TEXTS + ["Du skal SVARE NU!", "Kontakt SU-kontoret eller CPR-registret.", "AFGØRELSE", "Aa Bb", "ØÅ"]
    p = tone.CAPS_RE
    assert isinstance(p, Needing)
    for text in texts:
        assert _same(p.search(text), p.rx.search(text)), text
        assert _same(p.search(text, 3), p.rx.search(text, 3)), text
        assert [m.span() for m in p.finditer(text)] == [m.span() for m in p.rx.finditer(text)], text
        assert p.findall(text) == p.rx.findall(text), text
    assert p.search("Du skal SVARE nu").group(0) == "SVARE" and p.search("Du skal svare") is None


def test_quick_yes_no_of_the_way_forward_patterns():
    """``_WAY`` and ``_NEXT_STEP`` (``AnyOf``) say yes where ``WAY_RE`` and ``NEXT_STEP_RE`` find a match."""
    texts = [t.lower() for t in TEXTS] + [
        "ring til os, hvis du har spørgsmål.", "du kan klage over afgørelsen.", "har du spørgsmål til brevet",
        "du kan søge igen næste år.", "vi har sat dig på venteliste.", "skriv til os på mail.", "tak for dit brev."]
    found = 0
    for text in texts:
        assert tone._WAY.search(text) == bool(tone.WAY_RE.search(text)), text
        assert tone._NEXT_STEP.search(text) == bool(tone.NEXT_STEP_RE.search(text)), text
        found += tone._NEXT_STEP.search(text)
    assert 0 < found < len(texts)


def test_a_sentences_literal_mask_answers_as_the_pattern():
    """Inside ``tone_rx.sentences`` a guarded pattern reads a listed text's literals from one mask; the answers are
    the pattern's own, for listed texts and others, and also for a pattern with new literals made meanwhile (the
    masks read before it are read again)."""
    from letterlab.checks import tone_rx

    patterns = [v for v in vars(tone).values() if isinstance(v, Pre) and v.needs and len(v.needs) > 1]
    assert len(patterns) > 50
    memo = dict.fromkeys(TEXTS[1:4])
    with tone_rx.sentences(memo):
        for p in patterns:
            for text in TEXTS + ["en anden tekst om inkasso"]:
                assert _same(p.search(text), p.rx.search(text)), p.pattern
                assert [m.span() for m in p.finditer(text)] == [m.span() for m in p.rx.finditer(text)], p.pattern
        assert all(isinstance(v, int) for v in memo.values())        # the listed texts were read once
        late = Pre(re.compile(r"\b(rottefælde\w*|musefælde\w*) (sættes|stilles) op\b"))
        assert all(v is None for v in memo.values())                  # new literals: the masks are read again
        text = TEXTS[1] + " en rottefælde sættes op"
        memo[text] = None
        assert late.search(text) and not late.search(TEXTS[1])
    assert tone_rx._SENTENCES is None                                  # nothing of the letter stays behind


def test_own_wish_around_answers_as_the_joined_search():
    """``tone._own_wish_around`` reads two sentences as ``OWN_WISH_RE`` reads them joined by a space, also for a
    match that holds the space and for one that only the stretch it searches would cut short."""
    from re import _parser

    assert _parser.parse(tone.OWN_WISH_RE.pattern).getwidth()[1] == tone.OWN_WISH_WIDTH
    lows = ["", "vi har opsagt pladsen, sådan som du selv har ønsket.", "sådan som de selv", "har ønsket det.",
            "efter dit", "eget ønske er pladsen opsagt.", "det sker efter jeres ønske", "ønske", "du selv har",
            "bedt om det", "selv", "valgt", "i selv ønsker det", "efter deres eget ønskeseddel", "efter",
            "dit ønske blev opfyldt", "x" * 30 + " efter dit ønske", "du", "selv har søgt om at flytte."]
    for low in lows:
        for nxt in lows:
            assert tone._own_wish_around(low, nxt) == bool(tone.OWN_WISH_RE.rx.search(low + " " + nxt)), (low, nxt)


def _corpus_sentences() -> list[str]:
    from testutil import CORPUS

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/*.txt"))[:24]]
    return [x.lower() for t in texts for x in re.split(r"(?<=[.!?:])\s+|\n+", t) if x.strip()]


def test_masks_of_each_alternative_answer_as_the_pattern_on_letters():
    """A sentence must hold a literal of each set of one top-level alternative (``_alternative_masks``): the
    answers on real letters' sentences are the pattern's own."""
    from letterlab.checks import tone_rx

    sents = _corpus_sentences()
    patterns = [v for v in vars(tone).values() if isinstance(v, Pre) and v.needs]
    assert sum(tone_rx._alternative_masks(p.rx) is not None for p in patterns) > 50
    with tone_rx.sentences(dict.fromkeys(sents), {}):
        for p in patterns:
            for text in sents:
                assert _same(p.search(text), p.rx.search(text)), (p.pattern, text)
                assert _same(p.match(text), p.rx.match(text)), (p.pattern, text)
                assert [m.span() for m in p.finditer(text)] == [m.span() for m in p.rx.finditer(text)], p.pattern


def test_any_search_is_the_yes_no_of_the_alternation():
    """``tone_rx.AnySearch`` (each family's cold-letter shapes) answers as one regex of all the patterns."""
    from letterlab.checks import tone_cold, tone_rx

    sents = _corpus_sentences() + ["det ændrer ikke ved, at du skal betale", "du må ikke parkere her",
                                   "det er ejerens eget ansvar at rydde fortovet", "en hund sørger for sig selv"]
    for shapes in tone_cold.SHAPES.values():
        patterns = [rx for _, rx, _ in shapes]
        union = re.compile("|".join(f"(?:{re.sub(r'[(][?]P<[a-z_]+>', '(', p.pattern)})" for p in patterns))
        either = tone_rx.AnySearch(patterns)
        want = [bool(union.search(x)) for x in sents]
        with tone_rx.sentences(dict.fromkeys(sents), {}):
            assert [either.search(x) for x in sents] == want
        assert [either.search(x) for x in sents] == want


def test_shortlist_keeps_every_pattern_that_matches_in_order():
    """``tone_rx.shortlist`` leaves out of a family's list only the patterns a sentence cannot match."""
    from letterlab.checks import tone_rx

    sents = _corpus_sentences()
    patterns = tuple(v for v in vars(tone).values() if isinstance(v, (Pre, Needing)))[:120]
    with tone_rx.sentences(dict.fromkeys(sents), {}):
        for text in sents:
            kept = tone_rx.shortlist(patterns, text)
            assert list(kept) == [p for p in patterns if p in kept]
            assert all(p in kept for p in patterns if p.search(text)), text
    assert tone_rx.shortlist(patterns, "en tekst uden for brevet") == patterns
