"""The tone check's quick pattern helpers answer as the plain patterns do (``letterlab.checks.tone_rx``)."""
import re

from letterlab.checks import tone
from letterlab.checks.tone_rx import Pre, TextMemo, alternation_finditer
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
